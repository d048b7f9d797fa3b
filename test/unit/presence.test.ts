import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { announcePresence, installationId, presenceFolder, presenceSightings, type Announcement, type PresenceSightings } from '../../src/store/file/presence'

let dir: string
let storeFile: string
const running: Announcement[] = []
/** This app's monotonic clock, moved by hand. */
let ours = 0
let othersOpen: PresenceSightings['othersOpen']
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'presence-'))
  storeFile = join(dir, 'disclosure-desk.json')
  ours = 0
  const sightings = presenceSightings({ monotonicMs: () => ours })
  othersOpen = (file, ownId) => sightings.othersOpen(file, ownId)
})
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop()
  await rm(dir, { recursive: true, force: true })
})

const samId = '11111111-1111-4111-8111-111111111111'
const aliId = '22222222-2222-4222-8222-222222222222'
const nine12 = new Date('2026-12-01T09:12:00Z')

function announce(id: string, name: string | undefined, host: string, at = nine12): Announcement {
  const a = announcePresence(storeFile, id, () => name, { host, now: () => at })
  running.push(a)
  return a
}

describe('who has the store open', () => {
  it('lets two installations on one store file see each other, each without itself', async () => {
    await announce(samId, 'Sam', 'sam-laptop').refresh()
    await announce(aliId, 'Ali', 'ali-desktop', new Date('2026-12-01T10:01:00Z')).refresh()

    expect(await othersOpen(storeFile, aliId)).toEqual([{ name: 'Sam', host: 'sam-laptop', since: '2026-12-01T09:12:00.000Z' }])
    expect(await othersOpen(storeFile, samId)).toEqual([{ name: 'Ali', host: 'ali-desktop', since: '2026-12-01T10:01:00.000Z' }])
    // A third app sees both, the one open longest first.
    expect((await othersOpen(storeFile, '33333333-3333-4333-8333-333333333333')).map((e) => e.name)).toEqual(['Sam', 'Ali'])
    expect((await readdir(presenceFolder(storeFile))).sort()).toEqual([`${samId}.json`, `${aliId}.json`].sort())
  })

  it('keeps the name out when nobody was chosen under "You are", and takes a new choice at the next refresh', async () => {
    let name: string | undefined
    const sam = announcePresence(storeFile, samId, () => name, { host: 'sam-laptop', now: () => nine12 })
    running.push(sam)
    await sam.refresh()
    expect(await othersOpen(storeFile, aliId)).toEqual([{ host: 'sam-laptop', since: '2026-12-01T09:12:00.000Z' }])
    name = 'Sam'
    await sam.refresh()
    expect(await othersOpen(storeFile, aliId)).toEqual([{ name: 'Sam', host: 'sam-laptop', since: '2026-12-01T09:12:00.000Z' }])
  })

  it('ignores the entry of an app that this app saw unchanged for more than 2 minutes (a crash, a sleeping laptop)', async () => {
    const sam = announce(samId, 'Sam', 'sam-laptop')
    await sam.refresh()
    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
    ours += 120_000
    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
    ours += 1_000
    expect(await othersOpen(storeFile, aliId)).toEqual([])
    // Refreshed again (the laptop woke up): seen again, for another 2 minutes of this app's clock.
    await sam.refresh()
    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
    ours += 120_000
    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
    ours += 1_000
    expect(await othersOpen(storeFile, aliId)).toEqual([])
  })

  it("never reads the file's times: an entry first seen is fresh however old it looks, one left unchanged is gone however new", async () => {
    await announce(samId, 'Sam', 'sam-laptop').refresh()
    const entry = join(presenceFolder(storeFile), `${samId}.json`)
    const longAgo = new Date(Date.now() - 3_600_000)
    await utimes(entry, longAgo, longAgo)
    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
    ours += 121_000
    const ahead = new Date(Date.now() + 3_600_000)
    await utimes(entry, ahead, ahead)
    expect(await othersOpen(storeFile, aliId)).toEqual([])
  })

  it('changes the entry at every refresh, so a reader sees it is still there, and forgets an entry once it is gone', async () => {
    const sam = announce(samId, 'Sam', 'sam-laptop')
    await sam.refresh()
    const entry = join(presenceFolder(storeFile), `${samId}.json`)
    const first = await readFile(entry, 'utf8')
    await sam.refresh()
    expect(await readFile(entry, 'utf8')).not.toBe(first)

    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
    ours += 121_000
    expect(await othersOpen(storeFile, aliId)).toEqual([])
    // Gone and back with the very same text (a share that was away): first seen again, so fresh.
    await rm(entry)
    expect(await othersOpen(storeFile, aliId)).toEqual([])
    await writeFile(entry, first)
    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
  })

  it("shows an app of the previous version, which writes no beat, while its refreshes rewrite its entry, whatever the file's times say", async () => {
    // What that version writes every 30 s: the same text each time, the file written anew.
    const folder = presenceFolder(storeFile)
    await mkdir(folder, { recursive: true })
    const entry = join(folder, `${samId}.json`)
    const said = JSON.stringify({ name: 'Sam', host: 'sam-laptop', since: '2026-12-01T09:12:00.000Z' })
    const refreshed = async (at: string) => {
      await writeFile(entry, said)
      await utimes(entry, new Date(at), new Date(at))
    }
    const shown = [{ name: 'Sam', host: 'sam-laptop', since: '2026-12-01T09:12:00.000Z' }]
    await refreshed('2020-01-01T00:00:00Z')
    expect(await othersOpen(storeFile, aliId)).toEqual(shown)
    ours += 100_000
    // Its clock went back an hour: it still moved, so Sam is still there.
    await refreshed('2019-12-31T23:00:00Z')
    expect(await othersOpen(storeFile, aliId)).toEqual(shown)
    ours += 100_000
    expect(await othersOpen(storeFile, aliId)).toEqual(shown)
    // Not rewritten for more than 2 minutes of this app's clock (that app crashed): gone, though its text never changed.
    ours += 21_000
    expect(await othersOpen(storeFile, aliId)).toEqual([])
    await refreshed('2030-01-01T00:00:00Z')
    expect(await othersOpen(storeFile, aliId)).toEqual(shown)
  })

  it('refreshes the entry on its own, every interval', async () => {
    const sam = announcePresence(storeFile, samId, () => 'Sam', { host: 'sam-laptop', refreshMs: 50 })
    running.push(sam)
    await sam.refresh()
    expect(await othersOpen(storeFile, aliId)).toHaveLength(1)
    ours += 121_000
    await expect.poll(() => othersOpen(storeFile, aliId), { timeout: 5000, interval: 25 }).toHaveLength(1)
  })

  it('removes the entry at close, and the folder with the last one', async () => {
    const sam = announce(samId, 'Sam', 'sam-laptop')
    const ali = announce(aliId, 'Ali', 'ali-desktop')
    await Promise.all([sam.refresh(), ali.refresh()])
    await sam.stop()
    expect(await othersOpen(storeFile, aliId)).toEqual([])
    expect(await readdir(presenceFolder(storeFile))).toEqual([`${aliId}.json`])
    // A refresh after close writes nothing back.
    await sam.refresh()
    expect(await readdir(presenceFolder(storeFile))).toEqual([`${aliId}.json`])
    await ali.stop()
    expect(await readdir(dir)).toEqual([])
  })

  it('removes the entry even when closed while its first write is still on the way', async () => {
    const sam = announcePresence(storeFile, samId, () => 'Sam', { host: 'sam-laptop' })
    await sam.stop()
    expect(await readdir(dir)).toEqual([])
  })

  it('leaves out entries that are not what an app writes: hostile, damaged, temporary or oversized', async () => {
    const folder = presenceFolder(storeFile)
    await mkdir(folder, { recursive: true })
    const fresh = (name: string, text: string) => writeFile(join(folder, name), text)
    await fresh('33333333-3333-4333-8333-333333333333.json', '{"host": "x", "since": "not a time"}')
    await fresh('44444444-4444-4444-8444-444444444444.json', '{"host": ')
    await fresh(`.${samId}.json.tmp`, '{"host":"half","since":"2026-12-01T09:12:00.000Z"}')
    await fresh('not-an-id.json', '{"host":"h","since":"2026-12-01T09:12:00.000Z"}')
    await fresh('55555555-5555-4555-8555-555555555555.json', JSON.stringify({ name: 'x'.repeat(201), host: 'h', since: '2026-12-01T09:12:00.000Z', beat: 0 }))
    await fresh('77777777-7777-4777-8777-777777777777.json', JSON.stringify({ name: 'a beat not a count', host: 'h', since: '2026-12-01T09:12:00.000Z', beat: 'x' }))
    const hostile = '<img src=x onerror=alert(1)>'
    await fresh('66666666-6666-4666-8666-666666666666.json', JSON.stringify({ name: hostile, host: 'h', since: '2026-12-01T09:12:00.000Z', beat: 3 }))
    // Text as written: the screen shows it as text, never as HTML.
    expect(await othersOpen(storeFile, aliId)).toEqual([{ name: hostile, host: 'h', since: '2026-12-01T09:12:00.000Z' }])
  })

  it('answers nobody for a store that no app has announced', async () => {
    expect(await othersOpen(storeFile, aliId)).toEqual([])
  })
})

describe("the installation's id", () => {
  it('is made once and kept across restarts, per user data folder', async () => {
    const file = join(dir, 'installation-id.json')
    const first = await installationId(file)
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(await installationId(file)).toBe(first)
    expect(await installationId(join(dir, 'other-installation-id.json'))).not.toBe(first)
  })

  it('is made anew when its file is damaged', async () => {
    const file = join(dir, 'installation-id.json')
    await writeFile(file, '"../../etc"')
    expect(await installationId(file)).toMatch(/^[0-9a-f]{8}-/)
  })
})
