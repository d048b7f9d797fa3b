import { z } from 'zod'
import { addDays, addMonths, monthGrid, monthOf, weekOf } from '../../src/agenda/calendarDays'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { agendaFilterFromParams, agendaFilterParams, matchesAgendaFilter, type AgendaFilter } from '../../src/agenda/agendaFilter'
import { bucketByDay } from '../../src/agenda/entryDay'
import { civilDateOf, isCalendarDate, isoWeekdayOf, parseIsoDate } from '../../src/calendar/dayNumber'
import { IsoDate } from '../../src/calendar/spec'
import { formatDay, monthName } from '../../src/i18n'
import type { CaseSummary, DayOff } from '../../src/ipc/contract'

/** How the calendar lays out its entries: a list of days, one week, or one month. */
export const CalendarView = z.enum(['agenda', 'week', 'month'])
export type CalendarView = z.infer<typeof CalendarView>

export const calendarViews: readonly { view: CalendarView; label: string }[] = [
  { view: 'agenda', label: 'Agenda' },
  { view: 'week', label: 'Week' },
  { view: 'month', label: 'Month' },
]

// The month is what a person looking for "what is due across cases" expects first.
const defaultView: CalendarView = 'month'

/**
 * What the calendar shows, as it lives in the address: `view`, `day` (the focused day; the period shown is the one
 * it falls in) and the filter's params. A missing or broken day is today, so a calendar opened without one follows
 * the team's day across midnight.
 */
export type CalendarState = { view: CalendarView; day: IsoDate | null; filter: AgendaFilter }

export function calendarStateFrom(params: URLSearchParams): CalendarState {
  const view = CalendarView.safeParse(params.get('view'))
  const day = IsoDate.safeParse(params.get('day'))
  return {
    view: view.success ? view.data : defaultView,
    // '2026-02-31' has the shape of a date but no day: such an address shows today.
    day: day.success && isCalendarDate(day.data) ? day.data : null,
    filter: agendaFilterFromParams(params),
  }
}

/** The address's search params for a state; defaults are left out, so a plain /calendar is the month of today. */
export function calendarParams(state: CalendarState): URLSearchParams {
  const params = new URLSearchParams(agendaFilterParams(state.filter))
  if (state.view !== defaultView) params.set('view', state.view)
  if (state.day) params.set('day', state.day)
  return params
}

/** The focused day one period on or back: a month (day clamped to its end), or a week for the week and agenda views. */
export function stepPeriod(view: CalendarView, day: IsoDate, step: 1 | -1): IsoDate {
  return view === 'month' ? addMonths(day, step) : addDays(day, 7 * step)
}

/** Whether two days are in the same period of a view, so moving between them needs no new history entry. */
export function samePeriod(view: CalendarView, a: IsoDate, b: IsoDate): boolean {
  if (view === 'month') return monthOf(a) === monthOf(b)
  if (view === 'week') return weekOf(a)[0] === weekOf(b)[0]
  return a === b
}

