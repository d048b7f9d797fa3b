import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { FilterSelect } from '../forms/FilterSelect'
import type { CaseSummary } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { Rating } from '../../src/cases/case'
import { CaseStatus } from '../../src/cases/lifecycle'
import { statusLabels } from '../../src/i18n/labels'
import { LoadSamplesButton } from '../samples/SampleNotice'
import { useCaseSearch } from '../queries/cases'
import { useSettings } from '../queries/settings'
import { memberLabel } from '../settings/members'
import { useFailureShown } from '../shell/Problems'
import { caseColumns } from './caseColumns'
import { SeverityOptions } from '../forms/SeverityOptions'
import { comparators, filterCases, sortCases, tagsIn, type CaseFilters, type CaseSort } from './caseListView'
import { useCaseSummaries } from './CaseSummaries'
import { LoadFailed } from '../shell/LoadFailed'

// Two lines: the title above its key and reporter.
const rowHeight = 48
// Report text is searched in main, once the typing pauses for this long.
const reportSearchDelay = 200
const defaultSort: CaseSort = { column: 'received', direction: 'descending' }

/** Filters and sort live in the address, so coming back from a case shows the list as it was left. */
function viewFrom(params: URLSearchParams): { filters: CaseFilters; sort: CaseSort } {
  const status = CaseStatus.safeParse(params.get('status'))
  const severity = params.get('severity')
  const column = params.get('sort')
  return {
    filters: {
      status: status.success ? status.data : '',
      severity: severity === 'unrated' || Rating.safeParse(severity).success ? (severity as CaseFilters['severity']) : '',
      assignee: params.get('assignee') ?? '',
      tag: params.get('tag') ?? '',
      query: params.get('q') ?? '',
    },
    sort:
      column && caseColumns.some((c) => c.id === column)
        ? { column, direction: params.get('dir') === 'descending' ? 'descending' : 'ascending' }
        : defaultSort,
  }
}

/** What was typed, once the typing has paused for `delay` ms. */
function useSettled(text: string, delay: number): string {
  const [settled, setSettled] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delay)
    return () => clearTimeout(timer)
  }, [text, delay])
  return settled
}

