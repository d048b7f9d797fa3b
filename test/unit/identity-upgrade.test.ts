import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { adoptedIdentity } from '../../src/identity/actingMember'
import type { Result } from '../../src/ipc/contract'
import { Settings } from '../../src/settings/settings'
import { emptyDocument } from '../../src/store/document'
import { createTestDesk, type TestDesk } from '../support/testDesk'

const desks: TestDesk[] = []
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.dispose()
})

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }
const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }
const report = {
  title: 'IDOR in the invoice API',
  reporter: { name: 'Sam Finder', email: 'sam@example.org' },
  received: { at: '2026-12-18T15:10:00.000Z', timeZone: 'Europe/Amsterdam' },
}

/** A store an older version wrote: one member, and "I am" kept in the file; this installation has chosen nothing yet. */
async function upgradedStore() {
  const desk = await createTestDesk({ now: () => new Date('2026-12-21T09:00:00Z') })
  desks.push(desk)
  const settings = { ...emptyDocument().settings, team: [ana], currentMemberId: ana.id }
  await writeFile(desk.file, JSON.stringify({ ...emptyDocument(), settings }))
  await desk.restart()
  return desk
}

describe('"I am" of a store an older version kept in the file', () => {
  it('stays when a colleague is added, as the team screen saves it', async () => {
    const desk = await upgradedStore()
    expect(value(await desk.desk.identity.get({}))).toEqual({ memberId: ana.id })
    const settings = value(await desk.desk.settings.get({}))
    value(await desk.desk.settings.update({ settings: { ...settings, team: [...settings.team, ben] }, base: settings }))

    expect(value(await desk.desk.identity.get({}))).toEqual({ memberId: ana.id })
    expect(value(await desk.desk.cases.create(report)).timeline[0]!.by).toEqual({ memberId: ana.id, name: 'Ana Silva' })
  })

  it('is taken into this installation’s book when the store opens, and the file keeps what it said', async () => {
    const desk = await upgradedStore()
    const book = JSON.parse(await readFile(join(dirname(desk.file), 'identities.json'), 'utf8'))
    expect(book).toEqual({ [desk.file]: ana.id })
    expect(JSON.parse(await readFile(desk.file, 'utf8')).settings.currentMemberId).toBe(ana.id)
  })

  it('is not taken over a choice made here, nor on a shared store where the one id was everyone’s', () => {
    const single = Settings.parse({ team: [ana], currentMemberId: ana.id })
    const shared = Settings.parse({ team: [ana, ben], currentMemberId: ana.id })
    expect(adoptedIdentity(single, undefined)).toBe(ana.id)
    expect(adoptedIdentity(single, null)).toBeUndefined()
    expect(adoptedIdentity(single, ben.id)).toBeUndefined()
    expect(adoptedIdentity(shared, undefined)).toBeUndefined()
  })
})
