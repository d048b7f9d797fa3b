import { wallClockOf } from '../../src/deadlines/zonedTime'

/** The zone this computer is set to, e.g. 'Europe/Amsterdam'. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Every zone the runtime knows, plus the given ones so that a stored zone stays selectable, sorted. */
export function timeZoneChoices(...mustInclude: string[]): string[] {
  const known = Intl.supportedValuesOf('timeZone')
  return [...new Set([...mustInclude.filter(Boolean), ...known])].sort()
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')

/** How far the zone's clock is ahead of UTC at that instant, in minutes (Amsterdam in winter: 60). */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const wall = wallClockOf(epochMs, timeZone)
  const asUtc = Date.parse(`${wall.date}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}Z`)
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000)
}

/** The value for an <input type="datetime-local"> showing that instant on the zone's clock: 'YYYY-MM-DDTHH:MM'. */
export function wallClockIn(instant: string | number | Date, timeZone: string): string {
  const wall = wallClockOf(new Date(instant).getTime(), timeZone)
  return `${wall.date}T${pad(wall.hour)}:${pad(wall.minute)}`
}

const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * Reads 'YYYY-MM-DDTHH:MM' on the clock of `timeZone` as an ISO instant with that zone's offset,
 * e.g. '2026-03-05T14:10' in Europe/Amsterdam is '2026-03-05T14:10:00+01:00'.
 * A time skipped by a daylight-saving jump is read with the offset from before the jump, as clocks that were not yet
 * moved forward would show it. Returns null for text that is not a wall-clock time.
 */
export function instantFromWallClock(wallClock: string, timeZone: string): string | null {
  const m = wallClockPattern.exec(wallClock)
  if (!m) return null
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((v) => Number(v ?? 0)) as number[]
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second)
  if (Number.isNaN(asUtc)) return null
  // The offset depends on the instant we are looking for; two rounds settle it, also next to a DST change.
  const before = offsetMinutes(asUtc - offsetMinutes(asUtc, timeZone) * 60_000, timeZone)
  const after = offsetMinutes(asUtc - before * 60_000, timeZone)
  const offset = wallClockIn(asUtc - after * 60_000, timeZone) === wallClock.slice(0, 16) ? after : before
  const sign = offset < 0 ? '-' : '+'
  const wall = new Date(asUtc)
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  )
}
