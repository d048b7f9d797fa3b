import { describe, expect, it } from 'vitest'
import { createAgendaCache } from '../../src/agenda/agendaCache'
import { AgendaEntry } from '../../src/agenda/agendaEntry'
import { agendaOfCase } from '../../src/agenda/agendaOf'
import { Case } from '../../src/cases/case'
import type { CaseStatus } from '../../src/cases/lifecycle'
import { deadlinesOf } from '../../src/deadlines'
import { ikuuPolicy } from '../../src/policies/presets'
import { realisticCases } from '../bench/fixtures/realisticCases'

// Team: Netherlands, Europe/Amsterdam; IKUU: acknowledgement within 2 business days of receipt, evaluation within 3
// business days of the acknowledgement.
function caseOf(events: Record<string, unknown>[] = [], status: CaseStatus = 'received', spec: Record<string, unknown> = {}): Case {
  const received = '2026-12-18T16:10:00+01:00' // Fri 18 Dec 16:10 Amsterdam
  return Case.parse({
    id: 'case-1',
    key: 'VD-2026-001',
    title: 'Stored XSS in the customer portal',
    reporter: { name: 'Ada Reporter', email: 'ada@example.org' },
    received: { at: received, timeZone: 'America/New_York' },
    status,
    credit: {},
    reward: {},
    policyId: 'ikuu',
    calendar: { spec: { country: 'NL', timeZone: 'Europe/Amsterdam', ...spec }, endOfWorkingDay: '17:00', afterHoursCountsNextDay: false },
    timeline: events.map((event, i) => ({ id: `event-${i + 1}`, by: { name: 'Sam Lead' }, ...event })),
    revision: 1,
    createdAt: received,
    updatedAt: received,
  })
}

const ackSent = { type: 'milestone', milestone: 'acknowledgement_sent', on: '2026-12-21T10:00:00+01:00', at: '2026-12-21T10:00:00+01:00' }
const proposed = (at: string, timeZone: string) => ({ type: 'publication_proposed', publication: { at, timeZone }, at: '2026-12-21T11:00:00+01:00' })

