import { parseIsoDate } from '../../src/calendar/dayNumber'
import type { IsoDate } from '../../src/calendar/spec'
import type { DeadlineState } from '../../src/deadlines/deadline'
import { formatDay } from '../../src/deadlines/zonedTime'
import type { CaseSummary } from '../../src/ipc/contract'

export const deadlineStateLabels: Record<DeadlineState, string> = {
  waiting: 'Waiting',
  open: 'Open',
  upcoming: 'Upcoming',
  due_today: 'Due today',
  overdue: 'Overdue',
  paused: 'Paused',
  met_on_time: 'Met on time',
  met_late: 'Met late',
  not_applicable: 'Not applicable',
}

/** 'Tue 22 Dec' within today's year, 'Tue 22 Dec 2027' outside it: the same words the explanations use. */
export function formatDueDay(date: IsoDate, today: IsoDate): string {
  return formatDay(date, date.slice(0, 4) !== today.slice(0, 4))
}

/** Calendar days from today to the date; negative when it has passed. */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return parseIsoDate(date) - parseIsoDate(today)
}

type NextDeadline = NonNullable<CaseSummary['nextDeadline']>

/** The short text of the list's "Next deadline" cell: "Overdue · Tue 22 Dec", "Due today", "In 3 days". */
export function nextDeadlineText(next: NextDeadline, today: IsoDate): string {
  if (next.state === 'overdue') return next.dueDate ? `Overdue · ${formatDueDay(next.dueDate, today)}` : 'Overdue'
  if (next.state !== 'upcoming' || !next.dueDate) return deadlineStateLabels[next.state]
  const days = daysUntil(next.dueDate, today)
  if (days <= 0) return deadlineStateLabels.due_today
  return days === 1 ? 'Tomorrow' : `In ${days} days`
}

/** Orders the list by urgency: overdue first, then by due moment; cases with nothing due come last. */
export function compareNextDeadlines(a: CaseSummary, b: CaseSummary): number {
  return urgency(a) - urgency(b) || (a.nextDeadline?.dueAt ?? '').localeCompare(b.nextDeadline?.dueAt ?? '')
}

function urgency(s: CaseSummary): number {
  if (!s.nextDeadline?.dueAt) return 2
  return s.nextDeadline.state === 'overdue' ? 0 : 1
}
