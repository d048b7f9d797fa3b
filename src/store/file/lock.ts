import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { DeskError } from '../../errors'

/**
 * The store's own lock, in place of proper-lockfile: that one cannot record who holds the lock, cannot tell a dead
 * process's lock from a live one (so a crash blocked the next save for ten seconds), and reports a takeover only
 * asynchronously, after the stale writer may already have written.
 *
 * The lock is a folder `<file>.lock` (mkdir is atomic, also on network shares) holding `owner.json`, who holds it. Its
 * holder touches owner.json every two seconds; a lock untouched for ten seconds is stale, and one of a process on this
 * host that no longer runs is stale at once. A stale lock is taken over: renamed to a tombstone of its own, removed,
 * made again. A writer that froze past the stale time (a laptop asleep mid-save) and wakes up finds, at its fence
 * (HeldLock.assertHeld, right before its rename), that the lock is no longer its own.
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
})
export type LockHolder = z.infer<typeof LockHolder>

export interface HeldLock {
  /** Throws DeskError('store_unavailable') when the lock is no longer ours (taken over as stale). */
  assertHeld(): Promise<void>
}

const heartbeatMs = 2_000
const staleMs = 10_000
/** A crashed colleague's lock turns stale within staleMs; waiting a little longer takes it over rather than failing. */
const waitMs = staleMs + 5_000

const lockFolder = (file: string) => `${file}.lock`
const ownerFile = (file: string) => join(lockFolder(file), 'owner.json')
// Short, so it fits wherever the lock's own name did.
const tombstone = (file: string) => join(dirname(file), `.${randomBytes(6).toString('hex')}.lock.stale`)
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code

function userName(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}

/** owner.json as it is now, or undefined when there is none or it cannot be understood (a holder still writing it). */
async function readHolder(file: string): Promise<{ holder: LockHolder | undefined; touchedMs: number } | undefined> {
  let touchedMs: number
  try {
    touchedMs = (await stat(lockFolder(file))).mtimeMs
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined
    throw error
  }
  try {
    const path = ownerFile(file)
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    const parsed = LockHolder.safeParse(JSON.parse(text))
    return { holder: parsed.success ? parsed.data : undefined, touchedMs: Math.max(touchedMs, info.mtimeMs) }
  } catch {
    return { holder: undefined, touchedMs }
  }
}

/** A process of this host that no longer runs. EPERM means it runs under another user. */
function isDeadHere(holder: LockHolder): boolean {
  if (holder.host !== hostname() || holder.pid === process.pid) return false
  try {
    process.kill(holder.pid, 0)
    return false
  } catch (error) {
    return codeOf(error) === 'ESRCH'
  }
}

/**
 * Moves the lock folder away if it still holds `token` (undefined: a folder without a readable owner). The move
 * comes first and the check after, on the moved folder: two apps taking over at once cannot both remove a lock, and one
 * that moved a lock made meanwhile by a live app puts it back.
 */
async function removeLock(file: string, token: string | undefined): Promise<boolean> {
  const away = tombstone(file)
  try {
    await rename(lockFolder(file), away)
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false
    throw error
  }
  let moved: string | undefined
  try {
    moved = LockHolder.parse(JSON.parse(await readFile(join(away, 'owner.json'), 'utf8'))).token
  } catch {
    moved = undefined
  }
  if (moved !== token) {
    await rename(away, lockFolder(file)).catch(() => undefined)
    return false
  }
  await rm(away, { recursive: true, force: true })
  return true
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

async function acquire(file: string, name: string | undefined): Promise<LockHolder> {
  const holder: LockHolder = { token: randomUUID(), host: hostname(), user: userName(), pid: process.pid, since: '', ...(name ? { name } : {}) }
  const until = Date.now() + waitMs
  let delay = 10
  let last: LockHolder | undefined
  for (;;) {
    try {
      await mkdir(lockFolder(file))
      const ours = { ...holder, since: new Date().toISOString() }
      try {
        await writeFile(ownerFile(file), JSON.stringify(ours))
      } catch (error) {
        await rm(lockFolder(file), { recursive: true, force: true }).catch(() => undefined)
        throw error
      }
      return ours
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') {
        // A read-only share, a missing folder: waiting would not help.
        throw new DeskError(
          'store_unavailable',
          `Could not lock ${file} for saving (${error instanceof Error ? error.message : String(error)}). Your change was not saved; check that the folder can be reached and is writable, and try again.`,
        )
      }
    }
    const seen = await readHolder(file)
    last = seen?.holder ?? last
    if (seen) {
      const stale = Date.now() - seen.touchedMs > staleMs || (seen.holder !== undefined && isDeadHere(seen.holder))
      if (stale && (await removeLock(file, seen.holder?.token))) continue
    }
    if (Date.now() >= until) {
      throw new DeskError(
        'store_unavailable',
        `${holderInWords(last, file)}. Your change was not saved; try again in a moment.`,
      )
    }
    await pause(delay)
    delay = Math.min(250, Math.round(delay * 1.5))
  }
}

/**
 * Runs `step` while holding the store file's lock. Another app's save waits its turn; a crashed app's lock is taken
 * over (at once when it ran on this host). `options.name` names who acts, for colleagues who find the lock taken.
 */
export async function whileLocked<T>(
  file: string,
  step: (lock: HeldLock) => Promise<T>,
  options: { name?: () => string | undefined } = {},
): Promise<T> {
  const ours = await acquire(file, options.name?.())
  let lost = false
  // A look that fails (a share that did not answer) says nothing either way: assertHeld then fails, the heartbeat waits.
  const stillOurs = async () => {
    if (lost) return false
    const seen = await readHolder(file)
    if (seen?.holder?.token !== ours.token) lost = true
    return !lost
  }
  // Touching owner.json is the heartbeat; a failed touch is retried at the next beat, the fence still decides. The
  // folder is touched too, as proper-lockfile (used by earlier versions of the app) judges a lock by the folder's time.
  const touch = async () => {
    if (!(await stillOurs())) return
    const now = new Date()
    await Promise.all([utimes(ownerFile(file), now, now), utimes(lockFolder(file), now, now)])
  }
  const beat = setInterval(() => void touch().catch(() => undefined), heartbeatMs)
  beat.unref()
  const lock: HeldLock = {
    async assertHeld() {
      if (await stillOurs()) return
      throw new DeskError(
        'store_unavailable',
        `Another team member’s app took over saving to ${file} while this one was saving (was this computer asleep?). Your change was not saved; try again.`,
      )
    },
  }
  try {
    return await step(lock)
  } finally {
    clearInterval(beat)
    // A lock taken over as stale is someone else's now: it is left alone.
    if (!lost) await removeLock(file, ours.token).catch(() => undefined)
  }
}

/** Who holds the lock now, and since when; undefined when nobody does. */
export async function lockHolder(file: string): Promise<LockHolder | undefined> {
  return (await readHolder(file).catch(() => undefined))?.holder
}

/** Removes the lock of a process of this host that no longer runs (an app that crashed); true when there was one. */
export async function clearDeadLock(file: string): Promise<boolean> {
  const seen = await readHolder(file)
  if (!seen?.holder || !isDeadHere(seen.holder)) return false
  return removeLock(file, seen.holder.token)
}
