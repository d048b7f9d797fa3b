import type { IsoDate } from '../calendar/spec'
import type { CaseStatus } from '../cases/lifecycle'
import type { AgendaEntry } from './agendaEntry'
import { byUrgency } from './entryDay'

/** Earliest due first (the longest overdue on top), then as a day's list is ordered. */
const byDate = <T extends AgendaEntry>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byUrgency(a, b))

/**
 * The Today screen's lists: what is overdue, due today, and due after today up to `soonUntil` (the fifth business
 * day). Open entries only; a paused deadline waits for the reporter and shows under that heading, by its case.
 */
export function todayBoard<T extends AgendaEntry>(items: readonly T[], today: IsoDate, soonUntil: IsoDate): { overdue: T[]; dueToday: T[]; soon: T[] } {
  const overdue: T[] = []
  const dueToday: T[] = []
  const soon: T[] = []
  for (const item of items) {
    if (item.state === 'overdue') overdue.push(item)
    else if (item.state === 'due_today') dueToday.push(item)
    else if (item.state === 'upcoming' && item.date > today && item.date <= soonUntil) soon.push(item)
    // Upcoming yet dated today: the list was counted before midnight, or on a clock still on yesterday. Either way the
    // date is today's, and the team is better told early than late.
    else if (item.state === 'upcoming' && item.date <= today) dueToday.push(item)
  }
  return { overdue: overdue.sort(byDate), dueToday: dueToday.sort(byDate), soon: soon.sort(byDate) }
}

/** The cases waiting for the reporter's answer (needs info): their clocks stand still until the reporter writes. */
export function waitingOnReporter<S extends { status: CaseStatus }>(summaries: readonly S[]): S[] {
  return summaries.filter((s) => s.status === 'needs_info')
}
