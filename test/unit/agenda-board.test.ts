import { describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { AgendaFilter, agendaFilterFromParams, agendaFilterParams, matchesAgendaFilter, noAgendaFilter } from '../../src/agenda/agendaFilter'
import { todayBoard, waitingOnReporter } from '../../src/agenda/todayBoard'
import type { CaseSummary } from '../../src/cases/summary'
import type { DeadlineState } from '../../src/deadlines/deadline'

function summary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 'case-1',
    key: 'VD-2026-001',
    title: 'Stored XSS in the customer portal',
    reporterName: 'Ada Reporter',
    reporterEmail: 'ada@example.org',
    status: 'acknowledged',
    policyId: 'ikuu',
    tags: [],
    receivedAt: '2026-12-18T16:10:00+01:00',
    sample: false,
    ...overrides,
  }
}

const entry = (uid: string, state: DeadlineState, date: string, kind: AgendaEntry['kind'] = 'evaluation'): AgendaEntry => ({
  uid,
  caseId: uid,
  kind,
  ruleId: kind === 'publication' ? null : kind,
  occurrence: 1,
  state,
  date,
  at: `${date}T22:59:59.999Z`,
  zone: 'Europe/Amsterdam',
})

describe("Today's lists", () => {
  // Tue 1 Dec 2026; five business days on is Tue 8 Dec.
  const today = '2026-12-01'
  const soonUntil = '2026-12-08'
  const team = 'Europe/Amsterdam'
  const items = [
    entry('late-2', 'overdue', '2026-11-30'),
    entry('late-1', 'overdue', '2026-11-20'),
    entry('today', 'due_today', today),
    entry('pub-today', 'due_today', today, 'publication'),
    entry('soon', 'upcoming', '2026-12-08'),
    entry('sooner', 'upcoming', '2026-12-02', 'publication'),
    entry('beyond', 'upcoming', '2026-12-09'),
    entry('paused', 'paused', '2026-12-03'),
    entry('met', 'met_on_time', today),
    entry('met-late', 'met_late', '2026-11-30'),
  ]

  it('lists what is overdue (longest first), due today and due up to the fifth business day; publications too', () => {
    const board = todayBoard(items, today, soonUntil, team)
    expect(board.overdue.map((e) => e.uid)).toEqual(['late-1', 'late-2'])
    expect(board.dueToday.map((e) => e.uid)).toEqual(['pub-today', 'today'])
    expect(board.soon.map((e) => e.uid)).toEqual(['sooner', 'soon'])
  })

  it('leaves out kept promises and deadlines waiting for the reporter', () => {
    const board = todayBoard(items, today, soonUntil, team)
    const shown = [...board.overdue, ...board.dueToday, ...board.soon].map((e) => e.uid)
    expect(shown).not.toContain('paused')
    expect(shown).not.toContain('met')
    expect(shown).not.toContain('met-late')
    expect(shown).not.toContain('beyond')
  })

  it('counts an upcoming entry dated today (counted before midnight) as due today', () => {
    expect(todayBoard([entry('stale', 'upcoming', today)], today, soonUntil, team).dueToday.map((e) => e.uid)).toEqual(['stale'])
  })

  it('counts an upcoming entry dated before today (counted before midnight) as overdue, not due today', () => {
    const board = todayBoard([entry('stale', 'upcoming', '2026-11-30')], today, soonUntil, team)
    expect(board.overdue.map((e) => e.uid)).toEqual(['stale'])
    expect(board.dueToday).toEqual([])
  })

  it("lists another zone's deadline by the team's day: New York's Tuesday ends on Wednesday in Amsterdam", () => {
    // Tue 1 Dec 2026 ends in New York at 04:59:59.999Z on the 2nd, 05:59 on Wednesday in Amsterdam: on Tuesday New
    // York calls it due today, the team's calendar and reminders have it tomorrow. Tokyo's Wed 2 Dec ends 15:59 there.
    const newYork = { ...entry('new-york', 'due_today', today), at: '2026-12-02T04:59:59.999Z', zone: 'America/New_York' }
    const tokyo = { ...entry('tokyo', 'upcoming', '2026-12-02'), at: '2026-12-02T14:59:59.999Z', zone: 'Asia/Tokyo' }
    const board = todayBoard([entry('thursday', 'upcoming', '2026-12-03'), tokyo, newYork], today, soonUntil, team)
    expect(board.dueToday).toEqual([])
    expect(board.soon.map((e) => e.uid)).toEqual(['new-york', 'tokyo', 'thursday'])
    // Wednesday 03:00 in Amsterdam (Tuesday 21:00 in New York): both are due today for the team.
    const wednesday = todayBoard([newYork, { ...tokyo, state: 'due_today' as const }], '2026-12-02', '2026-12-09', team)
    expect(wednesday.dueToday.map((e) => e.uid)).toEqual(['new-york', 'tokyo'])
  })

  it('lists the cases waiting for the reporter from the case rows', () => {
    const rows = [summary({ id: 'a', status: 'needs_info' }), summary({ id: 'b', status: 'evaluating' }), summary({ id: 'c', status: 'needs_info' })]
    expect(waitingOnReporter(rows).map((s) => s.id)).toEqual(['a', 'c'])
  })
})

