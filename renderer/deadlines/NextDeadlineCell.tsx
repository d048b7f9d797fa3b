import type { CaseSummary } from '../../src/ipc/contract'
import { dateInZone, formatDay } from '../../src/deadlines/zonedTime'
import { useSettings } from '../queries/settings'
import { localTimeZone } from '../time/timeZones'
import { DeadlineBadge } from './DeadlineBadge'
import { deadlineStateLabels, nextDeadlineText } from './deadlineText'

/**
 * A case's most urgent open promise: "Overdue · Tue 22 Dec", "Due today", "In 3 days"; with `withLabel`, what is due
 * comes first ("Acknowledge receipt"). "Today" is the team's day, as it is for the states the backend computed.
 */
export function NextDeadlineCell({ next, withLabel = false }: { next: CaseSummary['nextDeadline']; withLabel?: boolean }) {
  const { settings } = useSettings()
  if (!next) return <span className="muted">Nothing due</span>
  const today = dateInZone(Date.now(), settings?.calendar.spec.timeZone ?? localTimeZone())
  const due = next.dueDate ? ` due ${formatDay(next.dueDate, true)}` : ''
  return (
    <span className="next-deadline" title={`${next.label}${due} (${deadlineStateLabels[next.state].toLowerCase()})`}>
      {withLabel && <span className="next-deadline-label">{next.label}</span>}
      <DeadlineBadge state={next.state}>{nextDeadlineText(next, today)}</DeadlineBadge>
    </span>
  )
}