/** The days a grid shows: whole weeks, Monday first. */
export function gridWeeks(view: 'week' | 'month', day: IsoDate): IsoDate[][] {
  return view === 'month' ? monthGrid(monthOf(day)) : [weekOf(day)]
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "December 2026", "Week 49 · 30 Nov – 6 Dec 2026", "From Tue 1 Dec 2026". */
export function periodLabel(view: CalendarView, day: IsoDate): string {
  if (view === 'month') {
    const { year, month } = civilDateOf(parseIsoDate(day))
    return `${monthNames[month - 1]} ${year}`
  }
  if (view === 'agenda') return `From ${formatDay(day, 'en', true)}`
  const week = weekOf(day)
  return `Week ${isoWeekNumber(day)} · ${spanText(week[0]!, week[6]!)}`
}

/** "7 – 13 Dec 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027". */
function spanText(first: IsoDate, last: IsoDate): string {
  const a = civilDateOf(parseIsoDate(first))
  const b = civilDateOf(parseIsoDate(last))
  const end = `${b.day} ${monthName(last, 'en')} ${b.year}`
  if (a.year !== b.year) return `${a.day} ${monthName(first, 'en')} ${a.year} – ${end}`
  if (a.month !== b.month) return `${a.day} ${monthName(first, 'en')} – ${end}`
  return `${a.day} – ${end}`
}

/** ISO 8601 week number: the week belongs to the year its Thursday is in. */
export function isoWeekNumber(day: IsoDate): number {
  const n = parseIsoDate(day)
  const thursday = n + 4 - isoWeekdayOf(n)
  const { year } = civilDateOf(thursday)
  const firstOfYear = parseIsoDate(`${String(year).padStart(4, '0')}-01-01`)
  return Math.floor((thursday - firstOfYear) / 7) + 1
}

/**
 * The days whose days off the views ask for: the whole year of `day` and the grid weeks spilling over its ends. One
 * span per year, so moving between months shades the new one from the cache at once.
 */
export function daysOffSpan(day: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = day.slice(0, 4)
  return { from: addDays(`${year}-01-01`, -7), to: addDays(`${year}-12-31`, 13) }
}

/** What a day off is called on its day: the holiday's name, or that the team is closed; a weekend needs no words. */
export function dayOffName(dayOff: DayOff | undefined): string | undefined {
  if (!dayOff || dayOff.reason === 'weekend') return undefined
  if (dayOff.reason === 'holiday') return dayOff.name ?? 'Holiday'
  return dayOff.name ? `Closure: ${dayOff.name}` : 'Team closed'
}

/** A day cell's name for a screen reader: "Tue 22 Dec 2026, today, Christmas Day, 3 entries". */
export function dayCellLabel(day: IsoDate, today: IsoDate, dayOff: DayOff | undefined, entries: number): string {
  return [
    formatDay(day, 'en', true),
    day === today ? 'today' : undefined,
    dayOffName(dayOff) ?? (dayOff ? 'weekend' : undefined),
    entries === 0 ? 'nothing due' : `${entries} ${entries === 1 ? 'entry' : 'entries'}`,
  ]
    .filter(Boolean)
    .join(', ')
}

/** The entries a filter leaves, and the same by team day, each day's list in urgency order. */
export type FilteredAgenda<T> = { filtered: T[]; buckets: ReadonlyMap<IsoDate, readonly T[]> }

// Per loaded list (useAgenda gives the same array until the cases or entries change), then per filter, person and zone.
const filterings = new WeakMap<readonly object[], Map<string, FilteredAgenda<never>>>()
// Switching filters back and forth reuses what was counted; more than a few kept would only hold memory.
const filteringsKept = 4

/**
 * Filters and buckets the entries once per list, filter, person and zone, also across visits: coming back to the
 * calendar from another screen reads the map instead of sorting tens of thousands of entries into days again.
 */
export function filteredAgenda<T extends AgendaEntry & { summary: CaseSummary }>(
  items: readonly T[],
  filter: AgendaFilter,
  me: string | null,
  teamZone: string,
): FilteredAgenda<T> {
  const key = JSON.stringify([filter.assignee, filter.severity, filter.kind, filter.policy, me, teamZone])
  let byKey = filterings.get(items) as Map<string, FilteredAgenda<T>> | undefined
  if (!byKey) {
    byKey = new Map()
    filterings.set(items, byKey as Map<string, FilteredAgenda<never>>)
  }
  let done = byKey.get(key)
  if (!done) {
    const filtered = items.filter((item) => matchesAgendaFilter(item, filter, me))
    done = { filtered, buckets: bucketByDay(filtered, teamZone) }
    if (byKey.size >= filteringsKept) byKey.delete(byKey.keys().next().value!)
    byKey.set(key, done)
  }
  return done
}
