import type Holidays from 'date-holidays'
import { businessCalendarOver } from './businessCalendar'
import { buildBusinessYear, type BusinessYear } from './businessYear'
import { parseIsoDate, yearOfDayNumber, type DayNumber } from './dayNumber'
import { forgetHolidaySources, holidaySourceOf } from './holidaySource'
import { countedTypesOf, holidaysIn } from './holidaysOf'
import type { Language } from '../i18n/language'
import { resolveCalendarSpec } from './resolveCalendarSpec'
import type { BusinessCalendar, CalendarSpec, IsoDate, ResolvedCalendarSpec } from './spec'

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

/** A calendar, and the names of its counted holidays in a language a text asks for. */
interface Built {
  calendar: BusinessCalendar
  holidayNames(year: number, language: Language): ReadonlyMap<DayNumber, string>
}

// A case list recounts every case each minute, each with the spec object the store holds for it; validating and
// keying that spec again costs about a third of counting the case's deadlines. The store replaces, never edits, a spec.
let builtBySpecObject = new WeakMap<CalendarSpec, Built>()
/** Holiday names other than English, per spec and year: only a Dutch text asks, so they are looked up then. */
const namesBySpec = new Map<string, Map<number, ReadonlyMap<DayNumber, string>>>()

function built(spec: CalendarSpec): Built {
  let known = builtBySpecObject.get(spec)
  if (!known) {
    known = calendarOf(spec)
    builtBySpecObject.set(spec, known)
  }
  return known
}

export function createCalendar(spec: CalendarSpec): BusinessCalendar {
  return built(spec).calendar
}

/** The name of the counted holiday on `date` in `language` ('Kerstmis'), as date-holidays has it; undefined on other days. */
export function holidayNameOn(spec: CalendarSpec, date: IsoDate, language: Language): string | undefined {
  const day = parseIsoDate(date)
  return built(spec).holidayNames(yearOfDayNumber(day), language).get(day)
}

/** The counted holidays of a year and their names; two holidays on one day share it ('Christmas Day, Boxing Day'). */
function countedHolidays(source: Holidays, spec: ResolvedCalendarSpec, year: number, language: Language): Map<DayNumber, string> {
  const holidays = new Map<DayNumber, string>()
  for (const holiday of holidaysIn(source, spec, year, language)) {
    if (!holiday.counted) continue
    const day = parseIsoDate(holiday.date)
    const other = holidays.get(day)
    if (other === undefined) holidays.set(day, holiday.name)
    else if (!other.split(', ').includes(holiday.name)) holidays.set(day, `${other}, ${holiday.name}`)
  }
  return holidays
}

function calendarOf(spec: CalendarSpec): Built {
  const resolved = resolveCalendarSpec(spec)
  // Fails here, not at the first query, when the place is unknown.
  const source = holidaySourceOf(resolved, countedTypesOf(resolved))
  const key = dayKeyOf(resolved)
  let years = yearsBySpec.get(key)
  if (!years) {
    years = new Map()
    yearsBySpec.set(key, years)
  }
  const builtYears = years
  const closures = new Set(resolved.closures.map(parseIsoDate))
  const workingDays = new Set(resolved.workingDays.map(parseIsoDate))
  const yearOf = (year: number) => {
    let table = builtYears.get(year)
    if (!table) {
      const holidays = countedHolidays(source, resolved, year, 'en')
      table = buildBusinessYear({ year, workWeek: resolved.workWeek, holidays, closures, workingDays })
      builtYears.set(year, table)
    }
    return table
  }
  return {
    calendar: businessCalendarOver(yearOf),
    holidayNames(year, language) {
      if (language === 'en') return yearOf(year).holidayNames
      const namesKey = `${key}/${language}`
      let names = namesBySpec.get(namesKey)
      if (!names) {
        names = new Map()
        namesBySpec.set(namesKey, names)
      }
      let inYear = names.get(year)
      if (!inYear) {
        inYear = countedHolidays(source, resolved, year, language)
        names.set(year, inYear)
      }
      return inYear
    },
  }
}

/** Forgets every built year and date-holidays instance, so the next query builds from scratch (benchmarks). */
export function clearCalendarCache(): void {
  yearsBySpec.clear()
  namesBySpec.clear()
  builtBySpecObject = new WeakMap()
  forgetHolidaySources()
}
