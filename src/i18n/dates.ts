import { civilDateOf, isoWeekdayOf, parseIsoDate } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import { wallClockOf, type WallClock } from '../time'
import type { Language } from './language'

// Written out rather than asked of Intl: Intl's short Dutch names carry a full stop ('di 22 dec.'), its English ones
// a comma ('Tue, 22 Dec'), and both vary with the runtime's ICU data; deadline texts must read the same everywhere.
const weekdays: Record<Language, readonly string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
}
const months: Record<Language, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
}

/** 'Tue', 'di' */
export function weekdayName(date: IsoDate, lang: Language): string {
  return weekdays[lang][isoWeekdayOf(parseIsoDate(date)) - 1]!
}

/** 'Dec', 'mrt' */
export function monthName(date: IsoDate, lang: Language): string {
  return months[lang][civilDateOf(parseIsoDate(date)).month - 1]!
}

function dayOfMonth(date: IsoDate): number {
  return civilDateOf(parseIsoDate(date)).day
}

/** 'Tue 22 Dec' or 'di 22 dec'; with the year 'Tue 22 Dec 2026'. */
export function formatDay(date: IsoDate, lang: Language, withYear = false): string {
  const text = `${weekdayName(date, lang)} ${dayOfMonth(date)} ${monthName(date, lang)}`
  return withYear ? `${text} ${date.slice(0, 4)}` : text
}

/** 24-hour clock in both languages; midnight is 00:00, never 24:00. */
function clockTime(wall: WallClock): string {
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`
}

/** 'Fri 18 Dec 16:10' as the zone's wall clock shows the instant; with the year 'Fri 18 Dec 2026 16:10'. */
export function formatDayTime(instant: number | string, timeZone: string, lang: Language, withYear = false): string {
  const wall = wallClockOf(typeof instant === 'string' ? Date.parse(instant) : instant, timeZone)
  return `${formatDay(wall.date, lang, withYear)} ${clockTime(wall)}`
}

/** '09:12' for an instant on the day `now` falls on in the zone, else 'Mon 30 Nov 09:12': when something recent began. */
export function formatRecent(instant: number | string, timeZone: string, lang: Language, now: number): string {
  const wall = wallClockOf(typeof instant === 'string' ? Date.parse(instant) : instant, timeZone)
  return wall.date === wallClockOf(now, timeZone).date ? clockTime(wall) : formatDayTime(instant, timeZone, lang)
}

// The zones that are UTC under another name, and the fixed-offset ones: Etc/GMT-5 is POSIX for UTC+5 (the sign
// reads backwards), and a bare offset ('+05:30') is what Temporal and newer Intl also take as a zone.
const utcNames = /^(Etc\/)?(UTC|UCT|GMT|GMT[+-]?0|Greenwich|Universal|Zulu)$/i
const etcOffset = /^Etc\/GMT([+-])(\d{1,2})$/
const bareOffset = /^([+-])(\d{2}):?(\d{2})?$/

/**
 * A zone's name as a person reads it: 'Europe/Amsterdam' as it is, a fixed offset as 'UTC+05:00' or 'UTC-03:30',
 * UTC by any of its names as 'UTC'. Every place that prints a zone for a reader goes through this.
 */
export function zoneLabel(timeZone: string): string {
  if (utcNames.test(timeZone)) return 'UTC'
  const etc = etcOffset.exec(timeZone)
  if (etc) return offsetLabel(etc[1] === '-' ? '+' : '-', Number(etc[2]), 0)
  const bare = bareOffset.exec(timeZone)
  if (bare) return offsetLabel(bare[1]!, Number(bare[2]), Number(bare[3] ?? 0))
  return timeZone
}

function offsetLabel(sign: string, hours: number, minutes: number): string {
  if (hours === 0 && minutes === 0) return 'UTC'
  return `UTC${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** 'Tue 22 Dec 2026 17:59 (America/New_York)': a moment written for someone in another zone, naming the zone. */
export function formatForZone(instant: number | string, timeZone: string, lang: Language): string {
  const wall = wallClockOf(typeof instant === 'string' ? Date.parse(instant) : instant, timeZone)
  return `${formatDay(wall.date, lang, true)} ${clockTime(wall)} (${zoneLabel(timeZone)})`
}

/**
 * Consecutive days as one span: 'Sat–Sun 19–20 Dec', 'Thu–Fri 31 Dec–1 Jan', 'za–zo 19–20 dec'; the weekdays, then
 * the dates, the month written once where shared. One day is written as formatDay writes it.
 */
export function formatDaySpan(first: IsoDate, last: IsoDate, lang: Language): string {
  if (first === last) return formatDay(first, lang)
  const firstMonth = monthName(first, lang)
  const lastMonth = monthName(last, lang)
  const days =
    firstMonth === lastMonth && first.slice(0, 4) === last.slice(0, 4)
      ? `${dayOfMonth(first)}–${dayOfMonth(last)} ${lastMonth}`
      : `${dayOfMonth(first)} ${firstMonth}–${dayOfMonth(last)} ${lastMonth}`
  return `${weekdayName(first, lang)}–${weekdayName(last, lang)} ${days}`
}
