import { randomUUID } from 'node:crypto'
import { readFileSync, rmdirSync, rmSync } from 'node:fs'
import { mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { PresenceEntry } from '../presenceEntry'
import { atomicWrite, ownFile } from './atomicWrite'
import { removeStrayTemps } from './durableWrite'

// Who has a store file open, as each app says of itself in a small file beside the store. Advisory only: nothing here
// decides who may save (the lock does); it lets a colleague see who else works on the shared file, and since when.

/** A random id per installation: it names the installation's entry, so a restart replaces its own entry. */
const InstallationId = z.uuid()

/**
 * What an app writes in its entry: what it says of itself, and `beat`, raised at every refresh, so a reader sees the
 * entry change (see presenceSightings). The previous version writes no beat, on the same share as this one.
 */
const EntryFile = PresenceEntry.extend({ beat: z.number().int().min(0).optional() })

/** How often an app says again that it still has the store open. */
export const presenceRefreshMs = 30_000
/** An entry this app saw unchanged for this long belongs to an app that crashed or a laptop that went to sleep: not shown. */
export const presenceStaleMs = 120_000
/** A folder full of entries (a copied share, a hostile one) is not read to the end. */
const entriesRead = 100

/** `.<store name>.open/` beside the store file. */
export function presenceFolder(storeFile: string): string {
  return join(dirname(storeFile), `.${basename(storeFile)}.open`)
}

/**
 * This installation's id, kept in `file` (in the user data folder); made on first use. An unreadable file gets a new
 * id: the old entry, no longer refreshed, is ignored after presenceStaleMs.
 */
export async function installationId(file: string): Promise<string> {
  // Read once, at start: what a crash mid-write left beside it goes now (see ownFile).
  await removeStrayTemps(file).catch(() => 0)
  try {
    const kept = InstallationId.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (kept.success) return kept.data
  } catch {
    // Not there yet or unreadable: made below.
  }
  const id = randomUUID()
  await atomicWrite(file, JSON.stringify(id))
  return id
}

export interface PresenceOptions {
  now?: () => Date
  host?: string
  refreshMs?: number
  /** This computer's monotonic clock, in ms, which ages the others' entries. */
  monotonicMs?: () => number
}

/** This app's entry for one store file, refreshed until stopped. */
export interface Announcement {
  readonly storeFile: string
  /** Settles once the first write is done (or failed: retried at the next refresh). */
  readonly announced: Promise<void>
  /** Writes the entry now (with the name as it is now), as the timer does. */
  refresh(): Promise<void>
  /** Stops refreshing and removes the entry (and the folder, once empty). */
  stop(): Promise<void>
}

/**
 * Says "this app has `storeFile` open" in `.<name>.open/<id>.json`, now and every refreshMs, until stop(). A write
 * that fails (a read-only share, a share gone away) is retried at the next refresh: presence must never stand in the
 * way of working on the store.
 */
export function announcePresence(
  storeFile: string,
  id: string,
  name: () => string | undefined,
  { now = () => new Date(), host = hostname(), refreshMs = presenceRefreshMs }: PresenceOptions = {},
): Announcement {
  const ownId = InstallationId.parse(id)
  const folder = presenceFolder(storeFile)
  const entryFile = join(folder, `${ownId}.json`)
  const entry = ownFile(entryFile)
  const since = now().toISOString()
  let stopped = false
  let writing: Promise<void> = Promise.resolve()
  let beat = 0

  const write = async () => {
    const person = name()
    const said: z.infer<typeof EntryFile> = { ...(person ? { name: person } : {}), host, since, beat: beat++ }
    // Another app removing the folder as it closes can race the mkdir: one more try finds it gone and makes it again.
    for (let attempt = 1; ; attempt++) {
      try {
        await mkdir(folder, { recursive: true })
        await entry.write(JSON.stringify(said))
        return
      } catch (error) {
        if (attempt >= 2 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
  }
  const refresh = () => {
    if (stopped) return writing
    writing = writing.then(write).catch(() => undefined)
    return writing
  }
  const remove = () => {
    rmSync(entryFile, { force: true })
    try {
      rmdirSync(folder)
    } catch {
      // Another app's entry is still there, or the folder is already gone.
    }
  }
  const timer = setInterval(() => void refresh(), refreshMs)
  // Refreshing alone must not keep a process running that is otherwise done.
  timer.unref()

  return {
    storeFile,
    announced: refresh(),
    refresh,
    async stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      // Removed at once, without waiting: at quit the process may not live to see a promise settle. A write still in
      // flight would bring the entry back, so it is removed again once that write is done.
      remove()
      await writing
      remove()
    },
  }
}

/** What this app has seen of the others' entries beside a store file. */
export interface PresenceSightings {
  /**
   * Everyone else who has `storeFile` open: the entries beside it but this installation's own, earliest first, leaving
   * out those this app has seen unchanged for presenceStaleMs and those that cannot be read or do not fit the schema.
   */
  othersOpen(storeFile: string, ownId: string): Promise<PresenceEntry[]>
}

/**
 * Ages the entries as the lock ages its holder (./lock.ts): by how long this app has seen an entry unchanged, on this
 * computer's monotonic clock. Never by comparing the file's modification time with this clock: another computer's clock
 * wrote that, and two laptops minutes apart on a share would hide a colleague who is there or show one who left. An entry first seen counts
 * as fresh, so an app that crashed is shown for up to presenceStaleMs after this one starts.
 *
 * An entry without a beat (the previous version's) is the same text at every refresh (name, host, since), so unchanged
 * text would hide an app that is there after presenceStaleMs. Its modification time changes at each refresh instead: for
 * these entries the time read with the text is part of what must stay the same, only ever compared with the time this
 * app read before, so whatever the other computer's clock says, it counts only that it moved.
 */
export function presenceSightings({ monotonicMs = () => performance.now() }: Pick<PresenceOptions, 'monotonicMs'> = {}): PresenceSightings {
  /**
   * Per presence folder, per entry's id: what it said as last read (its text, and for an entry without a beat its
   * modification time too), and since when (monotonicMs) it has said so.
   */
  const seen = new Map<string, Map<string, { said: string; sinceMs: number }>>()
  return {
    async othersOpen(storeFile, ownId) {
      const folder = presenceFolder(storeFile)
      let names: string[]
      try {
        names = await readdir(folder)
      } catch {
        seen.delete(folder)
        return []
      }
      const ids = names
        .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
        .map((n) => n.slice(0, -'.json'.length))
        .filter((n) => n !== ownId && InstallationId.safeParse(n).success)
        .slice(0, entriesRead)
      const before = seen.get(folder)
      // Only the entries there now are remembered: one that went and comes back counts as first seen.
      const now = new Map<string, { said: string; sinceMs: number }>()
      const entries = await Promise.all(
        ids.map(async (other): Promise<PresenceEntry | undefined> => {
          const path = join(folder, `${other}.json`)
          let said: string
          let parsed: z.infer<typeof EntryFile> | undefined
          try {
            const text = await readFile(path, 'utf8')
            parsed = parsedEntry(text)
            said = parsed && parsed.beat === undefined ? `${text}\n${(await stat(path, { bigint: true })).mtimeNs}` : text
          } catch {
            // Removed as we read it (that app closed): not open, as far as anyone can tell.
            return undefined
          }
          const earlier = before?.get(other)
          const sighting = earlier?.said === said ? earlier : { said, sinceMs: monotonicMs() }
          now.set(other, sighting)
          if (monotonicMs() - sighting.sinceMs > presenceStaleMs || !parsed) return undefined
          const { beat: _beat, ...entry } = parsed
          return entry
        }),
      )
      seen.set(folder, now)
      return entries.filter((e) => e !== undefined).sort((a, b) => Date.parse(a.since) - Date.parse(b.since))
    },
  }
}

function parsedEntry(text: string): z.infer<typeof EntryFile> | undefined {
  try {
    const parsed = EntryFile.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
