import type { IsoDate } from '../calendar/spec'
import type { CaseStatus } from '../cases/lifecycle'
import { compareText } from '../compareText'
import type { AgendaEntry } from './agendaEntry'
import { byUrgency } from './entryDay'
import { teamView } from './teamView'

interface Placed<T> {
  item: T
  day: IsoDate
}

/** Earliest team day first (the longest overdue on top), then as a day's list is ordered. */
const byDay = <T extends AgendaEntry>(a: Placed<T>, b: Placed<T>) => compareText(a.day, b.day) || byUrgency(a.item, b.item)

const sorted = <T extends AgendaEntry>(list: Placed<T>[]) => list.sort(byDay).map((p) => p.item)

/**
 * The Today screen's lists: what is overdue, due today, and due after today up to `soonUntil` (the fifth business
 * day), each by the team's day and state (teamView), as the calendar and the reminders have them. Open entries only;
 * a paused deadline waits for the reporter and shows under that heading, by its case.
 */
export function todayBoard<T extends AgendaEntry>(
  items: readonly T[],
  today: IsoDate,
  soonUntil: IsoDate,
  teamZone: string,
): { overdue: T[]; dueToday: T[]; soon: T[] } {
  const overdue: Placed<T>[] = []
  const dueToday: Placed<T>[] = []
  const soon: Placed<T>[] = []
  for (const item of items) {
    const { day, state } = teamView(item, teamZone, today)
    if (state === 'overdue') overdue.push({ item, day })
    else if (state === 'due_today') dueToday.push({ item, day })
    else if (state === 'upcoming' && day <= soonUntil) soon.push({ item, day })
  }
  return { overdue: sorted(overdue), dueToday: sorted(dueToday), soon: sorted(soon) }
}

/** The cases waiting for the reporter's answer (needs info): their clocks stand still until the reporter writes. */
export function waitingOnReporter<S extends { status: CaseStatus }>(summaries: readonly S[]): S[] {
  return summaries.filter((s) => s.status === 'needs_info')
}
