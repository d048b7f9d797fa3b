import { DeskError } from '../errors'
import { parseIsoDate, yearOfDayNumber, type DayNumber } from './dayNumber'
import { dayKindOf, isBusinessOffset, type BusinessYear } from './businessYear'
import type { BusinessCalendar, IsoDate, NonWorkingDay } from './spec'

/** date-holidays computes years 1 … 9999; a search that runs past them has no business day to find. */
const FIRST_YEAR = 1
const LAST_YEAR = 9999

function noBusinessDay(date: IsoDate, direction: string): DeskError {
  return new DeskError(
    'invalid_input',
    `There is no business day ${direction} ${date} in years ${FIRST_YEAR}–${LAST_YEAR} of this calendar. ` +
      'Check the work week and closures under Settings → Calendar.',
  )
}

/**
 * The calendar's queries over precomputed years: counting is a subtraction per year and finding the n-th business day
 * is a lookup per year crossed, never a walk day by day. `yearOf` supplies (and may cache) each year's table.
 */
export function businessCalendarOver(yearOf: (year: number) => BusinessYear): BusinessCalendar {
  // Deadlines cluster in the current year: checking the last year used saves the civil-date arithmetic.
  let recent: BusinessYear | undefined

  function yearContaining(day: DayNumber): BusinessYear {
    if (recent && day >= recent.firstDay && day < recent.firstDay + recent.length) return recent
    recent = yearOf(yearOfDayNumber(day))
    return recent
  }

  // Typed-array reads below stay in range: offsets come from the year that contains the day, and the
  // n-th business day is only looked up once the year is known to hold it.
  function after(date: IsoDate, n: number): IsoDate {
    const day = parseIsoDate(date)
    let year = yearContaining(day)
    let seen = year.businessBefore[day - year.firstDay + 1]!
    let left = n
    for (;;) {
      const rest = year.businessDays.length - seen
      if (left <= rest) return year.dates[year.businessDays[seen + left - 1]!]!
      left -= rest
      if (year.year >= LAST_YEAR) throw noBusinessDay(date, 'after')
      year = yearOf(year.year + 1)
      seen = 0
    }
  }

  function before(date: IsoDate, n: number): IsoDate {
    const day = parseIsoDate(date)
    let year = yearContaining(day)
    let seen = year.businessBefore[day - year.firstDay]!
    let left = n
    for (;;) {
      if (left <= seen) return year.dates[year.businessDays[seen - left]!]!
      left -= seen
      if (year.year <= FIRST_YEAR) throw noBusinessDay(date, 'before')
      year = yearOf(year.year - 1)
      seen = year.businessDays.length
    }
  }

  /** Business days in (from, to] for from <= to. */
  function countUpTo(from: DayNumber, to: DayNumber): number {
    const first = yearContaining(from)
    const last = yearContaining(to)
    const upTo = (year: BusinessYear, day: DayNumber) => year.businessBefore[day - year.firstDay + 1]!
    let count = upTo(last, to) - upTo(first, from)
    for (let y = first.year; y < last.year; y++) count += yearOf(y).businessDays.length
    return count
  }

  function isBusinessDay(date: IsoDate): boolean {
    const day = parseIsoDate(date)
    const year = yearContaining(day)
    return isBusinessOffset(year, day - year.firstDay)
  }

  return {
    isBusinessDay,

    addBusinessDays(date, n) {
      if (!Number.isSafeInteger(n)) {
        throw new DeskError(
          'invalid_input',
          `${String(n)} is not a whole number of business days; use an integer such as 5 or -2.`,
        )
      }
      if (n === 0) return isBusinessDay(date) ? date : after(date, 1)
      return n > 0 ? after(date, n) : before(date, -n)
    },

    businessDaysBetween(from, to) {
      const start = parseIsoDate(from)
      const end = parseIsoDate(to)
      return end >= start ? countUpTo(start, end) : -countUpTo(end, start)
    },

    nonWorkingDays(from, to) {
      const end = parseIsoDate(to)
      const days: NonWorkingDay[] = []
      for (let day = parseIsoDate(from); day <= end; day++) {
        const year = yearContaining(day)
        const reason = dayKindOf(year, day)
        if (reason === 'business') continue
        const date = year.dates[day - year.firstDay]!
        const name = reason === 'holiday' ? year.holidayNames.get(day) : undefined
        days.push(name === undefined ? { date, reason } : { date, reason, name })
      }
      return days
    },
  }
}
