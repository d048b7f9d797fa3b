import { useCallback, useId, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react'
import { Link, useHref, useNavigate, useSearchParams } from 'react-router'
import { monthOf } from '../../src/agenda/calendarDays'
import { chipTones } from '../../src/agenda/chipTone'
import type { IsoDate } from '../../src/calendar/spec'
import { chipToneLabel } from '../../src/i18n/agendaText'
import { useAgenda, useDaysOff, type AgendaItem } from '../queries/agenda'
import { usePoliciesQuery } from '../queries/policies'
import { useTeamZone, useToday } from '../queries/LiveUpdates'
import { useSettings } from '../queries/settings'
import { memberLabel } from '../settings/members'
import { useFailureShown } from '../shell/Problems'
import {
  calendarParams,
  calendarStateFrom,
  calendarViews,
  daysOffSpan,
  filteredAgenda,
  gridWeeks,
  periodLabel,
  samePeriod,
  stepPeriod,
  type CalendarState,
  type CalendarView,
} from './calendarView'
import { AgendaFilters } from './AgendaFilters'
import { AgendaList } from './AgendaList'
import { initialsOf, type ChipAssignee, type ChipLinks } from './DeadlineChip'
import { IcsExportButton } from './IcsExportButton'
import { MonthView, type GridContext } from './MonthView'
import { useCalendarKeys } from './useCalendarKeys'
import { WeekView } from './WeekView'
import './agenda.css'

const noBuckets: ReadonlyMap<IsoDate, readonly AgendaItem[]> = new Map()
const noPolicies: never[] = []

/**
 * Every case's deadlines and planned publications on one calendar: an agenda of days, a week or a month, filtered by
 * assignee, severity, kind and policy. What is shown lives in the address (see calendarView), so back, forward and a
 * reload keep it.
 */
export function CalendarScreen() {
  const [params, setParams] = useSearchParams()
  const state = calendarStateFrom(params)
  const today = useToday()
  const teamZone = useTeamZone()
  const day = state.day ?? today
  const { items, error } = useAgenda()
  const { team, currentMember } = useSettings()
  const policies = usePoliciesQuery().data
  useFailureShown(error)
  const me = currentMember?.id ?? null

  // Filtered and bucketed once per data, filter or zone change (kept across visits); a move of the day reads the map.
  const { filtered, buckets } = items ? filteredAgenda(items, state.filter, me, teamZone) : { filtered: null, buckets: noBuckets }
  const span = daysOffSpan(day)
  const { byDate: daysOff } = useDaysOff(span.from, span.to)

  const assignees = useMemo(
    () => new Map<string, ChipAssignee>(team.map((m) => [m.id, { name: memberLabel(m), initials: initialsOf(m.name) }])),
    [team],
  )

  // Read through a ref, so that go, and the grid context holding it, stay the same object while the day moves: a
  // memoized day then re-renders only when its own focus or entries change, two cells per arrow key, not 42.
  const latest = useRef({ setParams, view: state.view, day, today })
  latest.current = { setParams, view: state.view, day, today }

  // A move within the period replaces the history entry; a new month or week (or view) is a step back can return to.
  const go = useCallback((change: Partial<CalendarState>) => {
    const { setParams: set, view, day: shown, today: now } = latest.current
    const nextDay = change.day === undefined ? shown : (change.day ?? now)
    set((current) => calendarParams({ ...calendarStateFrom(current), ...change }), {
      replace: change.view === undefined && samePeriod(view, nextDay, shown),
    })
  }, [])
  const moveTo = useCallback((next: IsoDate) => go({ day: next === latest.current.today ? null : next }), [go])
  const openDay = useCallback((d: IsoDate) => go({ view: 'agenda', day: d }), [go])
  const { gridRef, onKeyDown } = useCalendarKeys({ day, today, onMove: moveTo, onOpenDay: openDay })
  const links = useChipLinks()
  const context = useMemo<GridContext>(
    () => ({ today, teamZone, assignees, links, onFocusDay: moveTo, onOpenDay: openDay }),
    [today, teamZone, assignees, links, moveTo, openDay],
  )

  function switchByArrow(event: KeyboardEvent<HTMLElement>) {
    const by = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (by === 0) return
    event.preventDefault()
    const at = calendarViews.findIndex((v) => v.view === state.view)
    const next = calendarViews[(at + by + calendarViews.length) % calendarViews.length]!.view
    go({ view: next })
    event.currentTarget.querySelector<HTMLElement>(`[data-view="${next}"]`)?.focus()
  }

  const label = periodLabel(state.view, day)
  const step = state.view === 'month' ? 'month' : 'week'
  const panelId = useId()

  return (
    <div className="screen screen-fill calendar-screen">
      <header className="screen-header screen-header-row">
        <div>
          <h1>Calendar</h1>
          <p className="screen-lead">Deadlines and planned publications of every case.</p>
        </div>
        <div className="button-row calendar-actions">
          <IcsExportButton />
          <Link className="button button-quiet" to="/settings/calendar">
            Team calendar settings
          </Link>
        </div>
      </header>

      <div className="calendar-toolbar">
        <div className="view-switch" role="tablist" aria-label="View" onKeyDown={switchByArrow}>
          {calendarViews.map(({ view, label: name }) => (
            <button
              key={view}
              type="button"
              role="tab"
              className={`view-switch-tab${view === state.view ? ' view-switch-on' : ''}`}
              aria-selected={view === state.view}
              aria-controls={panelId}
              // One stop in the tab order, the arrows choose among the three (WAI-ARIA tabs).
              tabIndex={view === state.view ? 0 : -1}
              data-view={view}
              onClick={() => go({ view })}
            >
              {name}
            </button>
          ))}
        </div>
        <div className="period-nav">
          <button type="button" className="button period-step" aria-label={`Previous ${step}`} onClick={() => moveTo(stepPeriod(state.view, day, -1))}>
            ‹
          </button>
          <button type="button" className="button" onClick={() => go({ day: null })}>
            Today
          </button>
          <button type="button" className="button period-step" aria-label={`Next ${step}`} onClick={() => moveTo(stepPeriod(state.view, day, 1))}>
            ›
          </button>
        </div>
        <p className="period-label" aria-live="polite">
          {label}
        </p>
      </div>

      <div className="calendar-filters">
        <AgendaFilters value={state.filter} onChange={(filter) => go({ filter })} policies={policies ?? noPolicies} team={team} me={me} />
      </div>
      <Legend />
      {items && filtered && filtered.length === 0 && (
        <p className="calendar-empty" role="status">
          {items.length === 0
            ? 'No deadlines yet: a case’s deadlines and planned publication show here once it is received.'
            : 'No deadline matches these filters.'}
        </p>
      )}

      <div className="calendar-body" id={panelId} role="tabpanel" aria-label={calendarViews.find((v) => v.view === state.view)!.label}>
        {filtered === null ? (
          <p className="muted" aria-busy={!error}>
            {error ? 'The deadlines could not be loaded.' : 'Loading deadlines…'}
          </p>
        ) : (
          <CalendarBody
            view={state.view}
            label={label}
            day={day}
            focusDay={state.day ?? undefined}
            filtered={filtered}
            buckets={buckets}
            daysOff={daysOff}
            context={context}
            gridRef={gridRef}
            onKeyDown={onKeyDown}
          />
        )}
      </div>
    </div>
  )
}

function CalendarBody({
  view,
  label,
  day,
  focusDay,
  filtered,
  buckets,
  daysOff,
  context,
  gridRef,
  onKeyDown,
}: {
  view: CalendarView
  label: string
  day: IsoDate
  /** The day the address names, if any: the agenda scrolls to it. */
  focusDay: IsoDate | undefined
  filtered: AgendaItem[]
} & Omit<Parameters<typeof MonthView>[0], 'weeks' | 'month' | 'focusedDay'>) {
  if (view === 'agenda') {
    // Overdue first, then from today; a day named in the address (a month's "+N more") is scrolled to.
    return <AgendaList items={filtered} from={context.today} focusDay={focusDay} teamZone={context.teamZone} today={context.today} />
  }
  const weeks = gridWeeks(view, day)
  const shared = { label, focusedDay: day, buckets, daysOff, context, gridRef, onKeyDown }
  return view === 'month' ? <MonthView {...shared} weeks={weeks} month={monthOf(day)} /> : <WeekView {...shared} week={weeks[0]!} />
}

/** The chips' anchors: the router's address for a path, asked once ('#/' in the app's hash router), and its navigate. */
function useChipLinks(): ChipLinks {
  const root = useHref('/')
  const navigate = useNavigate()
  return useMemo(
    () => ({
      href: (path) => `${root.replace(/\/$/, '')}${path}`,
      follow(event: MouseEvent, path: string) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
        event.preventDefault()
        void navigate(path)
      },
    }),
    [root, navigate],
  )
}

/** What each colour means, in the order the chips rank. */
function Legend() {
  return (
    <ul className="chip-legend" aria-label="Colours">
      {chipTones.map((tone) => (
        <li key={tone} className="chip-legend-item">
          <span className={`chip-swatch tone-${tone}`} aria-hidden="true" />
          {chipToneLabel(tone, 'en')}
        </li>
      ))}
    </ul>
  )
}
