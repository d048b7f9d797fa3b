import type { NextDeadline } from '../../src/cases/summary'
import { deadlineStateLabels, dueLabels, dueSoonText, formatDay } from '../../src/i18n'
import { useToday } from '../queries/LiveUpdates'
import { DeadlineBadge } from './DeadlineBadge'

/**
 * A case's most urgent open promise: "Overdue · Tue 22 Dec", "Due today", "In 3 days"; with `withLabel`, what is due
 * comes first ("Acknowledge receipt"). "Today" is the team's day, as it is for the states the backend computed, and
 * moves on at midnight while the app is open. The screens are English.
 */
export function NextDeadlineCell({ next, withLabel = false }: { next: NextDeadline | undefined; withLabel?: boolean }) {
  const today = useToday()
  if (!next) return <span className="muted">Nothing due</span>
  const label = dueLabels.en[next.due]
  const due = next.dueDate ? ` due ${formatDay(next.dueDate, 'en', true)}` : ''
  return (
    <span className="next-deadline" title={`${label}${due} (${deadlineStateLabels.en[next.state].toLowerCase()})`}>
      {withLabel && <span className="next-deadline-label">{label}</span>}
      <DeadlineBadge state={next.state}>{dueSoonText(next, today, 'en')}</DeadlineBadge>
    </span>
  )
}
