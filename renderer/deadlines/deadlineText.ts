import type { IsoDate } from '../../src/calendar/spec'
import type { DeadlineState } from '../../src/deadlines/deadline'
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

// English on purpose: the backend's explanations ("due Tue 22 Dec") are English, and both sit side by side.
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })
const dayYearFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})
const todayFormats = new Map<string, Intl.DateTimeFormat>()

const dayNumber = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / 86_400_000
// A calendar day is formatted at UTC midday so that no zone can move it to the day before.
const middayOf = (date: IsoDate) => new Date(`${date}T12:00:00Z`)

/** 'Tue 22 Dec'; with the year when it is not this year's: 'Tue 22 Dec 2026'. */
export function formatDay(date: IsoDate, today?: IsoDate): string {
  const sameYear = today !== undefined && today.slice(0, 4) === date.slice(0, 4)
  return (sameYear ? dayFormat : dayYearFormat).format(middayOf(date)).replace(',', '')
}

/** Today's date on the clock of `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  let format = todayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    todayFormats.set(timeZone, format)
  }
  return format.format(now)
}

/** Calendar days from today to the date; negative when it has passed. */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return dayNumber(date) - dayNumber(today)
}

type NextDeadline = NonNullable<CaseSummary['nextDeadline']>

/** The short text of the list's "Next deadline" cell: "Overdue · Tue 22 Dec", "Due today", "In 3 days". */
export function nextDeadlineText(next: NextDeadline, today: IsoDate): string {
  const day = next.dueDate ? formatDay(next.dueDate, today) : ''
  switch (next.state) {
    case 'overdue':
      return day ? `Overdue · ${day}` : 'Overdue'
    case 'due_today':
      return 'Due today'
    case 'paused':
      return 'Paused'
    case 'upcoming': {
      if (!next.dueDate) return 'Upcoming'
      const days = daysUntil(next.dueDate, today)
      if (days <= 0) return 'Due today'
      return days === 1 ? 'Tomorrow' : `In ${days} days`
    }
    default:
      return deadlineStateLabels[next.state]
  }
}

/** Orders the list by urgency: overdue first, then by due instant; cases with nothing due last. */
export function compareNextDeadlines(a: CaseSummary, b: CaseSummary): number {
  return urgency(a) - urgency(b) || (a.nextDeadline?.dueAt ?? '').localeCompare(b.nextDeadline?.dueAt ?? '')
}

function urgency(s: CaseSummary): number {
  if (!s.nextDeadline?.dueAt) return 2
  return s.nextDeadline.state === 'overdue' ? 0 : 1
}
