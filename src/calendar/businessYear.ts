import { dayNumberOf, daysInYear, isoDatesOfYear, isoWeekdayOf, type DayNumber } from './dayNumber'
import type { IsoDate, NonWorkingDay } from './spec'

export type DayKind = 'business' | NonWorkingDay['reason']
const kindCodes: readonly DayKind[] = ['business', 'weekend', 'holiday', 'closure']
const BUSINESS = 0
const WEEKEND = 1
const HOLIDAY = 2
const CLOSURE = 3

export interface BusinessYearInput {
  year: number
  /** ISO weekdays worked, 1 = Monday … 7 = Sunday. */
  workWeek: readonly number[]
  /** The counted holidays (after overrides) with their names; days of other years are ignored. */
  holidays: ReadonlyMap<DayNumber, string>
  closures: ReadonlySet<DayNumber>
  /** Worked although a weekend day, holiday or closure (make-up days). */
  workingDays: ReadonlySet<DayNumber>
}

/** One calendar year, precomputed so that every query costs a lookup or a subtraction per year it touches. */
export interface BusinessYear {
  readonly year: number
  readonly firstDay: DayNumber
  readonly length: number
  readonly kinds: Uint8Array
  /** Each day written out once, so answering a query builds no string. */
  readonly dates: readonly IsoDate[]
  readonly holidayNames: ReadonlyMap<DayNumber, string>
  /** businessBefore[i] = business days among the first i days of the year (length + 1 entries). */
  readonly businessBefore: Int32Array
  /** Offsets from 1 January of the year's business days, in order: the k-th business day is one lookup. */
  readonly businessDays: Uint16Array
}

/** Precedence: make-up working day > closure > counted holiday > work week. */
export function buildBusinessYear(input: BusinessYearInput): BusinessYear {
  const firstDay = dayNumberOf(input.year, 1, 1)
  const length = daysInYear(input.year)
  const worked = new Set(input.workWeek)
  const kinds = new Uint8Array(length)
  const businessBefore = new Int32Array(length + 1)
  const businessDays = new Uint16Array(length)
  let count = 0
  for (let offset = 0; offset < length; offset++) {
    const day = firstDay + offset
    const kind = input.workingDays.has(day)
      ? BUSINESS
      : input.closures.has(day)
        ? CLOSURE
        : input.holidays.has(day)
          ? HOLIDAY
          : worked.has(isoWeekdayOf(day))
            ? BUSINESS
            : WEEKEND
    kinds[offset] = kind
    if (kind === BUSINESS) businessDays[count++] = offset
    businessBefore[offset + 1] = count
  }
  return {
    year: input.year,
    firstDay,
    length,
    kinds,
    dates: isoDatesOfYear(input.year),
    holidayNames: input.holidays,
    businessBefore,
    businessDays: businessDays.slice(0, count),
  }
}

export function dayKindOf(year: BusinessYear, day: DayNumber): DayKind {
  return kindCodes[year.kinds[day - year.firstDay]!]!
}

export function isBusinessOffset(year: BusinessYear, offset: number): boolean {
  return year.kinds[offset] === BUSINESS
}
