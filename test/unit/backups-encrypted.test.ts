import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { BackupPrefs } from '../../src/store/backups'
import { emptyDocument } from '../../src/store/document'
import { makeBackup, readCopy, restoreBackup, type BackupPlace } from '../../src/store/file/backupFiles'
import { isEncryptedFile, newEncryptedEncoding, unlockEncoding } from '../../src/store/file/encryption'
import { realisticCases } from '../bench/fixtures/realisticCases'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backups-encrypted-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('backups of an encrypted store', () => {
  it('are encrypted byte copies, read back with the key; a restore with it brings the cases back', async () => {
    const storeFile = join(dir, 'disclosure-desk.json')
    const cases = realisticCases(3, 4)
    await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), cases }))
    const encoding = await newEncryptedEncoding('a long enough passphrase')
    const store = await openStore(storeFile)
    await store.setEncoding(encoding)
    await store.close()
    const place: BackupPlace = { storeFile, prefs: BackupPrefs.parse({}), now: () => new Date('2026-12-01T10:00:00Z'), encoding }

    const backup = await makeBackup(place, 'manual')
    const copy = await readFile(join(dir, 'Disclosure Desk backups', backup.name))
    expect(backup.caseCount).toBe(3)
    expect(copy.equals(await readFile(storeFile))).toBe(true)
    expect(isEncryptedFile(copy.subarray(0, 4096))).toBe(true)
    expect(copy.includes(Buffer.from(cases[0]!.title))).toBe(false)
    // Without the key the copy is no store to anyone; with a key from the passphrase it is.
    expect(await readCopy(copy)).toMatchObject({ ok: false })
    expect(await readCopy(copy, await unlockEncoding(copy, 'a long enough passphrase'))).toMatchObject({ ok: true })

    await writeFile(storeFile, 'broken')
    const { savedAs } = await restoreBackup(place, backup.name)
    expect(savedAs).toMatchObject({ kind: 'before-restore', caseCount: null })
    expect(isEncryptedFile((await readFile(storeFile)).subarray(0, 4096))).toBe(true)
    const restored = await openStore(storeFile, { encoding })
    expect(restored.cases.list().map((c) => c.id)).toEqual(cases.map((c) => c.id))
    await restored.close()
  })

  it('keeps the plain backups made before encryption was turned on good, and restores one encrypted', async () => {
    const storeFile = join(dir, 'disclosure-desk.json')
    const cases = realisticCases(2, 5)
    await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), cases }))
    const plainPlace: BackupPlace = { storeFile, prefs: BackupPrefs.parse({}), now: () => new Date('2026-11-30T10:00:00Z') }
    const plainBackup = await makeBackup(plainPlace, 'daily')
    const encoding = await newEncryptedEncoding('a long enough passphrase')
    const store = await openStore(storeFile)
    await store.setEncoding(encoding)
    await store.close()
    const place: BackupPlace = { ...plainPlace, now: () => new Date('2026-12-01T10:00:00Z'), encoding }

    const copy = await readFile(join(dir, 'Disclosure Desk backups', plainBackup.name))
    expect(await readCopy(copy, encoding)).toMatchObject({ ok: true })
    await restoreBackup(place, plainBackup.name)
    const bytes = await readFile(storeFile)
    expect(isEncryptedFile(bytes.subarray(0, 4096))).toBe(true)
    expect(bytes.includes(Buffer.from(cases[0]!.title))).toBe(false)
    const restored = await openStore(storeFile, { encoding })
    expect(restored.cases.list().map((c) => c.id)).toEqual(cases.map((c) => c.id))
    await restored.close()
  })
})
