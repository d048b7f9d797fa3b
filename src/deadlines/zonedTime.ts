import { civilDateOf, isoDateOf, isoWeekdayOf, parseIsoDate } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import { DeskError } from '../errors'

/** A moment as a wall clock in some zone shows it. */
export interface WallClock {
  date: IsoDate
  hour: number
  minute: number
  second: number
}

// Building an Intl.DateTimeFormat costs far more than using one; a desk sees a handful of zones.
const formats = new Map<string, Intl.DateTimeFormat>()

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      throw new DeskError(
        'invalid_input',
        `'${timeZone}' is not a time zone this computer knows, so no deadline can be placed in it. ` +
          'Nothing was changed; choose a zone such as Europe/Amsterdam.',
      )
    }
    formats.set(timeZone, format)
  }
  return format
}

export function wallClockOf(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {}
  for (const part of wallClockFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const pad = (n: number | undefined) => String(n).padStart(2, '0')
  return {
    date: `${String(parts['year']).padStart(4, '0')}-${pad(parts['month'])}-${pad(parts['day'])}`,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  }
}

export function dateInZone(instant: number, timeZone: string): IsoDate {
  return wallClockOf(instant, timeZone).date
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockOf(instant, timeZone)
  const { year, month, day } = civilDateOf(parseIsoDate(wall.date))
  const wholeSecond = Math.floor(instant / 1000) * 1000
  return Date.UTC(year, month - 1, day, wall.hour, wall.minute, wall.second) - wholeSecond
}

/**
 * The last millisecond of a date in a zone. The offset is looked up at the answer itself, not at noon or midnight,
 * so a day on which the clocks change (Amsterdam, 25 Oct 2026: 25 hours) still ends at its own 23:59:59.999.
 */
export function endOfDayIn(date: IsoDate, timeZone: string): number {
  const { year, month, day } = civilDateOf(parseIsoDate(date))
  const asIfUtc = Date.UTC(year, month - 1, day, 23, 59, 59, 999)
  const guess = asIfUtc - offsetAt(asIfUtc, timeZone)
  return asIfUtc - offsetAt(guess, timeZone)
}

export function nextDate(date: IsoDate): IsoDate {
  return isoDateOf(parseIsoDate(date) + 1)
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

export function weekdayName(date: IsoDate): string {
  return weekdays[isoWeekdayOf(parseIsoDate(date)) - 1]!
}

export function monthName(date: IsoDate): string {
  return months[civilDateOf(parseIsoDate(date)).month - 1]!
}

export function dayOfMonth(date: IsoDate): number {
  return civilDateOf(parseIsoDate(date)).day
}

/** 'Tue 22 Dec', or 'Tue 22 Dec 2026' with the year. */
export function formatDay(date: IsoDate, withYear = false): string {
  const text = `${weekdayName(date)} ${dayOfMonth(date)} ${monthName(date)}`
  return withYear ? `${text} ${date.slice(0, 4)}` : text
}

function clockTime(wall: WallClock): string {
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`
}

/** 'Fri 18 Dec 16:10' as the zone's wall clock shows the instant. */
export function formatDayTime(instant: number, timeZone: string): string {
  const wall = wallClockOf(instant, timeZone)
  return `${formatDay(wall.date)} ${clockTime(wall)}`
}

/** 'Tue 22 Dec 2026 17:59 (America/New_York)': a moment written for someone in another zone, naming the zone. */
export function formatForZone(instant: number, timeZone: string): string {
  const wall = wallClockOf(instant, timeZone)
  return `${formatDay(wall.date, true)} ${clockTime(wall)} (${timeZone})`
}
