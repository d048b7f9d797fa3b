import { readFile, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { refused, value } from '../support/results'
import { isEncryptedFile, unlockEncoding } from '../../src/store/file/encryption'
import { createTestDesk, type TestDesk } from '../support/testDesk'

const passphrase = 'first passphrase of the team'

let desk: TestDesk | undefined
afterEach(async () => {
  await desk?.dispose()
  desk = undefined
})

const caseInput = {
  title: 'Session fixation in the <b>admin</b> portal',
  reporter: { name: 'Ada Researcher', email: 'ada@example.org', language: 'en' as const },
  received: { at: '2026-03-05T14:10:00+01:00', timeZone: 'Europe/Amsterdam' },
  channel: 'email' as const,
  reportText: 'Tokens are not rotated at login.',
  severity: { kind: 'unrated' as const },
  tags: [],
}

/** An encrypted store with one case and a manual (encrypted) backup of it, beside the plain daily one of its first open. */
async function encryptedStoreWithBackup(): Promise<{ desk: TestDesk; backup: string }> {
  const made = await createTestDesk({ watch: false })
  await value(made.desk.cases.create(caseInput))
  await value(made.desk.encryption.turnOn({ passphrase, repeat: passphrase }))
  const { backup } = await value(made.desk.backups.create({}))
  expect(isEncryptedFile(await readFile(`${(await value(made.desk.backups.list({}))).folder}/${backup.name}`))).toBe(true)
  return { desk: made, backup: backup.name }
}

describe('the encrypted backups of a store that could not be opened without a key', () => {
  it('an emptied store file at a fresh start: a wrong passphrase is refused, the right one reads the backups and the restore opens the store encrypted', async () => {
    const made = await encryptedStoreWithBackup()
    desk = made.desk
    const { desk: api, file } = desk
    await writeFile(file, '')
    await desk.restart()
    expect(await value(api.app.state({}))).toMatchObject({ kind: 'recovery', file })

    // Without a key the encrypted backup cannot be read: it is listed with its problem, not offered.
    const before = await value(api.backups.list({}))
    const encrypted = before.backups.find((b) => b.name === made.backup)!
    expect(encrypted.problem).toMatch(/^is now encrypted with a passphrase/)
    expect(encrypted.needsKey).toBe(true)
    expect(before.latestGood).not.toBe(made.backup)

    const folderBytes = async () => {
      const list = await value(api.backups.list({}))
      return Promise.all(list.backups.map(async (b) => [b.name, (await readFile(`${list.folder}/${b.name}`)).toString('base64')]))
    }
    const filesBefore = await folderBytes()
    const wrong = await refused(api.backups.unlock({ passphrase: 'not the passphrase at all' }))
    expect(wrong).toMatchObject({ code: 'invalid_input', issues: [{ path: 'passphrase', message: 'That passphrase does not open these backups' }] })
    expect(await readFile(file, 'utf8')).toBe('')
    expect(await folderBytes()).toEqual(filesBefore)
    expect(await value(api.app.state({}))).toMatchObject({ kind: 'recovery' })
    expect((await value(api.backups.list({}))).backups.find((b) => b.name === made.backup)!.problem).toBeDefined()

    const read = await value(api.backups.unlock({ passphrase }))
    expect(read.latestGood).toBe(made.backup)
    expect(read.backups.find((b) => b.name === made.backup)).toMatchObject({ caseCount: 1 })
    expect(read.backups.find((b) => b.name === made.backup)!.problem).toBeUndefined()
    expect(read.backups.some((b) => b.needsKey)).toBe(false)
    expect(await readFile(file, 'utf8')).toBe('')

    const { state, savedAs } = await value(api.backups.restore({ name: made.backup }))
    expect(state).toEqual({ kind: 'ready', file, caseCount: 1 })
    expect(savedAs).toMatchObject({ kind: 'before-restore', caseCount: null })
    const restored = await readFile(file)
    expect(isEncryptedFile(restored)).toBe(true)
    expect(restored.includes('Session fixation')).toBe(false)
    expect((await unlockEncoding(restored, passphrase)).decode(restored)).toContain('Session fixation')
    expect(await value(api.encryption.status({}))).toEqual({ encrypted: true })
    expect((await value(api.cases.list({}))).length).toBe(1)

    // The restored store is encrypted with that passphrase: the next start asks for it, as for any encrypted store.
    await desk.restart()
    expect(await value(api.app.state({}))).toEqual({ kind: 'locked', file })
    expect(await value(api.store.unlock({ passphrase }))).toEqual({ kind: 'ready', file, caseCount: 1 })
  }, 120_000)

  it('a damaged encryption header at a fresh start: the passphrase reads the backups and the restore works', async () => {
    const made = await encryptedStoreWithBackup()
    desk = made.desk
    const { desk: api, file } = desk
    const damaged = Buffer.from(await readFile(file))
    damaged[40] = 0x7b
    await writeFile(file, damaged)
    await desk.restart()
    expect(await value(api.app.state({}))).toMatchObject({ kind: 'recovery', problem: expect.stringMatching(/encryption header/) })

    expect((await value(api.backups.unlock({ passphrase }))).latestGood).toBe(made.backup)
    expect((await value(api.backups.restore({ name: made.backup }))).state).toEqual({ kind: 'ready', file, caseCount: 1 })
    expect(isEncryptedFile(await readFile(file))).toBe(true)
    expect(await value(api.encryption.status({}))).toEqual({ encrypted: true })
  }, 120_000)

  it('is refused while the store is open, and when no backup is encrypted', async () => {
    desk = await createTestDesk({ watch: false })
    const { desk: api, file } = desk
    expect((await refused(api.backups.unlock({ passphrase }))).message).toMatch(/only while the store file cannot be opened/)
    await writeFile(file, '')
    await desk.restart()
    expect((await refused(api.backups.unlock({ passphrase }))).message).toMatch(/None of the backups .* is an encrypted store/)
  }, 60_000)
})
