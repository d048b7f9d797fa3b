import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { fromAgendaRow, type AgendaEntry } from '../../src/agenda/agendaEntry'
import type { IsoDate } from '../../src/calendar/spec'
import type { CaseSummary, DayOff } from '../../src/ipc/contract'
import { useCaseSummaries } from '../cases/CaseSummaries'
import { call } from '../desk'
import { caseKeys, daysOffKey } from './keys'

/** A calendar entry with the list row of its case: key, title, assignee, severity and policy. */
export type AgendaItem = AgendaEntry & { summary: CaseSummary }

export function useAgendaQuery() {
  return useQuery({ queryKey: caseKeys.agenda, queryFn: async () => (await call((desk) => desk.agenda.list({}))).map(fromAgendaRow) })
}

type AgendaState = {
  /** Null while the entries or the case rows are loading, or after either failed. */
  items: AgendaItem[] | null
  error: Error | null
}

// Once per loaded pair of lists, not once per screen: Today, the calendar and the sidebar's count share one join of
// tens of thousands of entries, and a screen opened again finds it made.
const joins = new WeakMap<AgendaEntry[], WeakMap<CaseSummary[], AgendaItem[]>>()

function joined(entries: AgendaEntry[], summaries: CaseSummary[]): AgendaItem[] {
  const bySummaries = joins.get(entries) ?? new WeakMap<CaseSummary[], AgendaItem[]>()
  joins.set(entries, bySummaries)
  let items = bySummaries.get(summaries)
  if (!items) {
    const byId = new Map(summaries.map((s) => [s.id, s]))
    items = []
    for (const entry of entries) {
      const summary = byId.get(entry.caseId)
      if (summary) items.push({ ...entry, summary })
    }
    bySummaries.set(summaries, items)
  }
  return items
}

/**
 * Every dated entry across cases joined with its case's row; an entry whose case is not (yet) in the list is left out.
 * The same lists give the same array, so a screen can memoise what it derives from it across mounts.
 */
export function useAgenda(): AgendaState {
  const agenda = useAgendaQuery()
  const { summaries, error } = useCaseSummaries()
  const items = agenda.data && summaries ? joined(agenda.data, summaries) : null
  return { items, error: agenda.error ?? error }
}

/**
 * The team calendar's days off from `from` to `to` (both included), by date, for shading a view. `ready` tells an empty
 * map while loading from a span that has no days off (a seven-day work week may have none for weeks).
 */
export function useDaysOff(from: IsoDate, to: IsoDate) {
  const query = useQuery({ queryKey: daysOffKey(from, to), queryFn: () => call((desk) => desk.calendar.daysOff({ from, to })) })
  const byDate = useMemo(() => new Map<IsoDate, DayOff>((query.data ?? []).map((d) => [d.date, d])), [query.data])
  return { byDate, ready: query.isSuccess, error: query.error }
}
