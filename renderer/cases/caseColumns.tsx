import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { CaseProblem } from '../../src/cases/summary'
import type { CaseSummary } from '../../src/ipc/contract'
import { formatDay, formatDayTime } from '../../src/i18n'
import type { TeamMember } from '../../src/settings/settings'
import { dateInZone } from '../../src/time'
import { NextDeadlineCell } from '../deadlines/NextDeadlineCell'
import { memberName } from '../settings/members'
import { localTimeZone } from '../time/timeZones'
import { SeverityBadge } from './SeverityBadge'
import { StatusBadge } from './StatusBadge'

// Asked once: the list renders this column for every row it shows, on every keystroke in its search box.
const here = localTimeZone()

/** 'Mon 23 Nov' this year, 'Mon 23 Nov 2025' before it, as the next deadline writes its days. */
function receivedDay(at: string): string {
  const day = dateInZone(Date.parse(at), here)
  return formatDay(day, 'en', day.slice(0, 4) !== dateInZone(Date.now(), here).slice(0, 4))
}

/** Why a row has no next deadline, short enough for its cell; the tooltip says what to do. */
const rowProblemText: Record<CaseProblem, { shown: string; fix: string }> = {
  policy_missing: { shown: 'Not counted: its policy no longer exists', fix: 'Open the case and choose another policy.' },
  calendar_unusable: { shown: 'Not counted: its calendar cannot be used', fix: 'Open the case and re-pin it to the current calendar.' },
}

export type CaseColumn = {
  /** Also the id of its comparator in caseListView. */
  id: string
  label: string
  render(summary: CaseSummary, team: TeamMember[]): ReactNode
}

/**
 * The columns of the case list, in order; a new column is one more entry here, one more comparator, and a place in the
 * grid areas of `.case-row` in styles.css. Text that may be cut short carries its full wording as a tooltip.
 */
export const caseColumns: CaseColumn[] = [
  { id: 'key', label: 'Key', render: (s) => <span className="mono">{s.key}</span> },
  {
    id: 'title',
    label: 'Title',
    render: (s) => (
      <>
        <Link className="row-link" to={`/cases/${s.id}`} title={s.title}>
          {s.title}
        </Link>
        {s.sample && <span className="pill">Sample</span>}
      </>
    ),
  },
  {
    id: 'reporter',
    label: 'Reporter',
    render: (s) => <span title={`${s.reporterName} <${s.reporterEmail}>`}>{s.reporterName}</span>,
  },
  { id: 'status', label: 'Status', render: (s) => <StatusBadge status={s.status} /> },
  {
    id: 'nextDeadline',
    label: 'Next deadline',
    // A case whose deadlines cannot be counted says why in its own row; the other rows count as usual.
    render: (s) =>
      s.problem ? (
        <span className="row-problem" title={`${rowProblemText[s.problem].shown}. ${rowProblemText[s.problem].fix}`}>
          {rowProblemText[s.problem].shown}
        </span>
      ) : (
        <NextDeadlineCell next={s.nextDeadline} />
      ),
  },
  { id: 'severity', label: 'Severity', render: (s) => <SeverityBadge rating={s.rating} score={s.score} /> },
  {
    id: 'assignee',
    label: 'Assignee',
    render: (s, team) => {
      const name = memberName(team, s.assigneeId)
      return name ? <span title={name}>{name}</span> : <span className="muted">Unassigned</span>
    },
  },
  {
    id: 'received',
    label: 'Received',
    // On this computer's clock, in the screens' one formatter; the time and year in the tooltip.
    render: (s) => (
      <time dateTime={s.receivedAt} title={formatDayTime(s.receivedAt, here, 'en', true)}>
        {receivedDay(s.receivedAt)}
      </time>
    ),
  },
]
