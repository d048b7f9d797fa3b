import { z } from 'zod'
import { TimeZoneName } from '../time/zone'

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
export type IsoDate = z.infer<typeof IsoDate>

export const HolidayType = z.enum(['public', 'bank', 'school', 'optional', 'observance'])
export type HolidayType = z.infer<typeof HolidayType>

/**
 * One recurring holiday of the region, fixed once by the user for every year.
 * `rule` is date-holidays' own rule text for the day (e.g. 'easter -2'), which stays the same across years.
 */
export const HolidayOverride = z.object({
  rule: z.string().min(1),
  name: z.string().max(200),
  treatAs: z.enum(['non_working', 'working']),
})
export type HolidayOverride = z.infer<typeof HolidayOverride>

export const CalendarSpec = z.object({
  country: z.string().min(2).max(3),
  state: z.string().max(10).optional(),
  region: z.string().max(10).optional(),
  holidayTypes: z.array(HolidayType).default(['public']),
  workWeek: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  closures: z.array(IsoDate).default([]),
  workingDays: z.array(IsoDate).default([]),
  overrides: z.array(HolidayOverride).default([]),
  timeZone: TimeZoneName.optional(),
})
export type CalendarSpec = z.input<typeof CalendarSpec>
export type ResolvedCalendarSpec = z.output<typeof CalendarSpec>

export interface NonWorkingDay {
  date: IsoDate
  reason: 'weekend' | 'holiday' | 'closure'
  name?: string
}

export interface BusinessCalendar {
  isBusinessDay(date: IsoDate): boolean
  /** n > 0: the n-th business day after date; n < 0: the |n|-th before; n = 0: date if a business day, else the next. */
  addBusinessDays(date: IsoDate, n: number): IsoDate
  /** Business days in (from, to]; negative when to < from. */
  businessDaysBetween(from: IsoDate, to: IsoDate): number
  nonWorkingDays(from: IsoDate, to: IsoDate): NonWorkingDay[]
}

/** The team's calendar as settings hold it, and as each case pins it when it is received. */
export const CalendarSettings = z.object({
  spec: CalendarSpec,
  /** 'HH:MM' in the team's zone: the end of the working day. */
  endOfWorkingDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM').default('17:00'),
  /** A report received after the end of the working day counts from the next business day. */
  afterHoursCountsNextDay: z.boolean().default(false),
})
export type CalendarSettings = z.output<typeof CalendarSettings>

/** One holiday of a year as the settings screen shows it. */
export const RegionHoliday = z.object({
  date: IsoDate,
  name: z.string(),
  type: HolidayType,
  /** date-holidays' rule text, the key of an override; a substitute day has its own rule or shares its holiday's. */
  rule: z.string(),
  /** Whether the day counts as non-working under the spec's holiday types and overrides. */
  counted: z.boolean(),
  overridden: HolidayOverride.shape.treatAs.optional(),
})
export type RegionHoliday = z.infer<typeof RegionHoliday>

export const PlaceName = z.object({ code: z.string(), name: z.string() })
export type PlaceName = z.infer<typeof PlaceName>
