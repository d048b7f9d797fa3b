import type { Rating } from '../../src/cases/case'
import { CaseStatus } from '../../src/cases/lifecycle'
import type { CaseSummary } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { compareNextDeadlines } from '../deadlines/nextDeadlineOrder'
import { memberLabel } from '../settings/members'
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

// One set per team list, so that a sorted order kept for it (sortCases) is found again when the list opens again.
const byTeam = new WeakMap<TeamMember[], Record<string, Compare>>()

/** How each sortable column orders cases; the list's columns refer to these by id. */
export function comparators(team: TeamMember[]): Record<string, Compare> {
  let compare = byTeam.get(team)
  if (!compare) {
    compare = comparatorsFor(team)
    byTeam.set(team, compare)
  }
  return compare
}

function comparatorsFor(team: TeamMember[]): Record<string, Compare> {
  const names = new Map(team.map((m) => [m.id, memberLabel(m)]))
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
    received: (a, b) => receivedMs(a) - receivedMs(b),
  }
}

// Parsed once per row object, not twice per comparison: sorting 10,000 rows compares some 130,000 times.
const received = new WeakMap<CaseSummary, number>()

function receivedMs(s: CaseSummary): number {
  let ms = received.get(s)
  if (ms === undefined) {
    ms = Date.parse(s.receivedAt)
    received.set(s, ms)
  }
  return ms
}

// The last order asked for. Opening the list again shows the same cached rows in the same order, so it is not sorted
// again; a new load of the list, another column or another team sorts anew.
let lastSort: { cases: CaseSummary[]; column: string; direction: SortDirection; compare: Record<string, Compare>; sorted: CaseSummary[] } | undefined

export function sortCases(cases: CaseSummary[], sort: CaseSort, compare: Record<string, Compare>): CaseSummary[] {
  const byColumn = compare[sort.column]
  if (!byColumn) return cases
  const last = lastSort
  if (last && last.cases === cases && last.column === sort.column && last.direction === sort.direction && last.compare === compare) {
    return last.sorted
  }
  const sign = sort.direction === 'ascending' ? 1 : -1
  // Ties fall back to the key so the order never jumps between renders.
  const sorted = [...cases].sort((a, b) => sign * byColumn(a, b) || collator.compare(a.key, b.key))
  lastSort = { cases, column: sort.column, direction: sort.direction, compare, sorted }
  return sorted
}

// Each row's key, title and reporter, lower-cased, in the order of the array it is searched in; made once per array
// (the cache hands out the same rows, and the list the same sorted order, until the list is loaded again).
const searchTexts = new WeakMap<CaseSummary[], string[]>()

function searchTextsOf(cases: CaseSummary[]): string[] {
  let texts = searchTexts.get(cases)
  if (!texts) {
    texts = cases.map((s) => [s.key, s.title, s.reporterName, s.reporterEmail, s.reporterHandle ?? ''].join('\n').toLowerCase())
    searchTexts.set(cases, texts)
  }
  return texts
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
  const texts = words.length > 0 ? searchTextsOf(cases) : []
  return cases.filter(
    (s, i) =>
      (!status || s.status === status) &&
      (!severity || (severity === 'unrated' ? s.rating === undefined : s.rating === severity)) &&
      (!assignee || (assignee === 'unassigned' ? !s.assigneeId : s.assigneeId === assignee)) &&
      (!tag || s.tags.includes(tag)) &&
      (words.length === 0 || reportMatches?.has(s.id) === true || words.every((w) => texts[i]!.includes(w))),
  )
}

// Once per loaded list: the tag filter is built each time the list opens.
const tagsOf = new WeakMap<CaseSummary[], string[]>()

export function tagsIn(cases: CaseSummary[]): string[] {
  let sorted = tagsOf.get(cases)
  if (!sorted) {
    const tags = new Set<string>()
    for (const s of cases) for (const t of s.tags) tags.add(t)
    sorted = [...tags].sort(collator.compare)
    tagsOf.set(cases, sorted)
  }
  return sorted
}
