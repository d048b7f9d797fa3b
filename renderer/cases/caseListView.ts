import type { Rating } from '../../src/cases/case'
import { CaseStatus } from '../../src/cases/lifecycle'
import type { CaseSummary } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { compareNextDeadlines } from '../deadlines/nextDeadlineOrder'
import { memberName } from '../settings/members'
import { ratingOrder } from './ratingOrder'

export type CaseFilters = {
  status: CaseStatus | ''
  severity: Rating | 'unrated' | ''
  /** A member id, 'unassigned', or '' for everyone. */
  assignee: string
  tag: string
  query: string
}

export const noFilters: CaseFilters = { status: '', severity: '', assignee: '', tag: '', query: '' }

export type SortDirection = 'ascending' | 'descending'
export type CaseSort = { column: string; direction: SortDirection }

type Compare = (a: CaseSummary, b: CaseSummary) => number
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
const text = (of: (s: CaseSummary) => string): Compare => (a, b) => collator.compare(of(a), of(b))
const statusRank = new Map(CaseStatus.options.map((s, i) => [s, i]))
// Unrated sorts below 'none': a case nobody has looked at is not known to be harmless.
const ratingRank = new Map<Rating | undefined, number>([...ratingOrder].reverse().map((r, i) => [r, i + 1]))

/** How each sortable column orders cases; the list's columns refer to these by id. */
export function comparators(team: TeamMember[]): Record<string, Compare> {
  const names = new Map(team.map((m) => [m.id, memberName(team, m.id)]))
  return {
    key: text((s) => s.key),
    title: text((s) => s.title),
    reporter: text((s) => s.reporterName),
    status: (a, b) => (statusRank.get(a.status) ?? 0) - (statusRank.get(b.status) ?? 0),
    nextDeadline: compareNextDeadlines,
    severity: (a, b) =>
      (ratingRank.get(a.rating) ?? 0) - (ratingRank.get(b.rating) ?? 0) || (a.score ?? -1) - (b.score ?? -1),
    // Unassigned cases sort after everyone's.
    assignee: text((s) => (s.assigneeId ? (names.get(s.assigneeId) ?? s.assigneeId) : '\uffff')),
    received: (a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt),
  }
}

export function sortCases(cases: CaseSummary[], sort: CaseSort, compare: Record<string, Compare>): CaseSummary[] {
  const byColumn = compare[sort.column]
  if (!byColumn) return cases
  const sign = sort.direction === 'ascending' ? 1 : -1
  // Ties fall back to the key so the order never jumps between renders.
  return [...cases].sort((a, b) => sign * byColumn(a, b) || collator.compare(a.key, b.key))
}

// Lower-cased once per row object: the cache hands out the same rows until the list is loaded again.
const searchable = new WeakMap<CaseSummary, string>()

function textOf(s: CaseSummary): string {
  let text = searchable.get(s)
  if (text === undefined) {
    text = [s.key, s.title, s.reporterName, s.reporterEmail, s.reporterHandle ?? ''].join('\n').toLowerCase()
    searchable.set(s, text)
  }
  return text
}

/**
 * Keeps the cases that pass every filter. The query matches a case when every word of it occurs in the case's key,
 * title or reporter, which the row carries, or when main found the words in its report text: `reportMatches`, the ids
 * `cases:search` answered (undefined while there is no answer).
 */
export function filterCases(cases: CaseSummary[], filters: CaseFilters, reportMatches?: ReadonlySet<string>): CaseSummary[] {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean)
  const { status, severity, assignee, tag } = filters
  if (!status && !severity && !assignee && !tag && words.length === 0) return cases
  return cases.filter(
    (s) =>
      (!status || s.status === status) &&
      (!severity || (severity === 'unrated' ? s.rating === undefined : s.rating === severity)) &&
      (!assignee || (assignee === 'unassigned' ? !s.assigneeId : s.assigneeId === assignee)) &&
      (!tag || s.tags.includes(tag)) &&
      (words.length === 0 || reportMatches?.has(s.id) === true || words.every((w) => textOf(s).includes(w))),
  )
}

export function tagsIn(cases: CaseSummary[]): string[] {
  const tags = new Set<string>()
  for (const s of cases) for (const t of s.tags) tags.add(t)
  return [...tags].sort(collator.compare)
}
