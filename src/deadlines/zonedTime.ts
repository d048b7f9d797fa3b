import { civilDateOf, dayNumberOf, isoDateOf, isoWeekdayOf, parseIsoDate } from '../calendar/dayNumber'
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

/** The zone's offset from UTC at an instant, in milliseconds, as Intl tells it (to the second). */
function intlOffsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const part of wallClockFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts
  const wall = dayNumberOf(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * 1000
  return wall - Math.floor(instant / 1000) * 1000
}

// formatToParts costs ~10 µs and a case list asks for thousands of wall clocks. A zone's offset holds for months, so
// it is kept per UTC day, and only when it is the same at both ends of that day: on the day the clocks change, each
// instant is asked of Intl.
const DAY = 86_400_000
const offsets = new Map<string, Map<number, number>>()

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(instant: number, timeZone: string): number {
  let byDay = offsets.get(timeZone)
  if (!byDay) {
    byDay = new Map()
    offsets.set(timeZone, byDay)
  }
  const day = Math.floor(instant / DAY)
  const known = byDay.get(day)
  if (known !== undefined) return known
  const atStart = intlOffsetAt(day * DAY, timeZone)
  if (atStart !== intlOffsetAt((day + 1) * DAY - 1, timeZone)) return intlOffsetAt(instant, timeZone)
  byDay.set(day, atStart)
  return atStart
}

export function wallClockOf(instant: number, timeZone: string): WallClock {
  const local = instant + offsetAt(instant, timeZone)
  const day = Math.floor(local / DAY)
  const secondOfDay = Math.floor((local - day * DAY) / 1000)
  return {
    date: isoDateOf(day),
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor(secondOfDay / 60) % 60,
    second: secondOfDay % 60,
  }
}

export function dateInZone(instant: number, timeZone: string): IsoDate {
  return wallClockOf(instant, timeZone).date
}

/**
 * The last millisecond of a date in a zone. The offset is looked up at the answer itself, not at noon or midnight,
 * so a day on which the clocks change (Amsterdam, 25 Oct 2026: 25 hours) still ends at its own 23:59:59.999.
 */
export function endOfDayIn(date: IsoDate, timeZone: string): number {
  const asIfUtc = (parseIsoDate(date) + 1) * DAY - 1
  const guess = asIfUtc - offsetAt(asIfUtc, timeZone)
  return asIfUtc - offsetAt(guess, timeZone)
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
