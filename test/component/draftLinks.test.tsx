import { describe, expect, it } from 'vitest'
import type { Deadline } from '../../src/deadlines/deadline'
import { draftLinkOf, draftPath, parseDeadlineParam } from '../../renderer/drafts/draftState'

// Mon 21 Dec 2026 in the team's zone.
const today = '2026-12-21'

function deadline(change: Partial<Deadline>): Deadline {
  return {
    ruleId: 'acknowledgement',
    due: 'acknowledgement',
    occurrence: 1,
    repeats: false,
    state: 'upcoming',
    from: 'received',
    anchorAt: '2026-12-18T15:10:00.000Z',
    amount: 2,
    unit: 'business_days',
    dueDate: '2026-12-22',
    dueAt: '2026-12-22T22:59:59.999Z',
    skipped: [],
    pauses: [],
    teamZone: 'Europe/Amsterdam',
    reporterZone: 'Europe/Amsterdam',
    quote: 'Our Information Desk will confirm receipt within two business days.',
    reading: '',
    ...change,
  }
}

const acknowledgement = { id: 'acknowledgement', purpose: 'acknowledgement' } as const
const progress = { id: 'progress_update', purpose: 'progress_update' } as const

describe('the draft link of a deadline', () => {
  it('says when the email is due, in the words of the deadline list', () => {
    expect(draftLinkOf(deadline({}), acknowledgement, today)?.text).toBe('Draft the acknowledgement due tomorrow')
    expect(draftLinkOf(deadline({ state: 'due_today', dueDate: today }), acknowledgement, today)?.text).toBe('Draft the acknowledgement due today')
    expect(draftLinkOf(deadline({ dueDate: '2026-12-24' }), acknowledgement, today)?.text).toBe('Draft the acknowledgement due Thu 24 Dec')
    expect(draftLinkOf(deadline({ state: 'overdue', dueDate: '2026-12-18' }), acknowledgement, today)?.text).toBe(
      'Draft the acknowledgement that was due Fri 18 Dec',
    )
    expect(draftLinkOf(deadline({ dueDate: '2027-01-05' }), acknowledgement, today)?.text).toBe('Draft the acknowledgement due Tue 5 Jan 2027')
  })

  it('offers nothing for a promise kept, not counting yet, or without a template', () => {
    expect(draftLinkOf(deadline({ state: 'met_on_time' }), acknowledgement, today)).toBeUndefined()
    expect(draftLinkOf(deadline({ state: 'waiting', dueDate: null, dueAt: null }), acknowledgement, today)).toBeUndefined()
    expect(draftLinkOf(deadline({}), undefined, today)).toBeUndefined()
  })

  it('an expected resolution date asks for nothing until it slipped, then for the progress update with a new date', () => {
    const promise = { date: '2027-01-08', eventId: 'e1', earlier: [] }
    const resolution = (state: Deadline['state']) =>
      deadline({ ruleId: 'expected_resolution', due: 'resolution', state, dueDate: '2027-01-08', promise })
    expect(draftLinkOf(resolution('upcoming'), progress, today)).toBeUndefined()
    expect(draftLinkOf(resolution('overdue'), progress, '2027-01-12')).toEqual({
      text: 'Draft a progress update with a new date',
      template: 'progress_update',
    })
  })
})

describe('the draft address', () => {
  it('carries the template, the deadline and the language, and reads the deadline back', () => {
    const path = draftPath('c 1', { template: 'evaluation', deadline: { ruleId: 'progress:2', occurrence: 3 }, language: 'nl' })
    expect(path).toBe('/cases/c%201/draft?template=evaluation&deadline=progress%3A2%3A3&language=nl')
    const query = new URLSearchParams(path.split('?')[1])
    expect(parseDeadlineParam(query.get('deadline'))).toEqual({ ruleId: 'progress:2', occurrence: 3 })
    expect(parseDeadlineParam('acknowledgement:0')).toBeUndefined()
    expect(parseDeadlineParam(':1')).toBeUndefined()
    expect(parseDeadlineParam(null)).toBeUndefined()
  })
})
