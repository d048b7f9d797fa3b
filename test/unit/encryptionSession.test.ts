import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { refused, value } from '../support/results'
import { isEncryptedFile, unlockEncoding } from '../../src/store/file/encryption'
import { createTestDesk, type TestDesk } from '../support/testDesk'

// Every key is derived with scrypt at the app's own cost (N=2^17, 128 MiB): about a second each here, several under
// load. Two things keep this file quick without changing what it checks. scrypt is remembered per exact input (the
// passphrase, the salt, the cost): the same input always gives the same key, so a derivation this file already made
// (the unlock of a store it just encrypted, a wrong passphrase tried twice) is not made again, while every other input,
// a wrong passphrase included, is derived for real. And the tests that start from an encrypted store share one
// (encryptedDesk), encrypted once for the file, instead of each turning encryption on with a salt of its own.
// The memo catches only the callback form of scrypt, the one the app calls: encryptedDesk checks that its unlock was
// answered from it, so that the app moving to another form (and this file slowing down again) does not go unnoticed.
const scryptMemo = vi.hoisted(() => ({ remembered: 0 }))
vi.mock('node:crypto', async (original) => {
  const crypto = await original<typeof import('node:crypto')>()
  const derived = new Map<string, Buffer>()
  const scrypt = (
    passphrase: string,
    salt: Buffer,
    keyLength: number,
    options: import('node:crypto').ScryptOptions,
    done: (error: Error | null, key: Buffer) => void,
  ) => {
    const input = JSON.stringify([passphrase, salt.toString('base64'), keyLength, options])
    const known = derived.get(input)
    if (known) {
      scryptMemo.remembered++
      return void setImmediate(() => done(null, Buffer.from(known)))
    }
    crypto.scrypt(passphrase, salt, keyLength, options, (error, key) => {
      if (!error) derived.set(input, Buffer.from(key))
      done(error, key)
    })
  }
  return { ...crypto, scrypt }
})

const first = 'first passphrase of the team'
const second = 'second passphrase, after Sam left'

