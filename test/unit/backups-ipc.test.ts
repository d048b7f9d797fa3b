import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeskApi, Result } from '../../src/ipc/contract'
import { emptyDocument } from '../../src/store/document'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { createTestDesk, type TestDesk } from '../support/testDesk'

let dir: string
const desks: TestDesk[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backups-ipc-'))
})
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.dispose()
  await rm(dir, { recursive: true, force: true })
})

const storeFile = () => join(dir, 'disclosure-desk.json')
const folder = () => join(dir, 'Disclosure Desk backups')
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
async function open(now?: string): Promise<DeskApi> {
  const desk = await createTestDesk({ file: storeFile(), watch: false, ...(now && { now: () => new Date(now) }) })
  desks.push(desk)
  return desk.desk
}
const cases = realisticCases(4, 11)
const goodText = JSON.stringify({ ...emptyDocument(), cases })

/** The ways a store file breaks that the issue names, as the bytes left on disk. */
const broken: [string, string][] = [
  ['corrupt', goodText.replace('"cases":[', '"cases":[}')],
  ['truncated', goodText.slice(0, Math.floor(goodText.length / 2))],
  ['empty', ''],
  ['foreign', JSON.stringify({ name: 'some-package', version: '1.0.0' })],
]

describe('the recovery screen’s backups', () => {
  it.each(broken)('a %s store file: the listing offers the latest good backup, and restoring it brings the cases back', async (_kind, bytes) => {
    await writeFile(storeFile(), goodText)
    // Yesterday's open made the daily backup; today the file is broken.
    await open('2026-11-30T09:00:00Z')
    await desks.pop()!.dispose()
    await writeFile(storeFile(), bytes)

    const desk = await open('2026-12-01T09:00:00Z')
    expect(value(await desk.app.state({}))).toMatchObject({ kind: 'recovery' })
    const list = value(await desk.backups.list({}))
    expect(list).toMatchObject({ folder: folder(), besideStore: true, keep: 14, failure: null })
    expect(list.backups).toEqual([
      { name: 'disclosure-desk 2026-11-30 090000 daily 4 cases.json', kind: 'daily', at: '2026-11-30T09:00:00.000Z', caseCount: 4, size: Buffer.byteLength(goodText) },
    ])
    expect(list.latestGood).toBe(list.backups[0]!.name)

    const restored = value(await desk.backups.restore({ name: list.latestGood! }))
    expect(restored.state).toEqual({ kind: 'ready', file: storeFile(), caseCount: 4 })
    expect(value(await desk.cases.list({})).map((row) => row[0])).toEqual(expect.arrayContaining(cases.map((c) => c.id)))
    // Nothing lost: the broken file is kept as it was, byte for byte.
    expect(restored.savedAs).toMatchObject({ kind: 'before-restore', caseCount: null })
    expect(await readFile(join(folder(), restored.savedAs!.name), 'utf8')).toBe(bytes)
  })

  it('passes over a damaged newest backup to the latest good one, saying what is wrong with it', async () => {
    await writeFile(storeFile(), goodText)
    await open('2026-11-29T09:00:00Z')
    await desks.pop()!.dispose()
    await open('2026-11-30T09:00:00Z')
    await desks.pop()!.dispose()
    const names = (await readdir(folder())).sort()
    await writeFile(join(folder(), names[1]!), goodText.slice(0, 100))
    await writeFile(storeFile(), '')

    const list = value(await (await open('2026-12-01T09:00:00Z')).backups.list({}))
    expect(list.backups.map((b) => [b.name, b.problem, b.needsKey])).toEqual([
      [names[1], expect.stringMatching(/^is cut off/), undefined],
      [names[0], undefined, undefined],
    ])
    expect(list.latestGood).toBe(names[0])
  })

  it('refuses a name that is not one of the store’s backups, a path included', async () => {
    await writeFile(storeFile(), '')
    const desk = await open()
    for (const name of ['../disclosure-desk.json', 'disclosure-desk 2026-11-30 090000 daily 4 cases.json']) {
      const result = await desk.backups.restore({ name })
      expect(result.ok).toBe(false)
    }
    expect(await readFile(storeFile(), 'utf8')).toBe('')
  })
})

describe('opening a store', () => {
  it('keeps a format 2 file as it was before the upgrade, and makes the day’s backup', async () => {
    const versionTwo = JSON.stringify({ schemaVersion: 2, settings: { team: [] }, policies: [], cases })
    await writeFile(storeFile(), versionTwo)
    const list = value(await (await open('2026-12-01T09:00:00Z')).backups.list({}))
    expect(list.backups.map((b) => b.name)).toEqual([
      'disclosure-desk 2026-12-01 090000 daily 4 cases.json',
      'disclosure-desk 2026-12-01 090000 before-migration 4 cases.json',
    ])
    expect(await readFile(join(folder(), list.backups[1]!.name), 'utf8')).toBe(versionTwo)
  })
})

