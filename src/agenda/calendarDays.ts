import { civilDateOf, dayNumberOf, isoDateOf, isoWeekdayOf, parseIsoDate } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'

/** 'YYYY-MM', the month a day is in (what the month view's address names). */
export function monthOf(d: IsoDate): string {
  return d.slice(0, 7)
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return isoDateOf(parseIsoDate(d) + n)
}

function daysInMonth(year: number, month: number): number {
  return dayNumberOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumberOf(year, month, 1)
}

/** The same day n months on, clamped to the month's last day: 31 Jan plus one month is 28 or 29 Feb. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = civilDateOf(parseIsoDate(d))
  const index = year * 12 + (month - 1) + n
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return isoDateOf(dayNumberOf(y, m, Math.min(day, daysInMonth(y, m))))
}

/** Monday to Sunday of the ISO week the day is in. */
export function weekOf(d: IsoDate): IsoDate[] {
  const n = parseIsoDate(d)
  const monday = n - (isoWeekdayOf(n) - 1)
  return Array.from({ length: 7 }, (_, i) => isoDateOf(monday + i))
}

/** The weeks, Monday first, that cover the month ('YYYY-MM'): four to six rows of seven days. */
export function monthGrid(month: string): IsoDate[][] {
  const first = parseIsoDate(`${month}-01`)
  const { year, month: m } = civilDateOf(first)
  const last = first + daysInMonth(year, m) - 1
  const weeks: IsoDate[][] = []
  for (let monday = first - (isoWeekdayOf(first) - 1); monday <= last; monday += 7) {
    weeks.push(Array.from({ length: 7 }, (_, i) => isoDateOf(monday + i)))
  }
  return weeks
}
