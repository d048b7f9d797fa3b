import type { AgendaKind } from '../../src/agenda/agendaEntry'
import type { IsoDate } from '../../src/calendar/spec'
import { daysUntil, formatDueDay } from '../../src/i18n'

/** The sidebar badge's name, and Today's lead: "1 overdue deadline", "3 overdue deadlines". */
export function overdueText(count: number): string {
  if (count === 0) return 'No overdue deadlines'
  return `${count.toLocaleString()} overdue ${count === 1 ? 'deadline' : 'deadlines'}`
}

/** Today's lead after the date: "3 overdue · 2 due today", "nothing overdue · nothing due today". */
export function boardLead(overdue: number, dueToday: number): string {
  const late = overdue === 0 ? 'nothing overdue' : `${overdue.toLocaleString()} overdue`
  const now = dueToday === 0 ? 'nothing due today' : `${dueToday.toLocaleString()} due today`
  return `${late} · ${now}`
}

const days = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'day' : 'days'}`

/**
 * When a Today row is due, on the team's day: "Due Mon 30 Nov · 1 day late", "Due today", "Due tomorrow",
 * "Due Fri 4 Dec · in 3 days". A publication is planned, not due: "Planned Fri 4 Dec".
 */
export function todayWhenText(kind: AgendaKind, day: IsoDate, today: IsoDate): string {
  const verb = kind === 'publication' ? 'Planned' : 'Due'
  const ahead = daysUntil(day, today)
  if (ahead === 0) return `${verb} today`
  if (ahead === 1) return `${verb} tomorrow`
  const on = `${verb} ${formatDueDay(day, today, 'en')}`
  return ahead < 0 ? `${on} · ${days(-ahead)} late` : `${on} · in ${days(ahead)}`
}
