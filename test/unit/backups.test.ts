import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installationState } from '../../electron/installationState'
import { openStore } from '../../src/store'
import { BackupPrefs, backupName, dailyDue, parseBackupName, rotatedOut, type Backup } from '../../src/store/backups'
import { emptyDocument } from '../../src/store/document'
import {
  backupFolderOf,
  backupsAtOpen,
  CopyMismatch,
  copyStoreTo,
  listBackups,
  makeBackup,
  readCopy,
  restoreBackup,
  verifyCopy,
  writeVerifiedCopy,
  type BackupPlace,
} from '../../src/store/file/backupFiles'
import { realisticCases } from '../bench/fixtures/realisticCases'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backups-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const storeFile = () => join(dir, 'disclosure-desk.json')
const folder = () => join(dir, 'Disclosure Desk backups')
const at = (iso: string) => () => new Date(iso)
const place = (overrides: Partial<BackupPlace> = {}): BackupPlace => ({
  storeFile: storeFile(),
  prefs: BackupPrefs.parse({}),
  now: at('2026-12-01T17:30:00Z'),
  ...overrides,
})
async function writeStore(caseCount: number): Promise<string> {
  const text = JSON.stringify({ ...emptyDocument(), cases: realisticCases(caseCount, 7) })
  await writeFile(storeFile(), text)
  return text
}

describe('backup names', () => {
  it('say the store, the time in UTC, the kind and the number of cases, and read back as they were written', () => {
    const name = backupName('disclosure-desk', '.json', new Date('2026-12-01T17:30:00.400Z'), 'daily', 42)
    expect(name).toBe('disclosure-desk 2026-12-01 173000 daily 42 cases.json')
    expect(parseBackupName('disclosure-desk', '.json', name)).toEqual({ kind: 'daily', at: '2026-12-01T17:30:00.000Z', caseCount: 42 })
    expect(backupName('team store', '.json', new Date('2026-01-02T03:04:05Z'), 'before-restore', null, 2)).toBe(
      'team store 2026-01-02 030405 before-restore unreadable (2).json',
    )
    expect(parseBackupName('team store', '.json', 'team store 2026-01-02 030405 before-restore unreadable (2).json')).toEqual({
      kind: 'before-restore',
      at: '2026-01-02T03:04:05.000Z',
      caseCount: null,
    })
    expect(backupName('s', '.json', new Date('2026-01-02T03:04:05Z'), 'manual', 1)).toBe('s 2026-01-02 030405 manual 1 case.json')
  })

  it('leave out other stores’ backups, files put there by hand and impossible dates', () => {
    for (const name of [
      'other 2026-12-01 173000 daily 42 cases.json',
      'disclosure-desk 2026-12-01 173000 weekly 42 cases.json',
      'disclosure-desk 2026-02-30 173000 daily 42 cases.json',
      'disclosure-desk 2026-12-01 253000 daily 42 cases.json',
      'disclosure-desk 2026-12-01 173000 daily 42 cases.json.tmp',
      'notes.txt',
    ]) {
      expect(parseBackupName('disclosure-desk', '.json', name)).toBeUndefined()
    }
  })
})

describe('which backups rotation removes and when a daily one is due', () => {
  const backup = (kind: Backup['kind'], day: string): Backup => ({ name: `${kind} ${day}`, kind, at: `${day}T10:00:00.000Z`, caseCount: 1, size: 1 })
  const days = ['2026-11-28', '2026-11-30', '2026-11-29', '2026-12-01']

  it('keeps the newest of each kind, counting each kind on its own', () => {
    const list = [...days.map((d) => backup('daily', d)), backup('manual', '2026-01-01')]
    expect(rotatedOut(list, 'daily', 2).map((b) => b.at.slice(0, 10))).toEqual(['2026-11-29', '2026-11-28'])
    expect(rotatedOut(list, 'manual', 1)).toEqual([])
  })

  it('is due unless a daily one was made on the same UTC day', () => {
    const list = days.slice(0, 3).map((d) => backup('daily', d))
    expect(dailyDue(list, new Date('2026-11-30T23:59:59Z'))).toBe(false)
    expect(dailyDue(list, new Date('2026-12-01T00:00:00Z'))).toBe(true)
    expect(dailyDue([backup('manual', '2026-12-01')], new Date('2026-12-01T12:00:00Z'))).toBe(true)
  })
})

