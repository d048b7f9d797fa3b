import type { CalendarSpec } from '../../src/calendar/spec'

/**
 * The query key of every piece of server state the renderer shows. Keys nest, so invalidating a prefix reaches all
 * below it: `caseKeys.all` is every case, its deadlines, the list and every search. One QueryClient serves one store
 * file, so no key names the file.
 */
export const caseKeys = {
  all: ['cases'] as const,
  list: ['cases', 'list'] as const,
  /** Cases whose report text matches; the list rows do not carry report text, so main searches it. */
  searches: ['cases', 'search'] as const,
  search: (text: string) => ['cases', 'search', text] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  /** Below the case, so that invalidating a case reaches its deadlines. */
  deadlines: (id: string) => ['cases', 'one', id, 'deadlines'] as const,
  nextMilestones: (id: string) => ['cases', 'one', id, 'nextMilestones'] as const,
  /** Every dated deadline and planned publication across cases: any case change can move one. */
  agenda: ['cases', 'agenda'] as const,
}

export const settingsKey = ['settings'] as const
/** Who uses this installation; below the settings, so that a settings change (a member removed) asks again. */
export const identityKey = ['settings', 'identity'] as const
export const policiesKey = ['policies'] as const
/** The team calendar's days off in a span; below the settings, whose calendar they come from. */
export const daysOffKey = (from: string, to: string) => ['settings', 'daysOff', from, to] as const

/** date-holidays' data does not change while the app runs: these are never invalidated. */
export const calendarKeys = {
  places: (country: string | undefined, state: string | undefined) => ['calendar', 'places', country ?? '', state ?? ''] as const,
  holidays: (spec: Omit<CalendarSpec, 'timeZone'>, year: number) => ['calendar', 'holidays', spec, year] as const,
}
