import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { CaseSummary } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { NextDeadlineCell } from '../deadlines/NextDeadlineCell'
import { memberName } from '../settings/SettingsContext'
import { formatDate, formatDateTime } from '../time/formatDate'
import { SeverityBadge } from './SeverityBadge'
import { StatusBadge } from './StatusBadge'

export type CaseColumn = {
  /** Also the id of its comparator in caseListView. */
  id: string
  label: string
  /** A CSS grid track size. */
  width: string
  render(summary: CaseSummary, team: TeamMember[]): ReactNode
}

/** The columns of the case list, in order; a new column is one more entry here and one more comparator. */
export const caseColumns: CaseColumn[] = [
  { id: 'key', label: 'Key', width: '120px', render: (s) => <span className="mono">{s.key}</span> },
  {
    id: 'title',
    label: 'Title',
    width: 'minmax(150px, 2fr)',
    render: (s) => (
      <>
        <Link className="row-link" to={`/cases/${s.id}`}>
          {s.title}
        </Link>
        {s.sample && <span className="pill">Sample</span>}
      </>
    ),
  },
  {
    id: 'reporter',
    label: 'Reporter',
    width: 'minmax(100px, 1fr)',
    render: (s) => <span title={s.reporterEmail}>{s.reporterName}</span>,
  },
  { id: 'status', label: 'Status', width: '148px', render: (s) => <StatusBadge status={s.status} /> },
  { id: 'nextDeadline', label: 'Next deadline', width: '156px', render: (s) => <NextDeadlineCell next={s.nextDeadline} /> },
  { id: 'severity', label: 'Severity', width: '128px', render: (s) => <SeverityBadge rating={s.rating} score={s.score} /> },
  {
    id: 'assignee',
    label: 'Assignee',
    width: 'minmax(84px, 0.7fr)',
    render: (s, team) => memberName(team, s.assigneeId) || <span className="muted">Unassigned</span>,
  },
  {
    id: 'received',
    label: 'Received',
    width: '112px',
    render: (s) => <time dateTime={s.receivedAt} title={formatDateTime(s.receivedAt)}>{formatDate(s.receivedAt)}</time>,
  },
]
