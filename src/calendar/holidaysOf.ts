import type { default as Holidays, HolidaysTypes } from 'date-holidays'
import { DeskError } from '../errors'
import type { Language } from '../i18n/language'
import { isoDateOf, parseIsoDate } from './dayNumber'
import { holidaySourceOf } from './holidaySource'
import { resolveCalendarSpec } from './resolveCalendarSpec'
import type { CalendarSpec, HolidayType, RegionHoliday, ResolvedCalendarSpec } from './spec'


/**
 * Every holiday date-holidays knows for the place in one year, all types, each marked counted or not.
 * A holiday of several days ('01-02 P5D') gives one entry per day.
 */
export function holidaysOf(spec: CalendarSpec, year: number): RegionHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new DeskError('invalid_input', `${String(year)} is not a year the holiday data covers; choose one from 1 to 9999.`)
  }
  const resolved = resolveCalendarSpec(spec)
  return holidaysIn(holidaySourceOf(resolved), resolved, year)
}

/** The holiday types a calendar needs from date-holidays: those it counts, and those of holidays it counts by override. */
export function countedTypesOf(spec: ResolvedCalendarSpec): HolidayType[] {
  const types = new Set(spec.holidayTypes)
  const counting = spec.overrides.filter((o) => o.treatAs === 'non_working')
  if (counting.length > 0) {
    const all = holidaySourceOf(spec)
    for (const override of counting) {
      // The typings of getRule() leave out the fields each HolidayRule carries.
      const rule = all.getRule(override.rule) as unknown as HolidaysTypes.HolidayRule | undefined
      if (rule?.type) types.add(rule.type)
    }
  }
  return [...types]
}

const DAY_MS = 86_400_000
const multiDayRule = /\bP\d+D\b/
const spillsOver = new WeakMap<Holidays, boolean>()

/** Whether a holiday of one year can run into the next, so that year's list must be read too. */
function hasMultiDayRules(source: Holidays): boolean {
  let known = spillsOver.get(source)
  if (known === undefined) {
    // The typings of getRules() leave out the `rule` text each HolidayRule carries.
    const rules = source.getRules() as unknown as HolidaysTypes.HolidayRule[]
    known = rules.some((r) => multiDayRule.test(r.rule))
    spillsOver.set(source, known)
  }
  return known
}

/** The holidays `source` holds for the year, marked counted or not under the spec; names in `language` where date-holidays has them. */
export function holidaysIn(source: Holidays, spec: ResolvedCalendarSpec, year: number, language: Language = 'en'): RegionHoliday[] {
  const types = new Set<string>(spec.holidayTypes)
  const overrides = new Map(spec.overrides.map((o) => [o.rule, o.treatAs]))
  const prefix = `${String(year).padStart(4, '0')}-`
  const entries = year > 1 && hasMultiDayRules(source)
    ? [...source.getHolidays(year - 1, language), ...source.getHolidays(year, language)]
    : source.getHolidays(year, language)
  const holidays: RegionHoliday[] = []
  for (const holiday of entries) {
    const overridden = overrides.get(holiday.rule)
    const counted = overridden ? overridden === 'non_working' : types.has(holiday.type)
    // `date` is the local calendar date ('2026-04-02 00:00:00 -0600' for Passover, which starts the evening before);
    // `start`/`end` are instants and would put the day in the wrong date west of UTC. Their difference gives the
    // number of days; a half day ('12-24 14:00') still takes its date.
    const first = parseIsoDate(holiday.date.slice(0, 10))
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS))
    for (let day = first; day < first + days; day++) {
      const date = isoDateOf(day)
      if (!date.startsWith(prefix)) continue
      const entry: RegionHoliday = { date, name: holiday.name, type: holiday.type, rule: holiday.rule, counted }
      if (overridden) entry.overridden = overridden
      holidays.push(entry)
    }
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
