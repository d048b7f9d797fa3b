import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { identityBook } from '../../electron/identities'
import { installationState } from '../../electron/installationState'
import { presenceHandlers, storePresence, type StorePresence } from '../../electron/presenceHandlers'
import { createStoreSession, type StoreSession } from '../../electron/storeSession'
import { presenceFolder, type PresenceOptions } from '../../src/store/file/presence'

let dir: string
const cleanups: (() => Promise<void>)[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'presence-session-'))
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await rm(dir, { recursive: true, force: true })
})

/** One person's app: its own user data folder, a session on `file`, and its presence beside it. */
async function app(
  name: string,
  host: string,
  file: string,
  beforeFollowing: (session: StoreSession) => Promise<void> = async () => {},
  options: PresenceOptions = {},
): Promise<{ session: StoreSession; presence: StorePresence }> {
  const userData = join(dir, name)
  await mkdir(userData, { recursive: true })
  const session = createStoreSession({ identities: identityBook(userData), installation: installationState(userData) })
  const presence = storePresence(session, join(userData, 'installation-id.json'), { host, ...options })
  cleanups.push(async () => {
    await presence.stop()
    await session.close()
  })
  await session.open(file)
  await beforeFollowing(session)
  await presence.follow()
  return { session, presence }
}

describe("the apps that have a store open, as the window's 'store:presence' asks", () => {
  it('names the other app by the person chosen under "You are" there, never this app itself', async () => {
    const file = join(dir, 'shared.json')
    const sam = await app('sam', 'sam-laptop', file, async (session) => {
      const settings = session.store().settings.get()
      const team = [{ id: 'm-sam', name: 'Sam', email: 'sam@example.org' }]
      await session.store().run({ type: 'settings.update', settings: { ...settings, team } })
      await session.chooseIdentity('m-sam')
    })
    const ali = await app('ali', 'ali-desktop', file)

    const seenByAli = await presenceHandlers(ali.presence)['store:presence']({})
    expect(seenByAli).toEqual([{ name: 'Sam', host: 'sam-laptop', since: expect.any(String) }])
    expect(await presenceHandlers(sam.presence)['store:presence']({})).toEqual([{ host: 'ali-desktop', since: expect.any(String) }])
  })

  it('moves along when the app opens another store, and leaves nothing behind at quit', async () => {
    const first = join(dir, 'first.json')
    const second = join(dir, 'second.json')
    const sam = await app('sam', 'sam-laptop', first)
    const ali = await app('ali', 'ali-desktop', first)
    expect(await ali.presence.others()).toHaveLength(1)

    await sam.session.open(second)
    await sam.presence.follow()
    expect(await ali.presence.others()).toEqual([])
    expect(await readdir(presenceFolder(second))).toHaveLength(1)

    await sam.presence.stop()
    await ali.presence.stop()
    expect((await readdir(dir)).filter((n) => n.endsWith('.open'))).toEqual([])
  })

  it("ages another app's entry on this app's own clock, never by the file times another computer's clock wrote", async () => {
    const file = join(dir, 'shared.json')
    // Sam's laptop: its clock ten minutes behind, so its entry's modification time looks ten minutes old here.
    const sam = await app('sam', 'sam-laptop', file, async () => {}, { refreshMs: 3_600_000 })
    let ours = 0
    const ali = await app('ali', 'ali-desktop', file, async () => {}, { monotonicMs: () => ours })
    const entries = await readdir(presenceFolder(file))
    expect(entries).toHaveLength(2)
    const tenMinutesAgo = new Date(Date.now() - 600_000)
    for (const entry of entries) await utimes(join(presenceFolder(file), entry), tenMinutesAgo, tenMinutesAgo)
    expect(await ali.presence.others()).toEqual([{ host: 'sam-laptop', since: expect.any(String) }])

    // Sam's app stops refreshing (it froze); his clock now runs ahead, so the file looks as if written just now.
    const inAMinute = new Date(Date.now() + 60_000)
    ours += 119_000
    for (const entry of entries) await utimes(join(presenceFolder(file), entry), inAMinute, inAMinute)
    expect(await ali.presence.others()).toHaveLength(1)
    ours += 2_000
    expect(await ali.presence.others()).toEqual([])
    expect(await sam.presence.others()).toHaveLength(1)
  })

  it('answers nobody without a presence (a desk that does not announce itself)', async () => {
    expect(await presenceHandlers()['store:presence']({})).toEqual([])
  })
})