describe('making a backup', () => {
  it('copies the store file byte for byte beside it, named by time, kind and case count, and lists it', async () => {
    const text = await writeStore(3)
    const made = await makeBackup(place(), 'manual')
    expect(made).toEqual({
      name: 'disclosure-desk 2026-12-01 173000 manual 3 cases.json',
      kind: 'manual',
      at: '2026-12-01T17:30:00.000Z',
      caseCount: 3,
      size: Buffer.byteLength(text),
    })
    expect(await readFile(join(folder(), made.name), 'utf8')).toBe(text)
    expect(await listBackups(place())).toEqual([made])
    // Nothing but the copy: no temporary file is left in the folder.
    expect(await readdir(folder())).toEqual([made.name])
  })

  it('goes to the folder the person chose, and a second one in the same second gets a name of its own', async () => {
    await writeStore(1)
    const chosen = join(dir, 'elsewhere', 'backups')
    const prefs = BackupPrefs.parse({ folder: chosen })
    const first = await makeBackup(place({ prefs }), 'manual')
    const second = await makeBackup(place({ prefs }), 'manual')
    expect(backupFolderOf(storeFile(), prefs)).toBe(chosen)
    expect((await readdir(chosen)).sort()).toEqual([first.name, second.name].sort())
    expect(second.name).toBe('disclosure-desk 2026-12-01 173000 manual 1 case (2).json')
  })

  it('refuses a store file that is not a store, except to keep it before a restore', async () => {
    await writeFile(storeFile(), '{"schemaVersion":3,"cases":[{"id":"a","tit')
    await expect(makeBackup(place(), 'daily')).rejects.toThrow(/is cut off.*so it was not backed up/)
    expect(await readdir(folder())).toEqual([])
    const kept = await makeBackup(place(), 'before-restore')
    expect(kept).toMatchObject({ kind: 'before-restore', caseCount: null, name: 'disclosure-desk 2026-12-01 173000 before-restore unreadable.json' })
    expect(await readFile(join(folder(), kept.name), 'utf8')).toBe('{"schemaVersion":3,"cases":[{"id":"a","tit')
  })

  it('refuses in words when the folder cannot be written, and the store file stays as it was', async () => {
    const text = await writeStore(1)
    // A file where the folder should be: mkdir fails as it would on a folder that cannot be made.
    await writeFile(join(dir, 'blocked'), 'not a folder')
    await expect(makeBackup(place({ prefs: BackupPrefs.parse({ folder: join(dir, 'blocked') }) }), 'manual')).rejects.toThrow(
      /The backup could not be made in .*blocked .*The store file was not changed; check that the folder can be written to/,
    )
    expect(await readFile(storeFile(), 'utf8')).toBe(text)
  })

  it('keeps only the newest of its kind, as many as chosen, and leaves the other kinds alone', async () => {
    await writeStore(2)
    const prefs = BackupPrefs.parse({ keep: 3 })
    const manual = await makeBackup(place({ prefs, now: at('2026-11-01T08:00:00Z') }), 'manual')
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']) {
      await makeBackup(place({ prefs, now: at(`${day}T08:00:00Z`) }), 'daily')
    }
    const left = await listBackups(place({ prefs }))
    expect(left.map((b) => `${b.kind} ${b.at.slice(0, 10)}`)).toEqual([
      'daily 2026-11-29',
      'daily 2026-11-28',
      'daily 2026-11-27',
      'manual 2026-11-01',
    ])
    expect(left.at(-1)).toEqual(manual)
  })
})

describe('reading a copy back', () => {
  it('catches a copy whose bytes differ from what was written: cut short, or one byte changed', async () => {
    const original = new TextEncoder().encode(await writeStore(2))
    const copy = join(dir, 'copy.json')
    await writeFile(copy, original.subarray(0, original.length - 10))
    await expect(verifyCopy(copy, original, () => true)).rejects.toThrow(CopyMismatch)
    const flipped = Uint8Array.from(original)
    flipped[100]! ^= 1
    await writeFile(copy, flipped)
    await expect(verifyCopy(copy, original, () => true)).rejects.toThrow(/differs from the original/)
    await writeFile(copy, original)
    expect(await verifyCopy(copy, original, async (bytes) => (await readCopy(bytes)).ok)).toBe(true)
  })

  it('gives a copy that its check refuses no name, and leaves nothing behind', async () => {
    const bytes = new TextEncoder().encode('not a store')
    const target = join(folder(), 'never.json')
    const refuse = async (copy: Uint8Array) => {
      const read = await readCopy(copy)
      if (!read.ok) throw new Error(`the copy ${read.problem}`)
    }
    await expect(writeVerifiedCopy(folder(), bytes, refuse, async () => target)).rejects.toThrow(/the copy is not valid JSON/)
    expect(await readdir(folder())).toEqual([])
  })
})

