import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { openStore } from '../../src/store'

// Two apps on one shared file, each saving the settings as its screen opened them: the second save is merged with the
// first under the file's lock, on the file as it is then, not on the copy its app last read.

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-settings-merge-'))
  file = join(dir, 'store.json')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }
const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }

describe('two apps saving the settings at once', () => {
  it('keeps both new members when each app adds one on the settings it opened, also saving at the same moment', async () => {
    const annasApp = await openStore(file)
    const bensApp = await openStore(file)
    const annasBase = annasApp.settings.get()
    const bensBase = bensApp.settings.get()

    await Promise.all([
      annasApp.settings.update({ ...annasBase, team: [...annasBase.team, ana] }, annasBase),
      bensApp.settings.update({ ...bensBase, team: [...bensBase.team, ben] }, bensBase),
    ])

    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { settings: { team: { id: string; removed?: boolean }[] } }
    expect(onDisk.settings.team.map((m) => m.id).sort()).toEqual([ana.id, ben.id])
    expect(onDisk.settings.team.some((m) => m.removed)).toBe(false)
    const reopened = await openStore(file)
    expect(reopened.settings.get().team.map((m) => m.id).sort()).toEqual([ana.id, ben.id])
    await Promise.all([annasApp.close(), bensApp.close(), reopened.close()])
  })

  it('refuses the second of two different changes of one member’s email, and the file keeps the first', async () => {
    const setup = await openStore(file)
    await setup.settings.update({ ...setup.settings.get(), team: [ana, ben] })
    await setup.close()
    const annasApp = await openStore(file)
    const bensApp = await openStore(file)
    const base = bensApp.settings.get()

    await annasApp.settings.update({ ...base, team: [ana, { ...ben, email: 'ben.okafor@example.org' }] }, base)
    const refused = await bensApp.settings.update({ ...base, team: [ana, { ...ben, email: 'b.okafor@example.org' }] }, base).catch((e: unknown) => e)

    expect(refused).toBeInstanceOf(DeskError)
    expect((refused as DeskError).code).toBe('conflict')
    expect((refused as DeskError).message).toContain('Team: Ben Okafor’s email')
    // Ben's app took Ana's save in while refusing: its screen fetches these settings to show both versions.
    expect(bensApp.settings.get().team[1]!.email).toBe('ben.okafor@example.org')
    const reopened = await openStore(file)
    expect(reopened.settings.get().team[1]!.email).toBe('ben.okafor@example.org')
    await Promise.all([annasApp.close(), bensApp.close(), reopened.close()])
  })
})