describe('Settings → Backups over IPC', () => {
  it('backs up now, restores it after a change (keeping the changed store first), and sets the folder and the count', async () => {
    await writeFile(storeFile(), goodText)
    const test = await createTestDesk({ file: storeFile(), watch: false })
    desks.push(test)
    const { desk } = test
    const { backup } = value(await desk.backups.create({}))
    expect(backup).toMatchObject({ kind: 'manual', caseCount: 4 })
    value(await desk.samples.load({}))
    const withSamples = value(await desk.app.state({}))
    expect(withSamples).toMatchObject({ caseCount: expect.any(Number) })

    const { state, savedAs } = value(await desk.backups.restore({ name: backup.name }))
    expect(state).toMatchObject({ kind: 'ready', caseCount: 4 })
    expect(savedAs).toMatchObject({ kind: 'before-restore', caseCount: (withSamples as { caseCount: number }).caseCount })

    expect(value(await desk.backups.setKeep({ keep: 3 }))).toMatchObject({ keep: 3 })
    expect((await desk.backups.setKeep({ keep: 0 })).ok).toBe(false)
    const chosen = join(dir, 'chosen')
    test.dialogs.folder = chosen
    expect(value(await desk.backups.chooseFolder({}))).toMatchObject({ folder: chosen, besideStore: false, backups: [] })
    value(await desk.backups.create({}))
    expect(await readdir(chosen)).toHaveLength(1)
    test.dialogs.folder = null
    expect(value(await desk.backups.chooseFolder({}))).toMatchObject({ folder: chosen })
    expect(value(await desk.backups.folderBesideStore({}))).toMatchObject({ folder: folder(), besideStore: true })
  })

  it('says in the listing that the daily backup failed, until one succeeds', async () => {
    await writeFile(storeFile(), goodText)
    // A file where the backup folder should be: the daily backup cannot be made, the store opens all the same.
    await writeFile(folder(), 'in the way')
    const desk = await open('2026-12-01T09:00:00Z')
    expect(value(await desk.app.state({}))).toMatchObject({ kind: 'ready' })
    const list = value(await desk.backups.list({}))
    expect(list.failure).toMatchObject({ kind: 'daily', message: expect.stringMatching(/Disclosure Desk backups could not be read \(ENOTDIR/) })
    expect(list.folderProblem).toMatch(/^The backup folder .* could not be read/)
    await rm(folder())
    value(await desk.backups.create({}))
    await desks.pop()!.dispose()
    // The next open's daily backup succeeds, and the failure is no longer said.
    const next = value(await (await open('2026-12-02T09:00:00Z')).backups.list({}))
    expect(next).toMatchObject({ failure: null, folderProblem: null })
    expect(next.backups.map((b) => b.kind)).toEqual(['daily', 'manual'])
  })

  it('moves the store to another folder: copied, read back, opened there, the old file left as it was', async () => {
    await writeFile(storeFile(), goodText)
    const test = await createTestDesk({ file: storeFile(), watch: false })
    desks.push(test)
    const share = join(dir, 'share')
    await mkdir(share)
    expect(value(await test.desk.store.move({}))).toEqual({ moved: false })

    // Who acts from this computer, and its reminder and backup choices, go with the file.
    const settings = value(await test.desk.settings.get({}))
    value(await test.desk.settings.update({ settings: { ...settings, team: [{ id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }] }, base: settings }))
    value(await test.desk.identity.set({ memberId: 'm-ana' }))
    value(await test.desk.reminders.set({ enabled: false, scope: 'all' }))
    value(await test.desk.backups.setKeep({ keep: 4 }))
    const before = await readFile(storeFile())
    test.dialogs.folder = share
    const moved = value(await test.desk.store.move({}))
    const to = join(share, 'disclosure-desk.json')
    expect(moved).toEqual({ moved: true, from: storeFile(), to, state: { kind: 'ready', file: to, caseCount: 4 }, backupsLeftIn: folder() })
    expect((await readFile(to)).equals(before)).toBe(true)
    // Changes go to the new file; the old one stays as it was.
    value(await test.desk.samples.load({}))
    expect((await readFile(storeFile())).equals(before)).toBe(true)
    expect((await readFile(to)).equals(before)).toBe(false)
    expect(value(await test.desk.app.state({}))).toMatchObject({ file: to })
    expect(value(await test.desk.identity.get({}))).toEqual({ memberId: 'm-ana' })
    expect(value(await test.desk.reminders.get({}))).toEqual({ enabled: false, scope: 'all' })
    expect(value(await test.desk.backups.list({}))).toMatchObject({ keep: 4, folder: join(share, 'Disclosure Desk backups') })

    const again = await test.desk.store.move({})
    expect(again.ok).toBe(false)
    expect(!again.ok && again.error.message).toMatch(/The store is already in/)
  })
})
