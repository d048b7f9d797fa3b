import { randomBytes, randomUUID } from 'node:crypto'
import { link, mkdir, open, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { hostname, uptime, userInfo } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { DeskError } from '../../errors'

/**
 * The store's own lock, in place of proper-lockfile: that one cannot record who holds the lock, cannot tell a dead
 * process's lock from a live one (so a crash blocked the next save for ten seconds), and reports a takeover only
 * asynchronously, after the stale writer may already have written.
 *
 * The lock is a folder `<file>.lock` (mkdir is atomic, also on network shares) holding `owner.json`, who holds it. Its
 * holder raises a counter in owner.json (`beat`) every second. A lock is stale when that counter stays the same
 * for ten seconds of this computer's own monotonic clock: never by comparing another computer's timestamps with ours,
 * as two clocks a minute apart would make every live lock look stale. A folder that stays without owner.json for two
 * and a half seconds (an app that crashed between making it and naming itself) is stale too. A lock of a process of this same computer and
 * boot that no longer runs, silent for a second and a half, is stale at once. A stale lock is taken over: renamed to a
 * tombstone of its own, removed, made again. A writer that froze past the stale time (a laptop asleep mid-save) and
 * wakes up finds, at its fence (HeldLock.assertHeld, right before its rename), that the lock is no longer its own; and
 * a lock is only ever removed after reading that it holds the token expected (ours, or the stale one seen), so a late
 * release cannot remove the new owner's lock.
 */
export const LockHolder = z.object({
  token: z.string(),
  host: z.string(),
  user: z.string(),
  pid: z.number().int(),
  /** The team member's name, when the app knows who acts. */
  name: z.string().optional(),
  /** ISO date-time. */
  since: z.string(),
  /** When the computer started, to the minute: a pid means the same process only on the same host and boot. */
  boot: z.string().optional(),
  /** The heartbeat: raised every heartbeatMs while the lock is held. */
  beat: z.number().int().optional(),
  /** Date.now() at the last beat, on the holder's clock; compared only on that same computer and boot. */
  beatAt: z.number().optional(),
})
export type LockHolder = z.infer<typeof LockHolder>

export interface HeldLock {
  /** Throws DeskError('store_unavailable') when the lock is no longer ours (taken over as stale), or cannot be checked. */
  assertHeld(): Promise<void>
  /**
   * The lock's folder, where a save under it puts its temporary file: a takeover renames the folder away, so a writer
   * that froze after its fence finds nothing to rename when it wakes up, whatever a share's cached listing showed the
   * app that took over (which removes the stray temporary files it sees beside the store as well).
   */
  readonly folder?: string
}

const heartbeatMs = 1_000
const staleMs = 10_000
/**
 * A live app writes owner.json within milliseconds of making the folder, so one seen without it for this long was left
 * by a crash between the two. Taking it over is safe even when its maker was only slow: by the time that maker names
 * itself the folder is gone, or made again by the app that took it over, whose owner.json it cannot replace (see
 * nameOwner); either way it waits its turn (see acquire), having done nothing under it.
 */
const ownerlessStaleMs = 2_500
/**
 * A dead pid counts only after this much silence: a live holder in another pid namespace with our host name and boot (a
 * Flatpak or container beside us) beats every heartbeatMs. Short, so the first save after a crash waits under 2 s.
 */
const deadSilentMs = 1_500
/** A crashed colleague's lock turns stale within staleMs; waiting a little longer takes it over rather than failing. */
const waitMs = staleMs + 5_000
/** Windows refuses to rename a folder while another program has a file in it open (a colleague reading owner.json). */
const busyCodes = ['EPERM', 'EACCES', 'EBUSY']
const renameAttempts = 10

const lockFolder = (file: string) => `${file}.lock`
const ownerFile = (folder: string) => join(folder, 'owner.json')
/**
 * `.<name>.lock.<random>.stale`, beside the store: named after it, so removeStrayTemps finds what a crash left. A long
 * store name is shortened so the tombstone's name stays within the 255 bytes a file system allows in one name.
 */
const tombstone = (file: string) => join(dirname(file), `.${nameInTombstone(basename(file))}.lock.${randomBytes(6).toString('hex')}.stale`)
function nameInTombstone(storeName: string): string {
  let name = storeName
  while (Buffer.byteLength(name) > 255 - '..lock.0123456789ab.stale'.length) name = name.slice(0, -1)
  return name
}
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Whether `entry` (a name in the store's folder) is a tombstone of the store `storeName`. */
export const isTombstone = (entry: string, storeName: string) =>
  new RegExp(`^\\.${escaped(nameInTombstone(storeName))}\\.lock\\.[0-9a-f]+\\.stale$`).test(entry)
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
const monotonicMs = () => performance.now()

function userName(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}

/** This computer's boot time to the minute (two readings a few ms apart may round apart; then the shortcut is not taken). */
const bootOf = () => new Date(Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000).toISOString()

/**
 * The lock folder as it is now. `text` is owner.json's text ('' when the folder has none yet), what staleness watches;
 * `holder` it read as a LockHolder. 'unknown': the look failed (a share that did not answer), which says nothing.
 */
type Seen = { state: 'none' } | { state: 'unknown'; reason: string } | { state: 'held'; text: string; holder?: LockHolder }

async function look(folder: string): Promise<Seen> {
  let text: string
  try {
    text = await readFile(ownerFile(folder), 'utf8')
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') return { state: 'unknown', reason: reasonOf(error) }
    try {
      await readdir(folder)
      return { state: 'held', text: '' }
    } catch (inner) {
      return codeOf(inner) === 'ENOENT' ? { state: 'none' } : { state: 'unknown', reason: reasonOf(inner) }
    }
  }
  let parsed: ReturnType<typeof LockHolder.safeParse> | undefined
  try {
    parsed = LockHolder.safeParse(JSON.parse(text))
  } catch {
    parsed = undefined
  }
  return { state: 'held', text, ...(parsed?.success ? { holder: parsed.data } : {}) }
}

/** Since when (this computer's monotonic clock) each lock folder has shown the same owner.json. */
const unchangedSince = new Map<string, { text: string; sinceMs: number }>()

function silentMs(folder: string, text: string): number {
  const seen = unchangedSince.get(folder)
  if (seen?.text === text) return monotonicMs() - seen.sinceMs
  unchangedSince.set(folder, { text, sinceMs: monotonicMs() })
  return 0
}

/**
 * A process of this computer and boot that no longer runs and has not beaten for deadSilentMs. EPERM means it runs
 * under another user. The host name alone is not enough: two computers may share one, as may containers.
 */
function isDeadHere(holder: LockHolder): boolean {
  if (holder.host !== hostname() || holder.boot === undefined || holder.boot !== bootOf() || holder.pid === process.pid) return false
  const lastBeat = holder.beatAt ?? Date.parse(holder.since)
  if (!(Date.now() - lastBeat >= deadSilentMs)) return false
  try {
    process.kill(holder.pid, 0)
    return false
  } catch (error) {
    return codeOf(error) === 'ESRCH'
  }
}

function isStale(folder: string, seen: Seen & { state: 'held' }): boolean {
  if (seen.holder && isDeadHere(seen.holder)) return true
  return silentMs(folder, seen.text) >= (seen.text === '' ? ownerlessStaleMs : staleMs)
}

async function renameFolder(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (error) {
      if (attempt >= renameAttempts || !busyCodes.includes(codeOf(error) ?? '')) throw error
      await pause(50 * attempt)
    }
  }
}

/**
 * Removes the lock folder when it holds what `expected` accepts, read before anything is moved. Between that look and
 * the move another app could still take the lock over; the moved folder is read again, and put back when it is not
 * what was expected. The tombstone left by a failed removal is cleaned with the stray temporary files.
 */
async function removeLock(file: string, expected: (seen: Seen & { state: 'held' }) => boolean): Promise<boolean> {
  const folder = lockFolder(file)
  const before = await look(folder)
  if (before.state !== 'held' || !expected(before)) return false
  const away = tombstone(file)
  try {
    await renameFolder(folder, away)
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false
    throw error
  }
  const moved = await look(away)
  if (moved.state !== 'held' || !expected(moved)) {
    await rename(away, folder).catch(() => undefined)
    return false
  }
  unchangedSince.delete(folder)
  await rm(away, { recursive: true, force: true }).catch(() => undefined)
  return true
}

const ownerTemporary = (folder: string) => join(folder, `.owner.${randomBytes(6).toString('hex')}.tmp`)

/**
 * Names this app in the lock folder it has just made, only where nobody is named yet: by now the folder may be another
 * app's, when this one froze after making it and the other took it over as ownerless and made it again. Replacing
 * owner.json (a rename) would then leave both apps holding the lock. A hard link of a complete temporary file to
 * owner.json is refused with EEXIST where there is one already, and a reader sees all of it or none. Where the file
 * system has no hard links (FAT, exFAT, some shares; NTFS and Unix file systems have them), an exclusive create ('wx')
 * is as sure not to replace one, but shows an empty or half-written owner.json for a moment: the link comes first for
 * that, the exclusive create is the fallback for any refusal of it (Windows and shares name that refusal differently;
 * a real failure fails the create too). A takeover moves the folder away with the temporary file in it, so a link
 * made late finds nothing to link (ENOENT). Throws EEXIST when someone else is named (or ENOENT when the folder went).
 */
async function nameOwner(folder: string, holder: LockHolder): Promise<void> {
  const text = JSON.stringify(holder)
  const temporary = ownerTemporary(folder)
  try {
    await writeFile(temporary, text, { flag: 'wx' })
    try {
      return await link(temporary, ownerFile(folder))
    } catch (error) {
      if (codeOf(error) === 'EEXIST' || codeOf(error) === 'ENOENT') throw error
    }
    const created = await open(ownerFile(folder), 'wx')
    try {
      await created.writeFile(text)
      await created.sync()
    } finally {
      await created.close()
    }
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined)
  }
}

