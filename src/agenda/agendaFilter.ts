import { z } from 'zod'
import { Rating } from '../cases/case'
import type { CaseSummary } from '../cases/summary'
import { AgendaKind, type AgendaEntry } from './agendaEntry'

/**
 * What the calendar shows: everyone's or some cases, by severity, kind of deadline and policy. 'all' is no filter.
 * Each field falls back to 'all' on its own, so an old or hand-edited address keeps what it can.
 */
export const AgendaFilter = z.object({
  /** 'mine' (the person chosen under "You are"), 'unassigned', or a member's id. */
  assignee: z.string().min(1).catch('all').default('all'),
  severity: z.union([z.enum(['all', 'unrated']), Rating]).catch('all').default('all'),
  kind: z.union([z.literal('all'), AgendaKind]).catch('all').default('all'),
  policy: z.string().min(1).catch('all').default('all'),
})
export type AgendaFilter = z.infer<typeof AgendaFilter>

export const noAgendaFilter: AgendaFilter = AgendaFilter.parse({})

const fields = ['assignee', 'severity', 'kind', 'policy'] as const

/** Whether an entry passes the filter; with nobody chosen under "You are", 'mine' shows nothing rather than everything. */
export function matchesAgendaFilter(item: AgendaEntry & { summary: CaseSummary }, f: AgendaFilter, me: string | null): boolean {
  const { summary } = item
  if (f.assignee === 'mine') {
    if (me === null || summary.assigneeId !== me) return false
  } else if (f.assignee === 'unassigned') {
    if (summary.assigneeId !== undefined) return false
  } else if (f.assignee !== 'all' && summary.assigneeId !== f.assignee) return false
  if (f.severity !== 'all' && (summary.rating ?? 'unrated') !== f.severity) return false
  if (f.kind !== 'all' && item.kind !== f.kind) return false
  if (f.policy !== 'all' && summary.policyId !== f.policy) return false
  return true
}

/** The filter an address holds (`?assignee=mine&kind=evaluation`); anything missing or unknown is 'all'. */
export function agendaFilterFromParams(params: URLSearchParams): AgendaFilter {
  return AgendaFilter.parse(Object.fromEntries(fields.flatMap((k) => (params.has(k) ? [[k, params.get(k)]] : []))))
}

/** The address entries of a filter, leaving out what is 'all' so a plain calendar has a plain address. */
export function agendaFilterParams(f: AgendaFilter): [string, string][] {
  return fields.flatMap((k) => (f[k] === 'all' ? [] : [[k, f[k]] as [string, string]]))
}
