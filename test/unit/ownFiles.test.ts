import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { identityBook } from '../../electron/identities'
import { installationState } from '../../electron/installationState'
import { lastStore } from '../../electron/lastStoreFile'
import { announcePresence, installationId, presenceFolder } from '../../src/store/file/presence'

// The small files this installation alone writes (the user data folder's, its own presence entry), replaced whole through
// a temporary file each: a crash mid-write leaves that temporary file, which the next start removes.

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'own-files-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

/** What a crash mid-write leaves beside `name`: a temporary file of today's naming and one of the older single name. */
async function leaveTemps(folder: string, name: string): Promise<string[]> {
  const temps = [`.${name}.some-laptop.4242.0123456789ab.tmp`, `.${name}.tmp`]
  for (const temp of temps) await writeFile(join(folder, temp), '{"half": ')
  return temps
}
const namesIn = async (folder: string) => (await readdir(folder)).sort()

describe('temporary files a crash left of this installation’s own files', { timeout: 30_000 }, () => {
  it('identities.json: removed at start, before any choice is written, and the choices still read', async () => {
    await writeFile(join(dir, 'identities.json'), JSON.stringify({ [join(dir, 'store.json')]: 'm-sam' }))
    await leaveTemps(dir, 'identities.json')
    await writeFile(join(dir, '.other.json.tmp'), 'not ours')
    const book = identityBook(dir)
    await expect.poll(() => namesIn(dir), { timeout: 5_000, interval: 25 }).toEqual(['.other.json.tmp', 'identities.json'])
    expect(book.of(join(dir, 'store.json'))).toBe('m-sam')
  })

  it('identities.json: a choice made at once after start is written, and the temporary files are gone', async () => {
    await leaveTemps(dir, 'identities.json')
    const book = identityBook(dir)
    await book.choose(join(dir, 'store.json'), 'm-ali')
    expect(await namesIn(dir)).toEqual(['identities.json'])
    expect(identityBook(dir).of(join(dir, 'store.json'))).toBe('m-ali')
  })

  it('installation.json (reminders shown, the ICS ledger, backup settings): removed at start, a change written after', async () => {
    await leaveTemps(dir, 'installation.json')
    const state = installationState(dir)
    await expect.poll(() => namesIn(dir), { timeout: 5_000, interval: 25 }).toEqual([])
    await state.setIcsLedger(join(dir, 'store.json'), { 'c1/publication': { date: '2027-01-15', sequence: 1 } })
    expect(await namesIn(dir)).toEqual(['installation.json'])
    expect(JSON.parse(await readFile(join(dir, 'installation.json'), 'utf8'))).toMatchObject({
      [join(dir, 'store.json')]: { icsLedger: { 'c1/publication': { date: '2027-01-15', sequence: 1 } } },
    })
  })

  it('last-store.json (the store to open at the next start): removed at start, and the store remembered whole', async () => {
    await writeFile(join(dir, 'last-store.json'), JSON.stringify({ file: '/team/share/disclosure-desk.json' }))
    await leaveTemps(dir, 'last-store.json')
    const last = lastStore(dir)
    expect(last.file()).toBe('/team/share/disclosure-desk.json')
    await expect.poll(() => namesIn(dir), { timeout: 5_000, interval: 25 }).toEqual(['last-store.json'])
    await Promise.all([last.remember('/team/first/disclosure-desk.json'), last.remember('/team/other/disclosure-desk.json')])
    expect(lastStore(dir).file()).toBe('/team/other/disclosure-desk.json')
    expect(await namesIn(dir)).toEqual(['last-store.json'])
  })

  it('installation-id.json: removed when the id is read, whether it is kept or made anew', async () => {
    const file = join(dir, 'installation-id.json')
    await leaveTemps(dir, 'installation-id.json')
    const id = await installationId(file)
    expect(await namesIn(dir)).toEqual(['installation-id.json'])
    await leaveTemps(dir, 'installation-id.json')
    expect(await installationId(file)).toBe(id)
    expect(await namesIn(dir)).toEqual(['installation-id.json'])
  })

  it("this installation's presence entry beside a store: removed when it announces itself, so the folder goes at close", async () => {
    const storeFile = join(dir, 'shared.json')
    const id = '11111111-1111-4111-8111-111111111111'
    const colleague = '22222222-2222-4222-8222-222222222222'
    const folder = presenceFolder(storeFile)
    await mkdir(folder)
    await leaveTemps(folder, `${id}.json`)
    // A colleague's temporary file is their app's to clean: it may be writing it right now.
    const theirs = await leaveTemps(folder, `${colleague}.json`)
    const sam = announcePresence(storeFile, id, () => 'Sam', { host: 'sam-laptop' })
    await sam.announced
    expect(await namesIn(folder)).toEqual([...theirs, `${id}.json`].sort())
    await sam.stop()
    expect(await namesIn(folder)).toEqual(theirs.sort())
  })
})