/**
 * A heartbeat: owner.json replaced whole (a reader never sees half of it) by a temporary file inside the lock folder,
 * renamed over it once `stillOurs` says the lock is ours, asked only after the temporary file is there. A takeover moves
 * the folder away with that file in it, so after the check the rename replaces this app's own owner.json or finds
 * nothing to rename. Checked before the temporary file is written, a beat frozen in between would write it into the new
 * owner's folder and rename it over their owner.json. False when the lock was not ours (nothing replaced).
 */
async function replaceOwner(folder: string, holder: LockHolder, stillOurs: () => Promise<boolean>): Promise<boolean> {
  const temporary = ownerTemporary(folder)
  try {
    await writeFile(temporary, JSON.stringify(holder), { flag: 'wx' })
    if (!(await stillOurs())) return false
    await renameFolder(temporary, ownerFile(folder))
    return true
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined)
  }
}

/**
 * "Sam on sam-laptop has been saving to …/store.json since 10:02:03" (on this computer's clock): who holds the lock, for
 * a refusal.
 */
export function holderInWords(holder: LockHolder | undefined, file: string): string {
  if (!holder) return `Another team member’s app has been saving to ${file} for a long time`
  const who = holder.name || holder.user || 'Another team member'
  const since = new Date(holder.since)
  const time = Number.isNaN(since.getTime())
    ? ' for a long time'
    : ` since ${[since.getHours(), since.getMinutes(), since.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')}`
  return `${who} on ${holder.host} has been saving to ${file}${time}`
}

