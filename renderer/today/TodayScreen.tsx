import { useMemo } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { agendaFilterFromParams, agendaFilterParams, matchesAgendaFilter, noAgendaFilter } from '../../src/agenda/agendaFilter'
import { todayBoard, waitingOnReporter } from '../../src/agenda/todayBoard'
import { formatDay, formatDueDay } from '../../src/i18n'
import { useCaseSummaries } from '../cases/CaseSummaries'
import { useAgenda, useAgendaQuery, type AgendaItem } from '../queries/agenda'
import { useTeamZone, useToday } from '../queries/LiveUpdates'
import { useSettings } from '../queries/settings'
import { LoadSamplesButton } from '../samples/SampleNotice'
import { LoadFailed } from '../shell/LoadFailed'
import { useFailureShown } from '../shell/Problems'
import { EntryRow, TodaySection, WaitingRow } from './TodaySection'
import { boardLead } from './todayText'
import { soonBusinessDays, useSoonUntil } from './useSoonUntil'
import './today.css'

const mineFilter = { ...noAgendaFilter, assignee: 'mine' }

/**
 * The app's home: what the team must act on now, across every case. Overdue, due today, due in the next five
 * business days, and the cases waiting for the reporter, each row with one action. "Mine" lives in the address
 * (?assignee=mine), so coming back from a case shows the same list.
 */
export function TodayScreen() {
  const { items, error } = useAgenda()
  const agenda = useAgendaQuery()
  const { summaries, reload } = useCaseSummaries()
  const { settings, team, currentMember } = useSettings()
  const today = useToday()
  const teamZone = useTeamZone()
  const soon = useSoonUntil(today)
  const [params, setParams] = useSearchParams()
  useFailureShown(error)
  useFailureShown(soon.error)

  const me = currentMember?.id ?? null
  const mine = agendaFilterFromParams(params).assignee === 'mine'
  const board = useMemo(() => {
    if (!items) return null
    const shown = mine ? items.filter((i) => matchesAgendaFilter(i, mineFilter, me)) : items
    return todayBoard(shown, today, soon.until ?? today, teamZone)
  }, [items, mine, me, today, soon.until, teamZone])
  const waiting = useMemo(() => {
    if (!summaries) return null
    const cases = waitingOnReporter(summaries)
    return mine ? cases.filter((s) => me !== null && s.assigneeId === me) : cases
  }, [summaries, mine, me])
  // What each waiting case has standing still, by case: read once per list, not per row.
  const paused = useMemo(() => pausedByCase(items ?? []), [items])

  const header = (
    <header className="screen-header screen-header-row">
      <div>
        <h1>Today</h1>
        <p className="screen-lead">
          {formatDay(today, 'en', true)}
          {board && summaries && summaries.length > 0 && ` · ${boardLead(board.overdue.length, board.dueToday.length)}`}
        </p>
      </div>
      {summaries && summaries.length > 0 && (
        <div className="today-tools">
          <WhoseChoice
            mine={mine}
            canChooseMine={me !== null}
            onChange={(next) => setParams(next ? agendaFilterParams(mineFilter) : [], { replace: true })}
          />
          <Link to="/calendar" className="button">
            Open calendar
          </Link>
        </div>
      )}
    </header>
  )

  if (error) {
    return (
      <div className="screen">
        {header}
        <LoadFailed
          what="Today's deadlines"
          onRetry={() => {
            void agenda.refetch()
            void reload()
          }}
        />
      </div>
    )
  }
  if (summaries && summaries.length === 0) {
    return (
      <div className="screen">
        {header}
        <StartHere />
      </div>
    )
  }
  if (!board || !waiting) {
    return (
      <div className="screen">
        {header}
        <p className="muted" aria-busy="true">
          Loading today’s deadlines…
        </p>
      </div>
    )
  }

  const rowOf = (item: AgendaItem) => <EntryRow key={item.uid} item={item} today={today} teamZone={teamZone} team={team} />
  return (
    <div className="screen today">
      {header}
      {mine && settings && (
        <p className="today-scope muted">
          {currentMember
            ? `Showing the cases assigned to you, ${currentMember.name}.`
            : 'Nobody is chosen under “You are” in the settings, so no case counts as yours.'}
        </p>
      )}
      <TodaySection title="Overdue" tone="overdue" rows={board.overdue} row={rowOf} empty="Nothing is overdue." />
      <TodaySection title="Due today" tone="due_today" rows={board.dueToday} row={rowOf} empty="Nothing is due today." />
      <TodaySection
        title={`Due in the next ${soonBusinessDays} business days`}
        note={soon.until ? `until ${formatDueDay(soon.until, today, 'en')}` : undefined}
        tone="this_week"
        rows={soon.until ? board.soon : null}
        row={rowOf}
        empty={soon.until ? `Nothing is due in the next ${soonBusinessDays} business days.` : 'Reading the team calendar…'}
      />
      <TodaySection
        title="Waiting for the reporter"
        tone="paused"
        rows={waiting}
        row={(s) => <WaitingRow key={s.id} summary={s} paused={paused.get(s.id) ?? []} team={team} />}
        empty="No case is waiting for the reporter."
      />
    </div>
  )
}

function pausedByCase(items: readonly AgendaItem[]): Map<string, AgendaItem[]> {
  const byCase = new Map<string, AgendaItem[]>()
  for (const item of items) {
    if (item.state !== 'paused') continue
    const list = byCase.get(item.caseId)
    if (list) list.push(item)
    else byCase.set(item.caseId, [item])
  }
  return byCase
}

/** Everyone's deadlines or the person's own; "Mine" needs someone chosen under "You are". */
function WhoseChoice({ mine, canChooseMine, onChange }: { mine: boolean; canChooseMine: boolean; onChange(mine: boolean): void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Whose deadlines">
      {(
        [
          [false, 'Everyone'],
          [true, 'Mine'],
        ] as const
      ).map(([value, label]) => (
        <label
          key={label}
          className={`segment${mine === value ? ' segment-on' : ''}${value && !canChooseMine ? ' segment-off' : ''}`}
          title={value && !canChooseMine ? 'Choose who you are in Settings to see your own cases' : undefined}
        >
          <input
            type="radio"
            name="today-whose"
            checked={mine === value}
            disabled={value && !canChooseMine}
            onChange={() => onChange(value)}
          />
          {label}
        </label>
      ))}
    </div>
  )
}

/** A store with no cases yet: nothing can be due, so say where to start. */
function StartHere() {
  const navigate = useNavigate()
  return (
    <div className="empty-state">
      <svg className="empty-icon" viewBox="0 0 48 48" aria-hidden="true">
        <rect x="8" y="10" width="32" height="30" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M8 19h32M16 6v8M32 6v8M17 29l5 5 9-10" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className="today-start-title">No cases yet, so nothing is due</p>
      <p>
        Once reports are recorded, this screen lists what is overdue, due today and due in the next days across every
        case, each with the one thing to do next. To look around first, load a dozen made-up sample cases; they can be
        removed in one click.
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => navigate('/cases/new')}>
          New case
        </button>
        <LoadSamplesButton />
      </div>
    </div>
  )
}
