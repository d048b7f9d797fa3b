import { describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { agendaOfCase } from '../../src/agenda/agendaOf'
import { bucketByDay, entryDay } from '../../src/agenda/entryDay'
import { Case } from '../../src/cases/case'
import type { DeadlineState } from '../../src/deadlines/deadline'
import type { Policy } from '../../src/policies/policy'
import { ikuuPolicy } from '../../src/policies/presets'
import { endOfDay } from '../../src/time'

/** A deadline due on `date` in `zone`, due at the end of that day there, as deadlinesOf writes it. */
function due(date: string, zone: string, state: DeadlineState = 'upcoming', uid = `${zone}/${date}`): AgendaEntry {
  return { uid, caseId: uid, kind: 'evaluation', ruleId: 'evaluation', occurrence: 1, state, date, at: endOfDay(date, zone), zone }
}

describe('the team day of an agenda entry', () => {
  it('is the due date itself for a deadline counted in the team zone, even at a year end', () => {
    expect(entryDay(due('2026-12-31', 'Europe/Amsterdam'), 'Europe/Amsterdam')).toEqual({ day: '2026-12-31', otherZone: false })
  })

  it('is the next year for a New York deadline on Thu 31 Dec 2026, seen from Amsterdam (ends Fri 1 Jan 05:59 there)', () => {
    const e = due('2026-12-31', 'America/New_York')
    expect(e.at).toBe('2027-01-01T04:59:59.999Z')
    expect(entryDay(e, 'Europe/Amsterdam')).toEqual({ day: '2027-01-01', otherZone: true })
  })

  it('is the same day for a Kolkata deadline seen from Amsterdam (east of the team: it ends 19:29 there)', () => {
    const e = due('2026-11-30', 'Asia/Kolkata')
    expect(e.at).toBe('2026-11-30T18:29:59.999Z')
    expect(entryDay(e, 'Europe/Amsterdam')).toEqual({ day: '2026-11-30', otherZone: true })
  })

  it('moves a New York deadline on Mon 30 Nov to Tue 1 Dec in Amsterdam: across the month end', () => {
    expect(entryDay(due('2026-11-30', 'America/New_York'), 'Europe/Amsterdam')).toEqual({ day: '2026-12-01', otherZone: true })
  })

  it('moves a Kiritimati deadline on Sun 1 Mar back to Sat 28 Feb in Honolulu: 24 hours apart, across a short month end', () => {
    const e = due('2026-03-01', 'Pacific/Kiritimati')
    expect(e.at).toBe('2026-03-01T09:59:59.999Z')
    expect(entryDay(e, 'Pacific/Honolulu')).toEqual({ day: '2026-02-28', otherZone: true })
  })

  it('follows New York into summer time on Sun 8 Mar 2026 while Amsterdam is still on winter time', () => {
    // Sun 8 Mar has 23 hours in New York and ends at 03:59:59.999Z (UTC-4); in Amsterdam (UTC+1) that is Mon 9 Mar 04:59.
    const e = due('2026-03-08', 'America/New_York')
    expect(e.at).toBe('2026-03-09T03:59:59.999Z')
    expect(entryDay(e, 'Europe/Amsterdam').day).toBe('2026-03-09')
    // Seen from New York, an Amsterdam deadline on Amsterdam's own 23-hour day (Sun 29 Mar) ends 17:59 the same day.
    const amsterdam = due('2026-03-29', 'Europe/Amsterdam')
    expect(amsterdam.at).toBe('2026-03-29T21:59:59.999Z')
    expect(entryDay(amsterdam, 'America/New_York')).toEqual({ day: '2026-03-29', otherZone: true })
  })

  it('puts a UTC deadline on the next Amsterdam day in summer and in winter, either side of Sun 25 Oct 2026 (clocks back)', () => {
    // Sat 24 Oct 23:59:59 UTC is Sun 25 Oct 01:59 summer time; Sun 25 Oct 23:59:59 UTC is Mon 26 Oct 00:59 winter time.
    expect(entryDay(due('2026-10-24', 'UTC'), 'Europe/Amsterdam').day).toBe('2026-10-25')
    expect(entryDay(due('2026-10-25', 'UTC'), 'Europe/Amsterdam').day).toBe('2026-10-26')
  })

  it('keeps a London deadline on its own day in Amsterdam through the weeks New York and Europe change clocks apart', () => {
    // London is one hour behind Amsterdam all year; its end of day is 00:59 the next day in Amsterdam, never 23:59.
    for (const date of ['2026-03-08', '2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-11-01']) {
      expect(entryDay(due(date, 'Europe/London'), 'Europe/Amsterdam').day > date).toBe(true)
    }
  })

  it('places a publication by its moment in the team zone', () => {
    const publication: AgendaEntry = {
      uid: 'c/publication',
      caseId: 'c',
      kind: 'publication',
      ruleId: null,
      occurrence: 1,
      state: 'upcoming',
      date: '2027-01-13', // 23:30 on Wed 13 Jan in New York
      at: '2027-01-14T04:30:00.000Z',
      zone: 'America/New_York',
    }
    expect(entryDay(publication, 'Europe/Amsterdam')).toEqual({ day: '2027-01-14', otherZone: true })
    expect(entryDay(publication, 'America/New_York')).toEqual({ day: '2027-01-13', otherZone: false })
  })
})

describe('entries bucketed into team days', () => {
  it('puts each entry on its team day, across a month and a year end', () => {
    const items = [
      due('2026-11-30', 'Europe/Amsterdam', 'upcoming', 'a'),
      due('2026-11-30', 'America/New_York', 'upcoming', 'b'),
      due('2026-12-31', 'America/New_York', 'upcoming', 'c'),
      due('2026-12-31', 'Asia/Tokyo', 'upcoming', 'd'),
      due('2027-01-01', 'Europe/Amsterdam', 'upcoming', 'e'),
    ]
    const days = bucketByDay(items, 'Europe/Amsterdam')
    expect([...days].map(([day, list]) => [day, list.map((e) => e.uid)]).sort()).toEqual([
      ['2026-11-30', ['a']],
      ['2026-12-01', ['b']],
      ['2026-12-31', ['d']],
      ['2027-01-01', ['c', 'e']],
    ])
  })

  it('orders a day overdue first, then due today, upcoming, waiting for the reporter, and met last; then by case key', () => {
    const day = '2026-12-22'
    const item = (uid: string, state: DeadlineState, key: string) => ({ ...due(day, 'Europe/Amsterdam', state, uid), summary: { key } })
    const items = [
      item('1', 'met_on_time', 'VD-2026-001'),
      item('2', 'upcoming', 'VD-2026-009'),
      item('3', 'paused', 'VD-2026-002'),
      item('4', 'overdue', 'VD-2026-010'),
      item('5', 'upcoming', 'VD-2026-003'),
      item('6', 'due_today', 'VD-2026-004'),
      item('7', 'met_late', 'VD-2026-005'),
      item('8', 'overdue', 'VD-2026-006'),
    ]
    expect(bucketByDay(items, 'Europe/Amsterdam').get(day)?.map((e) => `${e.state} ${e.summary.key}`)).toEqual([
      'overdue VD-2026-006',
      'overdue VD-2026-010',
      'due_today VD-2026-004',
      'upcoming VD-2026-003',
      'upcoming VD-2026-009',
      'paused VD-2026-002',
      'met_late VD-2026-005',
      'met_on_time VD-2026-001',
    ])
  })

  it('has no day for an empty list, and leaves the input list as it was', () => {
    expect(bucketByDay([], 'Europe/Amsterdam').size).toBe(0)
    const items = [due('2026-12-22', 'Europe/Amsterdam', 'met_on_time', 'x'), due('2026-12-22', 'Europe/Amsterdam', 'overdue', 'y')]
    bucketByDay(items, 'Europe/Amsterdam')
    expect(items.map((e) => e.uid)).toEqual(['x', 'y'])
  })
})

describe('counted deadlines on the team calendar, end to end', () => {
  // A policy of three calendar days that stay on a weekend day, so a deadline can fall on the DST Sundays.
  const threeDays: Policy = {
    ...ikuuPolicy,
    id: 'three-days',
    rules: [{ ...ikuuPolicy.rules[0]!, amount: 3, unit: 'calendar_days', onDayOff: 'stays' }],
  }
  const caseReceived = (at: string, spec: Record<string, unknown>) =>
    Case.parse({
      id: 'case-1',
      key: 'VD-2026-001',
      title: 'Stored XSS',
      reporter: { name: 'Ada Reporter', email: 'ada@example.org' },
      received: { at, timeZone: 'Europe/Amsterdam' },
      status: 'received',
      credit: {},
      reward: {},
      policyId: 'three-days',
      calendar: { spec, endOfWorkingDay: '17:00', afterHoursCountsNextDay: false },
      timeline: [],
      revision: 1,
      createdAt: at,
      updatedAt: at,
    })
  const teamDays = (c: Case, now: string, zones: string[]) => {
    const [e] = agendaOfCase(c, threeDays, new Date(now))
    return Object.fromEntries(zones.map((zone) => [zone, [...bucketByDay([e!], zone).keys()]]))
  }

  it("puts an Amsterdam deadline on Sun 29 Mar 2026 (23 hours, clocks forward) on the 29th for teams west of it, the 30th in Tokyo", () => {
    // Thu 26 Mar + 3 calendar days = Sun 29 Mar, which ends at 22:00 UTC+2 = 21:59:59.999Z.
    const c = caseReceived('2026-03-26T10:00:00+01:00', { country: 'NL', timeZone: 'Europe/Amsterdam' })
    expect(agendaOfCase(c, threeDays, new Date('2026-03-27T12:00:00Z'))[0]).toMatchObject({ date: '2026-03-29', at: '2026-03-29T21:59:59.999Z' })
    expect(teamDays(c, '2026-03-27T12:00:00Z', ['Europe/Amsterdam', 'Europe/London', 'UTC', 'America/New_York', 'Asia/Tokyo'])).toEqual({
      'Europe/Amsterdam': ['2026-03-29'],
      'Europe/London': ['2026-03-29'],
      UTC: ['2026-03-29'],
      'America/New_York': ['2026-03-29'],
      'Asia/Tokyo': ['2026-03-30'],
    })
  })

  it('puts an Amsterdam deadline on Sun 25 Oct 2026 (25 hours, clocks back) on the 25th in London and UTC, the 26th in Kolkata', () => {
    // Thu 22 Oct + 3 = Sun 25 Oct, which ends at 24:00 UTC+1 = 22:59:59.999Z.
    const c = caseReceived('2026-10-22T10:00:00+02:00', { country: 'NL', timeZone: 'Europe/Amsterdam' })
    expect(agendaOfCase(c, threeDays, new Date('2026-10-23T12:00:00Z'))[0]).toMatchObject({ date: '2026-10-25', at: '2026-10-25T22:59:59.999Z' })
    expect(teamDays(c, '2026-10-23T12:00:00Z', ['Europe/London', 'UTC', 'Asia/Kolkata'])).toEqual({
      'Europe/London': ['2026-10-25'],
      UTC: ['2026-10-25'],
      'Asia/Kolkata': ['2026-10-26'],
    })
  })

  it('puts a New York deadline on Sun 8 Mar 2026 (clocks forward there only) on Mon 9 Mar for an Amsterdam team', () => {
    // Thu 5 Mar + 3 = Sun 8 Mar in New York, which ends at 24:00 UTC-4 = 03:59:59.999Z on the 9th: 04:59 in Amsterdam.
    const c = caseReceived('2026-03-05T10:00:00-05:00', { country: 'US', timeZone: 'America/New_York' })
    expect(agendaOfCase(c, threeDays, new Date('2026-03-06T12:00:00Z'))[0]).toMatchObject({ date: '2026-03-08', at: '2026-03-09T03:59:59.999Z', zone: 'America/New_York' })
    expect(teamDays(c, '2026-03-06T12:00:00Z', ['America/New_York', 'Europe/Amsterdam'])).toEqual({
      'America/New_York': ['2026-03-08'],
      'Europe/Amsterdam': ['2026-03-09'],
    })
  })
})