const unavailable = (file: string, error: unknown) =>
  new DeskError(
    'store_unavailable',
    `Could not lock ${file} for saving (${reasonOf(error)}). Your change was not saved; check that the folder can be reached and is writable, and try again.`,
  )

async function acquire(file: string, name: string | undefined): Promise<LockHolder> {
  const folder = lockFolder(file)
  const until = monotonicMs() + waitMs
  let delay = 10
  let last: LockHolder | undefined
  for (;;) {
    try {
      await mkdir(folder)
      const ours: LockHolder = {
        token: randomUUID(),
        host: hostname(),
        user: userName(),
        pid: process.pid,
        ...(name ? { name } : {}),
        since: new Date().toISOString(),
        boot: bootOf(),
        beat: 0,
        beatAt: Date.now(),
      }
      try {
        await nameOwner(folder, ours)
      } catch (error) {
        // This app froze between making the folder and naming itself, and another took it over as ownerless: the
        // folder is gone (ENOENT) or that app's now (EEXIST). Nothing was done under it yet, so wait for the lock again.
        if (codeOf(error) === 'ENOENT' || codeOf(error) === 'EEXIST') continue
        // Removed only while it still names nobody: by now it may be another app's, taken over meanwhile.
        const seen = await look(folder)
        if (seen.state === 'held' && seen.text === '') await rm(folder, { recursive: true, force: true }).catch(() => undefined)
        throw unavailable(file, error)
      }
      return ours
    } catch (error) {
      if (error instanceof DeskError) throw error
      // A read-only share, a missing folder: waiting would not help.
      if (codeOf(error) !== 'EEXIST') throw unavailable(file, error)
    }
    const seen = await look(folder)
    if (seen.state === 'held') {
      last = seen.holder ?? last
      try {
        if (isStale(folder, seen) && (await removeLock(file, (now) => now.text === seen.text))) continue
      } catch (error) {
        throw unavailable(file, error)
      }
    }
    if (monotonicMs() >= until) {
      throw new DeskError('store_unavailable', `${holderInWords(last, file)}. Your change was not saved; try again in a moment.`)
    }
    await pause(delay)
    delay = Math.min(250, Math.round(delay * 1.5))
  }
}

