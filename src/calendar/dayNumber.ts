import { DeskError } from '../errors'
import type { IsoDate } from './spec'

/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian, no time zone), so that date arithmetic
 * never meets a Date at local midnight or a DST jump. Civil conversions after Howard Hinnant's date algorithms.
 */
export type DayNumber = number

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function civilDateOf(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function yearOfDayNumber(dayNumber: DayNumber): number {
  return civilDateOf(dayNumber).year
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365
}

/** 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
export function isoWeekdayOf(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1
}

export function isoDateOf(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilDateOf(dayNumber)
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const twoDigits = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'))

/** Every date of the year in order, written month by month rather than converted one day number at a time. */
export function isoDatesOfYear(year: number): IsoDate[] {
  const prefix = `${String(year).padStart(4, '0')}-`
  const dates: IsoDate[] = []
  monthLengths.forEach((length, index) => {
    const month = `${prefix}${twoDigits[index + 1]}-`
    const days = index === 1 && isLeapYear(year) ? 29 : length
    for (let day = 1; day <= days; day++) dates.push(`${month}${twoDigits[day]}`)
  })
  return dates
}

/** The number written at text[from, from + count), or NaN if any of it is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
  }
  return value
}

/** The day number of a real date written YYYY-MM-DD, or NaN. Reads the characters directly: it runs once per deadline query. */
function dayNumberOrNaN(date: string): DayNumber {
  if (typeof date === 'string' && date.length === 10 && date[4] === '-' && date[7] === '-') {
    const year = digitsAt(date, 0, 4)
    const month = digitsAt(date, 5, 2)
    const day = digitsAt(date, 8, 2)
    const monthLength = month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1]
    if (year >= 1 && monthLength !== undefined && day >= 1 && day <= monthLength) return dayNumberOf(year, month, day)
  }
  return Number.NaN
}

/** Rejects what is not a real date (2026-02-30, 2026-13-01) instead of letting Date roll it into the next month. */
export function parseIsoDate(date: IsoDate): DayNumber {
  const dayNumber = dayNumberOrNaN(date)
  if (!Number.isNaN(dayNumber)) return dayNumber
  throw new DeskError('invalid_input', `'${String(date)}' is not a calendar date. Write it as YYYY-MM-DD, e.g. 2026-12-18.`)
}

/**
 * Whether text is a real date as YYYY-MM-DD: '2026-02-31' has the shape of one but no day. For input that may be
 * wrong and has a fallback (an address, a file's field), where parseIsoDate's error would be thrown only to be caught.
 */
export function isCalendarDate(text: string): boolean {
  return !Number.isNaN(dayNumberOrNaN(text))
}