describe('backups when a store opens', () => {
  it('makes one daily backup a day: not again the same day, again the next', async () => {
    await writeStore(1)
    expect((await backupsAtOpen(place({ now: at('2026-12-01T08:00:00Z') }), undefined)).map((b) => b.kind)).toEqual(['daily'])
    expect(await backupsAtOpen(place({ now: at('2026-12-01T23:59:00Z') }), undefined)).toEqual([])
    expect((await backupsAtOpen(place({ now: at('2026-12-02T00:01:00Z') }), undefined)).map((b) => b.at)).toEqual(['2026-12-02T00:01:00.000Z'])
    expect((await listBackups(place())).filter((b) => b.kind === 'daily')).toHaveLength(2)
  })

  it('keeps a format 2 file as it was before the app upgrades it, once, through the session as the app opens it', async () => {
    const versionTwo = JSON.stringify({
      schemaVersion: 2,
      settings: { team: [{ id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }] },
      policies: [],
      cases: realisticCases(2, 3),
    })
    await writeFile(storeFile(), versionTwo)
    const store = await openStore(storeFile())
    expect(store.migratedFrom).toBe(2)
    await store.close()

    const made = await backupsAtOpen(place(), 2)
    expect(made.map((b) => b.name)).toEqual([
      'disclosure-desk 2026-12-01 173000 before-migration 2 cases.json',
      'disclosure-desk 2026-12-01 173000 daily 2 cases.json',
    ])
    expect(await readFile(join(folder(), made[0]!.name), 'utf8')).toBe(versionTwo)
    // Opened again before anything was saved: the file is the same, so it is not kept a second time.
    expect(await backupsAtOpen(place({ now: at('2026-12-02T09:00:00Z') }), 2)).toMatchObject([{ kind: 'daily' }])
  })
})

describe('restoring and moving', () => {
  it('puts a backup back after keeping the store as it is now, and the restored file opens with the cases', async () => {
    await writeStore(3)
    const good = await makeBackup(place({ now: at('2026-11-30T08:00:00Z') }), 'daily')
    const now = JSON.stringify({ ...emptyDocument(), cases: realisticCases(5, 9) })
    await writeFile(storeFile(), now)

    const { restored, savedAs } = await restoreBackup(place(), good.name)
    expect(restored).toEqual(good)
    expect(savedAs).toMatchObject({ kind: 'before-restore', caseCount: 5 })
    expect(await readFile(join(folder(), savedAs!.name), 'utf8')).toBe(now)
    const store = await openStore(storeFile())
    expect(store.cases.list().map((c) => c.id)).toEqual(realisticCases(3, 7).map((c) => c.id))
    await store.close()
  })

  it('refuses a backup that is not there or not a store any more, and changes nothing', async () => {
    const text = await writeStore(1)
    const made = await makeBackup(place(), 'manual')
    await expect(restoreBackup(place(), 'disclosure-desk 2026-01-01 000000 manual 1 case.json')).rejects.toThrow(/There is no backup named/)
    await writeFile(join(folder(), made.name), '')
    await expect(restoreBackup(place(), made.name)).rejects.toThrow(/The backup “.*” is empty\. Nothing was changed/)
    expect(await readFile(storeFile(), 'utf8')).toBe(text)
    expect(await readdir(folder())).toEqual([made.name])
  })

  it('copies the store to another folder and reads it back; a folder holding a file of that name is refused', async () => {
    const text = await writeStore(2)
    const share = join(dir, 'share')
    const moved = await copyStoreTo(storeFile(), share)
    expect(moved).toBe(join(share, 'disclosure-desk.json'))
    expect(await readFile(moved, 'utf8')).toBe(text)
    expect(await readFile(storeFile(), 'utf8')).toBe(text)
    await expect(copyStoreTo(storeFile(), share)).rejects.toThrow(/already holds a file named disclosure-desk.json. Nothing was moved/)
    await expect(copyStoreTo(storeFile(), dir)).rejects.toThrow(/The store is already in/)
    await mkdir(join(dir, 'broken'))
    await writeFile(storeFile(), '[]')
    await expect(copyStoreTo(storeFile(), join(dir, 'broken'))).rejects.toThrow(/the copy is not a Disclosure Desk store.*Nothing was moved/)
    expect(await readdir(join(dir, 'broken'))).toEqual([])
  })
})

describe("this installation's backup settings", () => {
  it('start beside the store with 14 of each kind, and keep a choice and a failure per store file across a restart', async () => {
    const state = installationState(dir)
    expect(state.backupPrefs(storeFile())).toEqual({ folder: null, keep: 14 })
    expect(state.backupFailure(storeFile())).toBeUndefined()
    await state.setBackupPrefs(storeFile(), { folder: join(dir, 'b'), keep: 5 })
    await state.setBackupFailure(storeFile(), { at: '2026-12-01T17:30:00.000Z', kind: 'daily', message: 'The backup could not be made.' })
    const restarted = installationState(dir)
    expect(restarted.backupPrefs(storeFile())).toEqual({ folder: join(dir, 'b'), keep: 5 })
    expect(restarted.backupFailure(storeFile())).toMatchObject({ kind: 'daily' })
    expect(restarted.backupPrefs(join(dir, 'other.json'))).toEqual({ folder: null, keep: 14 })
    await restarted.setBackupFailure(storeFile(), undefined)
    expect(installationState(dir).backupFailure(storeFile())).toBeUndefined()
  })
})
