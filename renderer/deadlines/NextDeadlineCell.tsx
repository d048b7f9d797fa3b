import type { CaseSummary } from '../../src/ipc/contract'
import { dateInZone, formatDay } from '../../src/deadlines/zonedTime'
import { useSettings } from '../settings/SettingsContext'
import { localTimeZone } from '../time/zonedTime'
import { DeadlineBadge } from './DeadlineBadge'
import { deadlineStateLabels, nextDeadlineText } from './deadlineText'

/**
 * The case list's "Next deadline" cell: "Overdue · Tue 22 Dec", "Due today", "In 3 days".
 * "Today" is the team's day, as it is for the states the backend computed.
 */
export function NextDeadlineCell({ next }: { next: CaseSummary['nextDeadline'] }) {
  const { settings } = useSettings()
  if (!next) return <span className="muted">Nothing due</span>
  const today = dateInZone(Date.now(), settings?.calendar.spec.timeZone ?? localTimeZone())
  const due = next.dueDate ? ` due ${formatDay(next.dueDate, true)}` : ''
  return (
    <span title={`${next.label}${due} (${deadlineStateLabels[next.state].toLowerCase()})`}>
      <DeadlineBadge state={next.state}>{nextDeadlineText(next, today)}</DeadlineBadge>
    </span>
  )
}
