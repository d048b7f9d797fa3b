import { describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { bucketByDay, entryDay } from '../../src/agenda/entryDay'
import type { DeadlineState } from '../../src/deadlines/deadline'
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
