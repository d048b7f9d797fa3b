import { describe, expect, it } from 'vitest'
import { Deadline, nextDeadline, type DeadlineState } from '../../src/deadlines'

describe('the next deadline', () => {
  const sketch = (ruleId: string, state: DeadlineState, dueAt: string | null): Deadline =>
    Deadline.parse({
      ruleId,
      due: 'acknowledgement',
      occurrence: 1,
      repeats: false,
      state,
      from: 'received',
      anchorAt: '2026-12-18T15:10:00.000Z',
      amount: 2,
      unit: 'business_days',
      dueDate: dueAt?.slice(0, 10) ?? null,
      dueAt,
      skipped: [],
      pauses: [],
      teamZone: 'Europe/Amsterdam',
      reporterZone: 'America/New_York',
      quote: 'Our Information Desk will confirm receipt within two business days.',
      reading: '',
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