/**
 * Runs `step` while holding the store file's lock. Another app's save waits its turn; a crashed app's lock is taken
 * over (soon after its heartbeat stopped when it ran on this computer). `options.name` names who acts, for colleagues
 * who find the lock taken.
 */
export async function whileLocked<T>(
  file: string,
  step: (lock: HeldLock) => Promise<T>,
  options: { name?: () => string | undefined } = {},
): Promise<T> {
  const folder = lockFolder(file)
  let ours = await acquire(file, options.name?.())
  let lost = false
  /** Ours, lost (the folder gone, or another token in it), or unknown: a look that failed says nothing either way. */
  const check = async (): Promise<'ours' | 'lost' | { unknown: string }> => {
    if (lost) return 'lost'
    const seen = await look(folder)
    if (seen.state === 'unknown') return { unknown: seen.reason }
    if (seen.state === 'held' && seen.holder === undefined && seen.text !== '') return { unknown: 'its owner file cannot be read' }
    if (seen.state === 'none' || seen.holder?.token !== ours.token) lost = true
    return lost ? 'lost' : 'ours'
  }
  // The heartbeat; a failed beat is tried again at the next one, the fence still decides. One at a time, and the fence
  // and the release wait for one in flight, so neither reads owner.json while this app replaces it.
  let beating: Promise<void> = Promise.resolve()
  const beat = async () => {
    if (lost) return
    const next = { ...ours, beat: (ours.beat ?? 0) + 1, beatAt: Date.now() }
    if (await replaceOwner(folder, next, async () => (await check()) === 'ours')) ours = next
  }
  const timer = setInterval(() => {
    beating = beating.then(() => beat().catch(() => undefined))
  }, heartbeatMs)
  timer.unref()
  const lock: HeldLock = {
    folder,
    async assertHeld() {
      await beating
      const state = await check()
      if (state === 'ours') return
      throw new DeskError(
        'store_unavailable',
        state === 'lost'
          ? `Another team member’s app took over saving to ${file} while this computer was paused or asleep, so your change was not saved. Try again.`
          : `Could not check that this app still holds the lock on ${file} (${state.unknown}), so your change was not saved. Check that the folder can be reached and try again.`,
      )
    },
  }
  try {
    return await step(lock)
  } finally {
    clearInterval(timer)
    await beating
    // Removed only when it still holds our token: a lock taken over as stale is someone else's now.
    await release(file, ours.token).catch(() => undefined)
  }
}

async function release(file: string, token: string): Promise<void> {
  const ours = (seen: Seen & { state: 'held' }) => seen.holder?.token === token
  try {
    await removeLock(file, ours)
  } catch {
    // The folder could not be moved (Windows: still busy after the retries): empty it and remove it in place, still
    // only when it is ours.
    const folder = lockFolder(file)
    const seen = await look(folder)
    if (seen.state !== 'held' || !ours(seen)) return
    await rm(ownerFile(folder), { force: true })
    await rmdir(folder)
  }
}

/**
 * Who holds the lock now, and since when; undefined when nobody does. `stale`: its holder stopped beating (this app
 * has seen the same heartbeat for the stale time) or is a dead process of this computer; the next save takes it over.
 */
export async function lockHolder(file: string): Promise<(LockHolder & { stale?: true }) | undefined> {
  const folder = lockFolder(file)
  const seen = await look(folder)
  if (seen.state !== 'held' || !seen.holder) return undefined
  return isStale(folder, seen) ? { ...seen.holder, stale: true } : seen.holder
}

/** Removes the lock of a process of this computer that no longer runs (an app that crashed); true when there was one. */
export async function clearDeadLock(file: string): Promise<boolean> {
  const seen = await look(lockFolder(file))
  if (seen.state !== 'held' || !seen.holder || !isDeadHere(seen.holder)) return false
  return removeLock(file, (now) => now.text === seen.text)
}