describe('the agenda filter', () => {
  const item = (s: Partial<CaseSummary>, kind: AgendaEntry['kind'] = 'evaluation') => ({ ...entry('x', 'upcoming', '2026-12-02', kind), summary: summary(s) })
  const anna = item({ assigneeId: 'member-anna', rating: 'high', policyId: 'ikuu' })
  const nobody = item({ policyId: 'aimms' }, 'publication')
  const f = (values: Partial<AgendaFilter>) => AgendaFilter.parse(values)

  it('lets everything through by default', () => {
    expect(noAgendaFilter).toEqual({ assignee: 'all', severity: 'all', kind: 'all', policy: 'all' })
    expect(matchesAgendaFilter(anna, noAgendaFilter, null)).toBe(true)
    expect(matchesAgendaFilter(nobody, noAgendaFilter, null)).toBe(true)
  })

  it("keeps mine, unassigned or one member's cases; mine shows nothing when nobody is chosen under \"You are\"", () => {
    expect(matchesAgendaFilter(anna, f({ assignee: 'mine' }), 'member-anna')).toBe(true)
    expect(matchesAgendaFilter(anna, f({ assignee: 'mine' }), 'member-jeroen')).toBe(false)
    expect(matchesAgendaFilter(nobody, f({ assignee: 'mine' }), null)).toBe(false)
    expect(matchesAgendaFilter(nobody, f({ assignee: 'unassigned' }), 'member-anna')).toBe(true)
    expect(matchesAgendaFilter(anna, f({ assignee: 'unassigned' }), 'member-anna')).toBe(false)
    expect(matchesAgendaFilter(anna, f({ assignee: 'member-anna' }), null)).toBe(true)
    expect(matchesAgendaFilter(nobody, f({ assignee: 'member-anna' }), null)).toBe(false)
  })

  it('keeps a severity, unrated cases, a kind of deadline and a policy', () => {
    expect(matchesAgendaFilter(anna, f({ severity: 'high' }), null)).toBe(true)
    expect(matchesAgendaFilter(anna, f({ severity: 'critical' }), null)).toBe(false)
    expect(matchesAgendaFilter(nobody, f({ severity: 'unrated' }), null)).toBe(true)
    expect(matchesAgendaFilter(anna, f({ severity: 'unrated' }), null)).toBe(false)
    expect(matchesAgendaFilter(nobody, f({ kind: 'publication' }), null)).toBe(true)
    expect(matchesAgendaFilter(anna, f({ kind: 'publication' }), null)).toBe(false)
    expect(matchesAgendaFilter(nobody, f({ policy: 'aimms' }), null)).toBe(true)
    expect(matchesAgendaFilter(anna, f({ policy: 'aimms' }), null)).toBe(false)
    expect(matchesAgendaFilter(anna, f({ assignee: 'mine', severity: 'high', kind: 'evaluation', policy: 'ikuu' }), 'member-anna')).toBe(true)
  })

  it('goes into an address without its defaults, and comes back the same', () => {
    const filter = f({ assignee: 'mine', kind: 'progress_update' })
    expect(agendaFilterParams(filter)).toEqual([
      ['assignee', 'mine'],
      ['kind', 'progress_update'],
    ])
    expect(agendaFilterParams(noAgendaFilter)).toEqual([])
    const params = new URLSearchParams([['view', 'month'], ...agendaFilterParams(filter)])
    expect(agendaFilterFromParams(params)).toEqual(filter)
  })

  it('reads an unknown value in the address as no filter on that field, keeping the others', () => {
    const params = new URLSearchParams('severity=extreme&kind=lunch&assignee=&policy=ikuu')
    expect(agendaFilterFromParams(params)).toEqual({ assignee: 'all', severity: 'all', kind: 'all', policy: 'ikuu' })
  })
})