let desk: TestDesk | undefined
let colleague: TestDesk | undefined
const folders: string[] = []
afterEach(async () => {
  await colleague?.dispose()
  await desk?.dispose()
  desk = colleague = undefined
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

const bytesOf = (file: string) => readFile(file)
const caseInput = {
  title: 'Session fixation in the <b>admin</b> portal',
  reporter: { name: 'Ada Researcher', email: 'ada@example.org', language: 'en' as const },
  received: { at: '2026-03-05T14:10:00+01:00', timeZone: 'Europe/Amsterdam' },
  channel: 'email' as const,
  reportText: 'Tokens are not rotated at login.',
  severity: { kind: 'unrated' as const },
  tags: [],
}

/** The store file of an encrypted store holding one case, its passphrase `first`: made once for the file. */
let encryptedStore: Promise<Buffer> | undefined
function encryptedStoreBytes(): Promise<Buffer> {
  encryptedStore ??= (async () => {
    const maker = await createTestDesk({ watch: false })
    try {
      await value(maker.desk.cases.create(caseInput))
      await value(maker.desk.encryption.turnOn({ passphrase: first, repeat: first }))
      return await bytesOf(maker.file)
    } finally {
      await maker.dispose()
    }
  })()
  return encryptedStore
}

/** A desk on a copy of that encrypted store, in a folder of its own, unlocked with its passphrase. */
async function encryptedDesk(): Promise<TestDesk> {
  const folder = await mkdtemp(join(tmpdir(), 'disclosure-desk-encrypted-'))
  folders.push(folder)
  const file = join(folder, 'disclosure-desk.json')
  await writeFile(file, await encryptedStoreBytes())
  const made = await createTestDesk({ file, watch: false })
  expect(await value(made.desk.app.state({}))).toEqual({ kind: 'locked', file })
  const remembered = scryptMemo.remembered
  expect(await value(made.desk.store.unlock({ passphrase: first }))).toEqual({ kind: 'ready', file, caseCount: 1 })
  // The key of the passphrase and salt the store was encrypted with, derived once already.
  expect(scryptMemo.remembered).toBeGreaterThan(remembered)
  return made
}

describe('an encrypted store through the handlers', () => {
  it('turns encryption on, asks for the passphrase at the next start, changes it and turns it off, never writing on a wrong one', async () => {
    desk = await createTestDesk({ watch: false })
    const { desk: api, file } = desk
    await value(api.cases.create(caseInput))
    expect(await value(api.encryption.status({}))).toEqual({ encrypted: false })

    // Refused before any key is derived: the rules, in words, at their fields.
    expect((await refused(api.encryption.turnOn({ passphrase: 'short', repeat: 'short' }))).issues).toEqual([
      { path: 'passphrase', message: 'Use at least 12 characters' },
    ])
    expect((await refused(api.encryption.turnOn({ passphrase: first, repeat: `${first} ` }))).issues).toEqual([
      { path: 'repeat', message: 'This is not the same as the passphrase above' },
    ])

    expect(await value(api.encryption.turnOn({ passphrase: first, repeat: first }))).toEqual({ encrypted: true })
    let onDisk = await bytesOf(file)
    expect(isEncryptedFile(onDisk)).toBe(true)
    expect(onDisk.includes('Session fixation')).toBe(false)
    // The store keeps the new encoding: the next save is encrypted too, and the case is still there.
    await value(api.cases.create({ ...caseInput, title: 'Second case' }))
    onDisk = await bytesOf(file)
    expect(isEncryptedFile(onDisk)).toBe(true)
    expect((await unlockEncoding(onDisk, first)).decode(onDisk)).toContain('Second case')
    expect((await refused(api.encryption.turnOn({ passphrase: second, repeat: second }))).message).toMatch(/already encrypted/)

    await desk.restart()
    expect(await value(api.app.state({}))).toEqual({ kind: 'locked', file })
    const wrong = await refused(api.store.unlock({ passphrase: second }))
    expect(wrong).toMatchObject({ code: 'invalid_input', issues: [{ path: 'passphrase', message: 'That passphrase does not open this store' }] })
    expect((await bytesOf(file)).equals(onDisk)).toBe(true)
    expect(await value(api.store.unlock({ passphrase: first }))).toEqual({ kind: 'ready', file, caseCount: 2 })

    // A wrong current passphrase changes nothing.
    expect((await refused(api.encryption.change({ current: second, passphrase: second, repeat: second }))).issues).toEqual([
      { path: 'current', message: 'That passphrase does not open this store; nothing was changed' },
    ])
    expect((await bytesOf(file)).equals(onDisk)).toBe(true)
    expect(await value(api.encryption.change({ current: first, passphrase: second, repeat: second }))).toEqual({ encrypted: true })
    const changed = await bytesOf(file)
    await expect(unlockEncoding(changed, first)).rejects.toMatchObject({ code: 'invalid_input' })
    expect((await unlockEncoding(changed, second)).decode(changed)).toContain('Second case')

    expect((await refused(api.encryption.turnOff({ current: first }))).issues).toEqual([
      { path: 'current', message: 'That passphrase does not open this store; nothing was changed' },
    ])
    expect((await bytesOf(file)).equals(changed)).toBe(true)
    expect(await value(api.encryption.turnOff({ current: second }))).toEqual({ encrypted: false })
    const plain = JSON.parse(await readFile(file, 'utf8')) as { cases: { title: string }[] }
    expect(plain.cases.map((c) => c.title)).toEqual([caseInput.title, 'Second case'])
    await desk.restart()
    expect(await value(api.app.state({}))).toEqual({ kind: 'ready', file, caseCount: 2 })
    expect((await refused(api.encryption.turnOff({ current: second }))).message).toMatch(/not encrypted/)
  }, 120_000)

  it('a damaged header is refused at open, and a damaged body after the passphrase, both without writing; the encrypted backup restores it', async () => {
    desk = await encryptedDesk()
    const { desk: api, file } = desk
    const { backup } = await value(api.backups.create({}))
    const good = await bytesOf(file)

    const badHeader = Buffer.from(good)
    badHeader[40] = 0x7b // '{' inside the header line: no longer JSON
    await writeFile(file, badHeader)
    await desk.restart()
    const state = await value(api.app.state({}))
    expect(state).toMatchObject({ kind: 'recovery', file, problem: expect.stringMatching(/^was changed or damaged after it was encrypted/) })
    expect((await bytesOf(file)).equals(badHeader)).toBe(true)

    const badBody = Buffer.from(good)
    badBody[badBody.length - 40]! ^= 0x20
    await writeFile(file, badBody)
    await desk.restart()
    expect(await value(api.app.state({}))).toEqual({ kind: 'locked', file })
    const after = await value(api.store.unlock({ passphrase: first }))
    expect(after).toMatchObject({ kind: 'recovery', problem: expect.stringMatching(/content does not match its authentication tag/) })
    expect((await bytesOf(file)).equals(badBody)).toBe(true)

    // The passphrase was right, so the recovery screen reads the encrypted backups with its key and restores one.
    const list = await value(api.backups.list({}))
    expect(list.latestGood).toBe(backup.name)
    expect((await value(api.backups.restore({ name: backup.name }))).state).toEqual({ kind: 'ready', file, caseCount: 1 })
    const restored = await bytesOf(file)
    expect(isEncryptedFile(restored)).toBe(true)
    expect(restored.includes('Session fixation')).toBe(false)

    // The header damaged while the store is open (another program wrote it): opened again it is refused, and the key
    // this app holds still reads the backups, so the restore works without the passphrase asked again.
    const damagedHeader = Buffer.from(restored)
    damagedHeader[40] = 0x7b
    await writeFile(file, damagedHeader)
    desk.dialogs.open = file
    expect(await value(api.store.openOther({}))).toMatchObject({ kind: 'recovery', problem: expect.stringMatching(/^was changed or damaged after it was encrypted \(its encryption header/) })
    expect((await value(api.backups.list({}))).latestGood).not.toBeNull()
    expect((await value(api.backups.restore({ name: backup.name }))).state).toEqual({ kind: 'ready', file, caseCount: 1 })
  }, 120_000)

  it("an encrypted store's backups are encrypted copies, read back with its key", async () => {
    desk = await encryptedDesk()
    const { desk: api, file } = desk
    // The daily backup of the first open goes, so the next open makes today's anew.
    await rm(join(dirname(file), 'Disclosure Desk backups'), { recursive: true, force: true })
    await desk.restart()
    await value(api.store.unlock({ passphrase: first }))

    const list = await value(api.backups.list({}))
    expect(list.failure).toBeNull()
    expect(list.backups.map((b) => [b.kind, b.caseCount, b.problem])).toEqual([['daily', 1, undefined]])
    const copy = await readFile(join(list.folder, list.backups[0]!.name))
    expect(copy.equals(await readFile(file))).toBe(true)
    expect(isEncryptedFile(copy)).toBe(true)
    expect(copy.includes('Session fixation')).toBe(false)
  }, 120_000)

  it("a colleague's app turning encryption on or setting a new passphrase: opening the file again asks for it", async () => {
    desk = await createTestDesk({ watch: false })
    const { desk: api, file } = desk
    await value(api.cases.create(caseInput))
    colleague = await createTestDesk({ file, watch: false })
    await value(colleague.desk.encryption.turnOn({ passphrase: first, repeat: first }))

    // This app still has the plain store open: a change is refused in words, nothing written over the colleague's file.
    const encrypted = await bytesOf(file)
    expect((await refused(api.cases.create({ ...caseInput, title: 'Mine' }))).code).toBe('store_unavailable')
    expect((await bytesOf(file)).equals(encrypted)).toBe(true)
    desk.dialogs.open = file
    expect(await value(api.store.openOther({}))).toEqual({ kind: 'locked', file })
    await value(api.store.unlock({ passphrase: first }))

    await value(colleague.desk.encryption.change({ current: first, passphrase: second, repeat: second }))
    // The key this app holds no longer fits the file: opened again, it asks for the new passphrase instead of failing.
    expect(await value(api.store.openOther({}))).toEqual({ kind: 'locked', file })
    await expect(value(api.store.unlock({ passphrase: first }))).rejects.toThrow('That passphrase does not open this store.')
    expect(await value(api.store.unlock({ passphrase: second }))).toEqual({ kind: 'ready', file, caseCount: 1 })
  }, 120_000)

  it('a moved encrypted store opens at its new place with the key held, still encrypted', async () => {
    desk = await encryptedDesk()
    const { desk: api, file } = desk
    desk.dialogs.folder = await mkdtemp(join(tmpdir(), 'disclosure-desk-moved-'))
    const moved = await value(api.store.move({}))
    expect(moved).toMatchObject({ moved: true, from: file, state: { kind: 'ready', caseCount: 1 } })
    const to = (moved as { to: string }).to
    expect(isEncryptedFile(await bytesOf(to))).toBe(true)
    expect(await value(api.encryption.status({}))).toEqual({ encrypted: true })
    await rm(desk.dialogs.folder, { recursive: true, force: true })
  }, 120_000)
})
