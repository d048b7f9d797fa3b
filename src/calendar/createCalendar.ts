import { businessCalendarOver } from './businessCalendar'
import { buildBusinessYear, type BusinessYear } from './businessYear'
import { parseIsoDate, type DayNumber } from './dayNumber'
import { forgetHolidaySources, holidaySourceOf } from './holidaySource'
import { countedTypesOf, holidaysIn } from './holidaysOf'
import { resolveCalendarSpec } from './resolveCalendarSpec'
import type { BusinessCalendar, CalendarSpec, ResolvedCalendarSpec } from './spec'

/** Built years per spec: date-holidays needs milliseconds per year, a deadline query must not. */
const yearsBySpec = new Map<string, Map<number, BusinessYear>>()

/** Two specs that differ only in order, names of overrides or time zone give the same days. */
function dayKeyOf(spec: ResolvedCalendarSpec): string {
  const sorted = <T>(values: readonly T[]) => [...new Set(values)].sort()
  return JSON.stringify([
    spec.country.toUpperCase(),
    spec.state?.toUpperCase() ?? '',
    spec.region?.toUpperCase() ?? '',
    sorted(spec.holidayTypes),
    sorted(spec.workWeek),
    sorted(spec.closures),
    sorted(spec.workingDays),
    sorted(spec.overrides.map((o) => `${o.treatAs}:${o.rule}`)),
  ])
}

// A case list recounts every case each minute, each with the spec object the store holds for it; validating and
// keying that spec again costs about a third of counting the case's deadlines. The store replaces, never edits, a spec.
let calendarsBySpecObject = new WeakMap<CalendarSpec, BusinessCalendar>()

export function createCalendar(spec: CalendarSpec): BusinessCalendar {
  let calendar = calendarsBySpecObject.get(spec)
  if (!calendar) {
    calendar = calendarOf(spec)
    calendarsBySpecObject.set(spec, calendar)
  }
  return calendar
}

function calendarOf(spec: CalendarSpec): BusinessCalendar {
  const resolved = resolveCalendarSpec(spec)
  // Fails here, not at the first query, when the place is unknown.
  const source = holidaySourceOf(resolved, countedTypesOf(resolved))
  const key = dayKeyOf(resolved)
  let years = yearsBySpec.get(key)
  if (!years) {
    years = new Map()
    yearsBySpec.set(key, years)
  }
  const built = years
  const closures = new Set(resolved.closures.map(parseIsoDate))
  const workingDays = new Set(resolved.workingDays.map(parseIsoDate))
  return businessCalendarOver((year) => {
    let table = built.get(year)
    if (!table) {
      const holidays = new Map<DayNumber, string>()
      for (const holiday of holidaysIn(source, resolved, year)) {
        if (!holiday.counted) continue
        const day = parseIsoDate(holiday.date)
        const other = holidays.get(day)
        if (other === undefined) holidays.set(day, holiday.name)
        else if (!other.split(', ').includes(holiday.name)) holidays.set(day, `${other}, ${holiday.name}`)
      }
      table = buildBusinessYear({ year, workWeek: resolved.workWeek, holidays, closures, workingDays })
      built.set(year, table)
    }
    return table
  })
}

/** Forgets every built year and date-holidays instance, so the next query builds from scratch (benchmarks). */
export function clearCalendarCache(): void {
  yearsBySpec.clear()
  calendarsBySpecObject = new WeakMap()
  forgetHolidaySources()
}
