import { holidaySourceOf } from './holidaySource'
import { resolveCalendarSpec } from './resolveCalendarSpec'
import type { CalendarSpec, HolidayOverride, HolidayType, IsoDate, ResolvedCalendarSpec } from './spec'

export interface RegionHoliday {
  date: IsoDate
  name: string
  type: HolidayType
  /** date-holidays' rule text, the key of an override; a substitute day has its own rule or shares its holiday's. */
  rule: string
  /** Whether the day counts as non-working under the spec's holiday types and overrides. */
  counted: boolean
  overridden?: HolidayOverride['treatAs']
}

/** Every holiday date-holidays knows for the place in one year, all types, each marked counted or not. */
export function holidaysOf(spec: CalendarSpec, year: number): RegionHoliday[] {
  return regionHolidaysOf(resolveCalendarSpec(spec), year)
}

export function regionHolidaysOf(spec: ResolvedCalendarSpec, year: number): RegionHoliday[] {
  const types = new Set<string>(spec.holidayTypes)
  const overrides = new Map(spec.overrides.map((o) => [o.rule, o.treatAs]))
  const prefix = String(year).padStart(4, '0')
  return holidaySourceOf(spec)
    .getHolidays(year, 'en')
    .flatMap((holiday) => {
      // `date` is the local calendar date ('2026-04-02 00:00:00 -0600' for Passover, which starts the evening before);
      // `start`/`end` are instants and would put the day in the wrong date west of UTC.
      const date = holiday.date.slice(0, 10)
      if (!date.startsWith(prefix)) return []
      const overridden = overrides.get(holiday.rule)
      const counted = overridden ? overridden === 'non_working' : types.has(holiday.type)
      const entry: RegionHoliday = { date, name: holiday.name, type: holiday.type, rule: holiday.rule, counted }
      if (overridden) entry.overridden = overridden
      return [entry]
    })
}