describe('the agenda entries of one case', () => {
  it('lists the acknowledgement due Tue 22 Dec as upcoming on Mon 21 Dec, and nothing for promises not yet counting', () => {
    const entries = agendaOfCase(caseOf(), ikuuPolicy, new Date('2026-12-21T09:00:00+01:00'))
    expect(entries).toEqual([
      {
        uid: 'case-1/acknowledgement/1',
        caseId: 'case-1',
        kind: 'acknowledgement',
        ruleId: 'acknowledgement',
        occurrence: 1,
        state: 'upcoming',
        date: '2026-12-22',
        at: '2026-12-22T22:59:59.999Z',
        zone: 'Europe/Amsterdam',
      },
    ])
    for (const e of entries) expect(AgendaEntry.parse(e)).toEqual(e)
  })

  it('keeps a met acknowledgement on its day, and adds the evaluation it started (Mon 21 + 3 business days = Thu 24 Dec)', () => {
    const entries = agendaOfCase(caseOf([ackSent], 'acknowledged'), ikuuPolicy, new Date('2026-12-23T12:00:00+01:00'))
    expect(entries.map((e) => [e.uid, e.state, e.date])).toEqual([
      ['case-1/acknowledgement/1', 'met_on_time', '2026-12-22'],
      ['case-1/evaluation/1', 'upcoming', '2026-12-24'],
    ])
  })

  it('shows the planned publication by its day on the clock it was proposed on, overdue once that day passed there', () => {
    // Wed 13 Jan 2027 23:30 in New York is already Thu 14 Jan in Amsterdam; the entry keeps New York's day.
    const c = caseOf([ackSent, proposed('2027-01-13T23:30:00-05:00', 'America/New_York')], 'acknowledged')
    const publication = (now: string) => agendaOfCase(c, ikuuPolicy, new Date(now)).find((e) => e.kind === 'publication')
    expect(publication('2027-01-10T12:00:00Z')).toEqual({
      uid: 'case-1/publication',
      caseId: 'case-1',
      kind: 'publication',
      ruleId: null,
      occurrence: 1,
      state: 'upcoming',
      date: '2027-01-13',
      at: '2027-01-14T04:30:00.000Z',
      zone: 'America/New_York',
    })
    // 05:00 in Amsterdam on Thu 14 Jan is still Wed 13 Jan (23:00) in New York: due today there; past midnight there, overdue.
    expect(publication('2027-01-14T04:00:00Z')?.state).toBe('due_today')
    expect(publication('2027-01-14T05:30:00Z')?.state).toBe('overdue')
  })

  it('leaves out the publication of a published or closed case, and a withdrawn proposal', () => {
    const planned = proposed('2027-01-13T10:00:00+01:00', 'Europe/Amsterdam')
    const now = new Date('2027-01-10T12:00:00Z')
    const kinds = (c: Case) => agendaOfCase(c, ikuuPolicy, now).map((e) => e.kind)
    expect(kinds(caseOf([ackSent, planned], 'published'))).not.toContain('publication')
    expect(kinds(caseOf([ackSent, planned], 'closed'))).not.toContain('publication')
    expect(kinds(caseOf([ackSent, planned, { type: 'event_withdrawn', eventId: 'event-2', at: '2026-12-22T10:00:00+01:00' }], 'acknowledged'))).not.toContain(
      'publication',
    )
  })

  it('shows only the publication when the policy is gone or the pinned calendar cannot be used', () => {
    const planned = proposed('2027-01-13T10:00:00+01:00', 'Europe/Amsterdam')
    const now = new Date('2026-12-23T12:00:00+01:00')
    expect(agendaOfCase(caseOf([ackSent, planned], 'acknowledged'), undefined, now).map((e) => e.uid)).toEqual(['case-1/publication'])
    const unusable = caseOf([ackSent, planned], 'acknowledged', { timeZone: 'Mars/Olympus_Mons' })
    expect(() => deadlinesOf(unusable, ikuuPolicy, now)).toThrow(/cannot be counted/)
    expect(agendaOfCase(unusable, ikuuPolicy, now).map((e) => e.uid)).toEqual(['case-1/publication'])
  })

  it('has an entry for exactly the dated deadlines of every realistic case, each a valid AgendaEntry with a unique uid', () => {
    const now = new Date('2026-11-23T10:00:00Z')
    const uids = new Set<string>()
    for (const c of realisticCases(300, 7)) {
      const dated = deadlinesOf(c, ikuuPolicy, now, { explain: false }).filter(
        (d) => d.dueDate !== null && !['waiting', 'open', 'not_applicable'].includes(d.state),
      )
      const entries = agendaOfCase(c, ikuuPolicy, now).filter((e) => e.kind !== 'publication')
      expect(entries.map((e) => [e.kind, e.state, e.date])).toEqual(dated.map((d) => [d.due, d.state, d.dueDate]))
      for (const e of entries) {
        AgendaEntry.parse(e)
        expect(uids.has(e.uid)).toBe(false)
        uids.add(e.uid)
      }
    }
    expect(uids.size).toBeGreaterThan(300)
  })
})

describe('the agenda cache', () => {
  const cases = realisticCases(40, 3)
  const at = new Date('2026-11-23T10:00:30Z')

  it('answers what agendaOfCase answers', () => {
    const agendaOf = createAgendaCache()
    for (const c of cases) expect(agendaOf(c, ikuuPolicy, at)).toEqual(agendaOfCase(c, ikuuPolicy, at))
  })

  it("counts a case again when it changed, when its policy changed or went, and when the team's day changed", () => {
    const agendaOf = createAgendaCache()
    const c = cases.find((k) => k.status === 'received')!
    const first = agendaOf(c, ikuuPolicy, at)
    expect(first.length).toBeGreaterThan(0)
    // Mon 23 Nov 2026 ends in Amsterdam at 22:59:59.999Z.
    expect(agendaOf(c, ikuuPolicy, new Date('2026-11-23T22:59:59.999Z'))).toBe(first)
    expect(agendaOf(c, ikuuPolicy, new Date('2026-11-23T23:00:00Z'))).not.toBe(first)
    const second = agendaOf(c, ikuuPolicy, at)
    expect(agendaOf({ ...c }, ikuuPolicy, at)).not.toBe(second)
    expect(agendaOf(c, { ...ikuuPolicy }, at)).not.toBe(second)
    expect(agendaOf(c, undefined, at)).toEqual([])
  })
})
