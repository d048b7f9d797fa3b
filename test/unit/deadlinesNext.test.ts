import { describe, expect, it } from 'vitest'
import { Deadline, nextDeadline, type DeadlineState } from '../../src/deadlines'
import { explainSkipped } from '../../src/deadlines/explainSkipped'
import { dateInZone, endOfDayIn, formatDayTime, formatForZone } from '../../src/deadlines/zonedTime'

describe('explaining skipped days', () => {
  it('joins a weekend into one span and names each holiday', () => {
    expect(
      explainSkipped([
        { date: '2026-12-19', reason: 'weekend' },
        { date: '2026-12-20', reason: 'weekend' },
        { date: '2026-12-25', reason: 'holiday', name: 'Christmas Day' },
        { date: '2026-12-26', reason: 'holiday', name: 'Boxing Day' },
        { date: '2026-12-27', reason: 'weekend' },
      ]),
    ).toBe('Sat–Sun 19–20 Dec, Fri 25 Dec (Christmas Day), Sat 26 Dec (Boxing Day), Sun 27 Dec')
  })

  it('writes both months of a span across a month end', () => {
    // Sat 31 Jan and Sun 1 Feb 2026.
    expect(
      explainSkipped([
        { date: '2026-01-31', reason: 'weekend' },
        { date: '2026-02-01', reason: 'weekend' },
      ]),
    ).toBe('Sat–Sun 31 Jan–1 Feb')
  })

  it('joins paused days and closures into spans, but not days that are not consecutive', () => {
    expect(
      explainSkipped([
        { date: '2026-12-21', reason: 'paused' },
        { date: '2026-12-22', reason: 'paused' },
        { date: '2026-12-24', reason: 'paused' },
        { date: '2026-12-28', reason: 'closure' },
        { date: '2026-12-29', reason: 'closure' },
        { date: '2026-12-30', reason: 'closure', name: 'Inventory' },
      ]),
    ).toBe('Mon–Tue 21–22 Dec (waiting for reporter), Thu 24 Dec (waiting for reporter), Mon–Tue 28–29 Dec (closure), Wed 30 Dec (Inventory)')
  })

  it('says nothing when nothing was skipped', () => {
    expect(explainSkipped([])).toBe('')
  })
})

describe('zoned time without a date library', () => {
  it('ends each day around the October 2026 change in Amsterdam at its own 23:59:59.999', () => {
    expect(['2026-10-24', '2026-10-25', '2026-10-26'].map((d) => new Date(endOfDayIn(d, 'Europe/Amsterdam')).toISOString())).toEqual([
      '2026-10-24T21:59:59.999Z', // summer time, +02:00
      '2026-10-25T22:59:59.999Z', // the 25-hour day ends in winter time, +01:00
      '2026-10-26T22:59:59.999Z',
    ])
  })

  it('ends each day around the March 2027 change in Amsterdam at its own 23:59:59.999', () => {
    expect(['2027-03-27', '2027-03-28', '2027-03-29'].map((d) => new Date(endOfDayIn(d, 'Europe/Amsterdam')).toISOString())).toEqual([
      '2027-03-27T22:59:59.999Z', // winter time, +01:00
      '2027-03-28T21:59:59.999Z', // the 23-hour day ends in summer time, +02:00
      '2027-03-29T21:59:59.999Z',
    ])
  })

  it('ends a day west of UTC and one at a half-hour offset correctly', () => {
    expect(new Date(endOfDayIn('2026-11-01', 'America/New_York')).toISOString()).toBe('2026-11-02T04:59:59.999Z')
    expect(new Date(endOfDayIn('2026-12-22', 'Asia/Kolkata')).toISOString()).toBe('2026-12-22T18:29:59.999Z')
  })

  it('reads the wall clock on the morning the clocks go back, when 02:30 happens twice', () => {
    // 00:30 UTC is 02:30 summer time; an hour later, 01:30 UTC is 02:30 winter time. Then 03:00 UTC is 04:00.
    expect(
      ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T03:00:00Z'].map((iso) => formatDayTime(Date.parse(iso), 'Europe/Amsterdam')),
    ).toEqual(['Sun 25 Oct 02:30', 'Sun 25 Oct 02:30', 'Sun 25 Oct 04:00'])
  })

  it('finds the calendar date of an instant in a zone', () => {
    const instant = Date.parse('2026-12-17T20:00:00-05:00')
    expect([dateInZone(instant, 'America/New_York'), dateInZone(instant, 'Europe/Amsterdam')]).toEqual(['2026-12-17', '2026-12-18'])
  })

  it('writes an instant on a wall clock, with the zone named for the reporter', () => {
    const instant = Date.parse('2026-12-22T22:59:59.999Z')
    expect(formatDayTime(instant, 'Europe/Amsterdam')).toBe('Tue 22 Dec 23:59')
    expect(formatForZone(instant, 'America/New_York')).toBe('Tue 22 Dec 2026 17:59 (America/New_York)')
    // Midnight is 00:00, never 24:00.
    expect(formatForZone(Date.parse('2026-09-01T22:00:00Z'), 'Europe/Amsterdam')).toBe('Wed 2 Sep 2026 00:00 (Europe/Amsterdam)')
  })
})

describe('the next deadline', () => {
  const sketch = (ruleId: string, state: DeadlineState, dueAt: string | null): Deadline =>
    Deadline.parse({
      ruleId,
      due: 'acknowledgement',
      label: 'Acknowledge receipt',
      quote: 'Our Information Desk will confirm receipt within two business days.',
      reading: '',
      occurrence: 1,
      state,
      dueDate: dueAt?.slice(0, 10) ?? null,
      dueAt,
      dueAtReporter: null,
      skipped: [],
      explanation: '',
    })

  it('is an overdue one before any that is merely due sooner, the longest overdue first', () => {
    const list = [
      sketch('soon', 'due_today', '2026-12-22T22:59:59.999Z'),
      sketch('late', 'overdue', '2026-12-21T22:59:59.999Z'),
      sketch('later', 'overdue', '2026-12-18T22:59:59.999Z'),
    ]
    expect(nextDeadline(list)?.ruleId).toBe('later')
  })

  it('is the earliest due among upcoming, due and paused ones', () => {
    const list = [
      sketch('upcoming', 'upcoming', '2026-12-29T22:59:59.999Z'),
      sketch('paused', 'paused', '2026-12-23T22:59:59.999Z'),
      sketch('today', 'due_today', '2026-12-24T22:59:59.999Z'),
    ]
    expect(nextDeadline(list)?.ruleId).toBe('paused')
  })

  it('is none when every promise is kept, waiting, without time limit or no longer due', () => {
    const list = [
      sketch('kept', 'met_on_time', '2026-12-22T22:59:59.999Z'),
      sketch('late', 'met_late', '2026-12-20T22:59:59.999Z'),
      sketch('waiting', 'waiting', null),
      sketch('open', 'open', null),
      sketch('closed', 'not_applicable', '2026-12-19T22:59:59.999Z'),
    ]
    expect(nextDeadline(list)).toBeUndefined()
  })
})
