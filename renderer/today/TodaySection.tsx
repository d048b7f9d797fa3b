import { useId, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import type { ChipTone } from '../../src/agenda/chipTone'
import { teamView } from '../../src/agenda/teamView'
import type { IsoDate } from '../../src/calendar/spec'
import { agendaKindLabel, draftActionText, otherZoneText } from '../../src/i18n/agendaText'
import type { CaseSummary } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { SeverityBadge } from '../cases/SeverityBadge'
import { draftPath } from '../drafts/draftState'
import type { AgendaItem } from '../queries/agenda'
import { memberName } from '../settings/members'
import { todayWhenText } from './todayText'

// A team can have thousands of late deadlines; the first rows say what to do, more come in steps when asked for.
const firstRows = 20
const moreRows = 50

/** One of Today's lists: a heading with its count, its first rows, or a calm line when there are none. */
export function TodaySection<T>({
  title,
  note,
  tone,
  rows,
  row,
  empty,
}: {
  title: string
  /** Beside the heading, e.g. the last day "due soon" reaches. */
  note?: string | undefined
  tone: ChipTone
  /** Null while the list is still being worked out. */
  rows: readonly T[] | null
  /** Only the rows shown are rendered: a list of thousands costs no more than its first screen. */
  row(item: T): ReactNode
  empty: string
}) {
  const id = useId()
  const [limit, setLimit] = useState(firstRows)
  const shown = rows?.slice(0, limit) ?? []
  const left = (rows?.length ?? 0) - shown.length
  return (
    <section className={`card today-section today-section-${tone}`} aria-labelledby={id}>
      <header className="today-section-head">
        <h2 id={id}>{title}</h2>
        {rows && (
          <span className={`today-count${rows.length > 0 ? ' today-count-some' : ''}`} aria-label={`${rows.length.toLocaleString()} listed`}>
            {rows.length.toLocaleString()}
          </span>
        )}
        {note && <span className="today-section-note muted small">{note}</span>}
      </header>
      {shown.length === 0 ? (
        <p className="today-empty muted">{empty}</p>
      ) : (
        <ul className="today-list" aria-label={title}>
          {shown.map(row)}
        </ul>
      )}
      {left > 0 && (
        <button type="button" className="button button-quiet today-more" onClick={() => setLimit((n) => n + moreRows)}>
          Show {Math.min(left, moreRows).toLocaleString()} more of {left.toLocaleString()}
        </button>
      )}
    </section>
  )
}

function CaseCell({ summary }: { summary: CaseSummary }) {
  return (
    <div className="today-case">
      <span className="today-key-line">
        <Link className="today-key mono" to={`/cases/${summary.id}`}>
          {summary.key}
        </Link>
        {summary.sample && <span className="pill">Sample</span>}
      </span>
      <span className="today-title" title={summary.title}>
        {summary.title}
      </span>
    </div>
  )
}

function AssigneeCell({ summary, team }: { summary: CaseSummary; team: readonly TeamMember[] }) {
  const name = memberName(team, summary.assigneeId)
  return (
    <div className="today-assignee" title={name || undefined}>
      {name || <span className="muted">Unassigned</span>}
    </div>
  )
}

/** What an entry is, with the number of a repeated one ("Progress update #2"). */
function whatOf(item: AgendaItem): string {
  const label = agendaKindLabel(item.kind, 'en')
  return item.occurrence > 1 ? `${label} #${item.occurrence}` : label
}

/** A deadline or a planned publication: the case, what is due when, severity, assignee and the one thing to do. */
export function EntryRow({ item, today, teamZone, team }: { item: AgendaItem; today: IsoDate; teamZone: string; team: readonly TeamMember[] }) {
  // Judged on the team's day, as the list it sits in was: the row's colour says what its heading says.
  const { day, otherZone, state } = teamView(item, teamZone, today)
  const draftText = draftActionText(item, 'en')
  // A publication has no rule and asks for no email; every deadline's draft is addressed by its rule and occurrence.
  const draftTo =
    draftText && item.ruleId !== null ? draftPath(item.caseId, { deadline: { ruleId: item.ruleId, occurrence: item.occurrence } }) : undefined
  const what = whatOf(item)
  return (
    <li className="today-row" aria-label={`${item.summary.key}: ${what}`}>
      <CaseCell summary={item.summary} />
      <div className="today-what">
        <span className="today-kind">{what}</span>
        <span className={`today-when today-when-${state}`}>{todayWhenText(item.kind, day, today)}</span>
        {otherZone && <span className="today-zone small muted">{otherZoneText(item.zone, 'en')}</span>}
      </div>
      <div className="today-meta">
        <SeverityBadge rating={item.summary.rating} score={item.summary.score} />
        <AssigneeCell summary={item.summary} team={team} />
      </div>
      <div className="today-action">
        {draftTo ? (
          <Link className="button" to={draftTo}>
            {draftText}
          </Link>
        ) : (
          <Link className="button" to={`/cases/${item.caseId}`}>
            Open case
          </Link>
        )}
      </div>
    </li>
  )
}

/** A case in "needs info": its deadlines stand still until the reporter answers; which ones, when there are any. */
export function WaitingRow({ summary, paused, team }: { summary: CaseSummary; paused: readonly AgendaItem[]; team: readonly TeamMember[] }) {
  return (
    <li className="today-row" aria-label={summary.key}>
      <CaseCell summary={summary} />
      <div className="today-what">
        <span className="today-kind">{paused.length > 0 ? `${paused.map(whatOf).join(', ')} paused` : 'No deadline running'}</span>
        <span className="today-when">Until the reporter answers</span>
      </div>
      <div className="today-meta">
        <SeverityBadge rating={summary.rating} score={summary.score} />
        <AssigneeCell summary={summary} team={team} />
      </div>
      <div className="today-action">
        <Link className="button" to={`/cases/${summary.id}`}>
          Open case
        </Link>
      </div>
    </li>
  )
}