export function CaseList() {
  const { summaries, error, reload } = useCaseSummaries()
  const { team } = useSettings()
  useFailureShown(error)
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const { filters, sort } = viewFrom(params)
  // The search box is local state: updating the address is asynchronous, and a box fed from it would drop fast keystrokes.
  // Filtered in the same render as the keystroke: scanning 10,000 cases takes a few milliseconds, and deferring it
  // (useDeferredValue) measured slower, since the list then waits for a second render.
  const [typed, setTyped] = useState(filters.query)
  const settled = useSettled(typed, reportSearchDelay)
  const reportSearch = useCaseSearch(settled)
  const reportMatches = typed.trim() ? reportSearch.data : undefined
  const searching = typed.trim() !== '' && (settled !== typed || reportSearch.isFetching)

  const compare = useMemo(() => comparators(team), [team])
  const sorted = useMemo(() => sortCases(summaries ?? [], sort, compare), [summaries, sort.column, sort.direction, compare])
  const rows = useMemo(
    () => filterCases(sorted, { ...filters, query: typed }, reportMatches),
    [sorted, filters.status, filters.severity, filters.assignee, filters.tag, typed, reportMatches],
  )
  const tags = useMemo(() => tagsIn(summaries ?? []), [summaries])

  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()

  // Into the address once the typing pauses: writing history on every keystroke cost more than filtering the list.
  useEffect(() => {
    if (settled === typed && settled !== (params.get('q') ?? '')) update({ q: settled })
  })

  const marked = useRef(false)
  useEffect(() => {
    if (marked.current || items.length === 0) return
    marked.current = true
    performance.mark('case-list-rendered')
  }, [items.length])

  function update(change: Record<string, string>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        for (const [name, value] of Object.entries(change)) {
          if (value) next.set(name, value)
          else next.delete(name)
        }
        return next
      },
      { replace: true },
    )
  }

  function sortBy(column: string) {
    const direction = sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending'
    update({ sort: column, dir: direction })
  }

  const openRow = useCallback(
    (event: MouseEvent, id: string) => {
      // The title link navigates by itself; a click anywhere else on the row does the same.
      if ((event.target as HTMLElement).closest('a')) return
      navigate(`/cases/${id}`)
    },
    [navigate],
  )

  if (summaries === null) {
    return (
      <div className="screen">
        <header className="screen-header">
          <h1>Cases</h1>
        </header>
        {error ? (
          <LoadFailed what="The cases" onRetry={() => void reload()} />
        ) : (
          <p className="muted" aria-busy="true">
            Loading cases…
          </p>
        )}
      </div>
    )
  }
  if (summaries.length === 0) return <EmptyCases />

  const filtered = rows.length !== summaries.length
  return (
    <div className="screen screen-fill">
      <header className="screen-header screen-header-row">
        <div>
          <h1>Cases</h1>
          <p className="screen-lead" aria-live="polite">
            {filtered
              ? `${rows.length.toLocaleString()} of ${summaries.length.toLocaleString()} cases`
              : `${summaries.length.toLocaleString()} ${summaries.length === 1 ? 'case' : 'cases'}`}
          </p>
        </div>
        <button type="button" className="button button-primary" onClick={() => navigate('/cases/new')}>
          New case
        </button>
      </header>

      <div className="toolbar" role="search">
        <input
          type="search"
          className="search"
          aria-label="Search cases"
          placeholder="Key, title, reporter or report text"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <FilterSelect label="Status" value={filters.status} onChange={(v) => update({ status: v })}>
          <option value="">All</option>
          {CaseStatus.options.map((s) => (
            <option key={s} value={s}>
              {statusLabels.en[s]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Severity" value={filters.severity} onChange={(v) => update({ severity: v })}>
          <SeverityOptions all="" />
        </FilterSelect>
        <FilterSelect label="Assignee" value={filters.assignee} onChange={(v) => update({ assignee: v })}>
          <option value="">Anyone</option>
          <option value="unassigned">Unassigned</option>
          {team.map((m) => (
            <option key={m.id} value={m.id}>
              {memberLabel(m)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Tag" value={filters.tag} onChange={(v) => update({ tag: v })}>
          <option value="">Any</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </FilterSelect>
        {(filters.status || filters.severity || filters.assignee || filters.tag || typed) && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setTyped('')
              update({ q: '', status: '', severity: '', assignee: '', tag: '' })
            }}
          >
            Clear filters
          </button>
        )}
      </div>

      <div
        className="case-table"
        role="table"
        aria-label="Cases"
        aria-rowcount={rows.length + 1}
      >
        <div role="rowgroup" className="case-table-head">
          <div role="row" aria-rowindex={1} className="case-row">
            {caseColumns.map((column) => {
              const active = sort.column === column.id
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-sort={active ? sort.direction : 'none'}
                  className={`case-cell case-cell-${column.id}`}
                  style={{ gridArea: column.id }}
                >
                  <button type="button" className="sort-button" onClick={() => sortBy(column.id)}>
                    {column.label}
                    <span className={`sort-arrow${active ? ' sort-arrow-on' : ''}`} aria-hidden="true">
                      {active && sort.direction === 'descending' ? '▼' : '▲'}
                    </span>
                  </button>
                </div>
              )
            })}
          </div>
        </div>
        <div role="rowgroup" className="case-table-body" ref={scrollRef} tabIndex={-1}>
          {rows.length === 0 ? (
            <p className="table-empty" aria-busy={searching}>
              {searching ? 'Searching the report texts…' : 'No case matches these filters.'}
            </p>
          ) : (
            <div className="case-table-canvas" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => (
                <CaseRow
                  key={rows[item.index]!.id}
                  summary={rows[item.index]!}
                  index={item.index}
                  top={item.start}
                  team={team}
                  onOpen={openRow}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  )
}

/** One row; memoized, so that a keystroke in the search box re-renders only the rows that changed. */
const CaseRow = memo(function CaseRow({
  summary,
  index,
  top,
  team,
  onOpen,
}: {
  summary: CaseSummary
  index: number
  top: number
  team: TeamMember[]
  onOpen(event: MouseEvent, id: string): void
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`case-row case-row-body${index % 2 ? ' case-row-odd' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: rowHeight }}
      onClick={(e) => onOpen(e, summary.id)}
    >
      {caseColumns.map((column) => (
        <div key={column.id} role="cell" className={`case-cell case-cell-${column.id}`} style={{ gridArea: column.id }}>
          {column.render(summary, team)}
        </div>
      ))}
    </div>
  )
})

function EmptyCases() {
  const navigate = useNavigate()
  return (
    <div className="screen">
      <div className="empty-state">
        <svg className="empty-icon" viewBox="0 0 48 48" aria-hidden="true">
          <rect x="8" y="10" width="32" height="30" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M8 20h32M16 28h16M16 33h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <h1>No cases yet</h1>
        <p>
          When a vulnerability report arrives, record it here: its deadlines start counting from the moment it was
          received. To look around first, load a dozen made-up sample cases; they can be removed in one click.
        </p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => navigate('/cases/new')}>
            New case
          </button>
          <LoadSamplesButton />
        </div>
      </div>
    </div>
  )
}
