import { describe, expect, it } from 'vitest'
import type { Case, TimelineEvent } from '../../src/cases/case'
import { effectiveEntry, latestStatusMove, linkedStatusMove, milestoneTimes, milestoneWindows, nextMilestones } from '../../src/cases/history'
import { statusMilestones } from '../../src/cases/lifecycle'
import { policyById } from '../../src/policies/catalog'
import { realisticCases } from '../bench/fixtures/realisticCases'

const by = { memberId: 'm-ana', name: 'Ana Silva' }
let n = 0
const event = (e: Record<string, unknown> & { type: TimelineEvent['type'] }, at = '2026-12-01T09:00:00.000Z') =>
  ({ id: `e${++n}`, at, by, ...e }) as TimelineEvent
const milestone = (m: string, on: string, id: string) => ({ ...event({ type: 'milestone', milestone: m, on }), id }) as TimelineEvent

function caseWith(...timeline: TimelineEvent[]): Case {
  return { ...realisticCases(1, 3)[0]!, status: 'acknowledged', timeline, credit: { choice: 'not_asked', cveCreditType: 'finder' } }
}

const ms = (iso: string) => Date.parse(iso)

describe('milestoneTimes', () => {
  it('gives each milestone its times, earliest first, by when it happened, not when it was recorded', () => {
    const c = caseWith(
      milestone('progress_update_sent', '2026-12-10T10:00:00+01:00', 'p2'),
      milestone('progress_update_sent', '2026-12-03T10:00:00+01:00', 'p1'),
    )
    expect(milestoneTimes(c).get('progress_update_sent')).toEqual([ms('2026-12-03T10:00:00+01:00'), ms('2026-12-10T10:00:00+01:00')])
  })

  it('follows the latest correction and leaves out what was withdrawn', () => {
    const c = caseWith(
      milestone('acknowledgement_sent', '2026-12-02T10:00:00+01:00', 'ack'),
      milestone('evaluation_sent', '2026-12-04T10:00:00+01:00', 'eval'),
      event({ type: 'event_corrected', eventId: 'ack', on: '2026-11-30T10:00:00+01:00' }),
      event({ type: 'event_corrected', eventId: 'ack', on: '2026-11-29T10:00:00+01:00' }),
      event({ type: 'event_corrected', eventId: 'ack', comment: 'By phone' }),
      event({ type: 'event_withdrawn', eventId: 'eval' }),
    )
    const times = milestoneTimes(c)
    expect(times.get('acknowledgement_sent')).toEqual([ms('2026-11-29T10:00:00+01:00')])
    expect(times.has('evaluation_sent')).toBe(false)
    expect(effectiveEntry(c, 'ack')).toMatchObject({ on: '2026-11-29T10:00:00+01:00', comment: 'By phone', corrected: true })
  })

  it('counts choosing the credit as credit_confirmed at that change, and setting it back to not asked takes it back', () => {
    const credit = (from: string, to: string, at: string) => event({ type: 'field_changed', field: 'credit', from: { choice: from }, to: { choice: to } }, at)
    const chosen = caseWith(credit('not_asked', 'named', '2026-12-05T09:00:00.000Z'), credit('named', 'handle', '2026-12-06T09:00:00.000Z'))
    expect(milestoneTimes(chosen).get('credit_confirmed')).toEqual([ms('2026-12-05T09:00:00.000Z')])
    const undone = caseWith(...chosen.timeline, credit('handle', 'not_asked', '2026-12-07T09:00:00.000Z'))
    expect(milestoneTimes(undone).has('credit_confirmed')).toBe(false)
  })
})

describe('nextMilestones', () => {
  const aimms = policyById('aimms', [])!

  it('offers what can happen next: never credit_confirmed, not a one-off already counted, progress updates again', () => {
    const c = {
      ...caseWith(
        milestone('acknowledgement_sent', '2026-12-02T10:00:00+01:00', 'ack'),
        milestone('evaluation_sent', '2026-12-03T10:00:00+01:00', 'eval'),
        milestone('progress_update_sent', '2026-12-04T10:00:00+01:00', 'p'),
      ),
      status: 'accepted' as const,
    }
    expect(nextMilestones(c, aimms)).toEqual(['progress_update_sent', 'fix_released', 'publication_consulted', 'reward_decided'])
  })

  // The picker offers only what can happen next on the case: the status decides, as milestoneWindows writes down.
  it.each([
    ['received', [], ['acknowledgement_sent', 'publication_consulted']],
    ['acknowledged', ['acknowledgement_sent'], ['publication_consulted']],
    ['evaluating', ['acknowledgement_sent'], ['evaluation_sent', 'publication_consulted']],
    ['resolved', ['acknowledgement_sent', 'evaluation_sent', 'fix_released'], ['progress_update_sent', 'publication_consulted', 'published', 'reward_decided']],
    ['published', ['acknowledgement_sent', 'evaluation_sent', 'fix_released', 'published'], ['publication_consulted', 'reward_decided']],
    ['closed', ['acknowledgement_sent', 'evaluation_sent'], ['reward_decided']],
    ['closed', [], []],
  ] as const)('on a %s case with %j counted, offers %j', (status, counted, offered) => {
    const c = { ...caseWith(...counted.map((m, i) => milestone(m, `2026-12-0${i + 1}T10:00:00+01:00`, m))), status }
    expect(nextMilestones(c, aimms)).toEqual(offered)
  })

  it('offers a status’s own milestone from the status it moves on, as statusMilestones pairs them', () => {
    for (const pair of statusMilestones) expect(milestoneWindows[pair.milestone].statuses).toContain(pair.from)
  })

  it('offers a withdrawn milestone again', () => {
    const c = caseWith(milestone('acknowledgement_sent', '2026-12-02T10:00:00+01:00', 'ack'), event({ type: 'event_withdrawn', eventId: 'ack' }))
    expect(nextMilestones(c, aimms)).toContain('acknowledgement_sent')
  })
})

describe('latestStatusMove', () => {
  it('is the last status event, whatever came after it', () => {
    const first = event({ type: 'status_changed', from: 'received', to: 'acknowledged' })
    const second = event({ type: 'status_changed', from: 'acknowledged', to: 'evaluating' })
    expect(latestStatusMove(caseWith(first, second, event({ type: 'note', text: 'later' })))).toBe(second)
    expect(latestStatusMove(caseWith())).toBeUndefined()
  })
})

describe('linkedStatusMove', () => {
  it('is the move that names the milestone, while it stands: not once it was taken back, and none for a milestone that moved nothing', () => {
    const ack = milestone('acknowledgement_sent', '2026-11-30T09:00:00+01:00', 'ack')
    const move = event({ type: 'status_changed', from: 'received', to: 'acknowledged', milestoneEvent: 'ack' })
    const consulted = milestone('publication_consulted', '2026-11-30T09:00:00+01:00', 'consulted')
    expect(linkedStatusMove(caseWith(ack, move, consulted), 'ack')).toBe(move)
    expect(linkedStatusMove(caseWith(ack, move, consulted), 'consulted')).toBeUndefined()
    const back = event({ type: 'status_changed', from: 'acknowledged', to: 'received', reverts: move.id })
    expect(linkedStatusMove(caseWith(ack, move, back), 'ack')).toBeUndefined()
  })
})
