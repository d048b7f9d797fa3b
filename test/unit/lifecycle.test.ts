import { describe, expect, it } from 'vitest'
import {
  allowedTransitions,
  canTransition,
  CaseStatus,
  closingReasonsFrom,
  milestoneOfStatus,
  statusAfterMilestone,
  statusMilestones,
  Transition,
} from '../../src/cases/lifecycle'

const allowed: [CaseStatus, CaseStatus[]][] = [
  ['received', ['acknowledged', 'needs_info', 'evaluating', 'closed']],
  ['acknowledged', ['needs_info', 'evaluating', 'closed']],
  ['needs_info', ['acknowledged', 'evaluating', 'closed']],
  ['evaluating', ['needs_info', 'accepted', 'closed']],
  ['accepted', ['needs_info', 'resolved', 'closed']],
  ['resolved', ['accepted', 'published', 'closed']],
  ['published', ['closed']],
  ['closed', ['evaluating']],
]

describe('lifecycle', () => {
  it.each(allowed)('a %s case may move to exactly %j', (from, to) => {
    expect([...allowedTransitions(from)]).toEqual(to)
    for (const target of CaseStatus.options) expect(canTransition(from, target)).toBe(to.includes(target))
  })

  it('forbids skipping ahead, going back to received and staying in place', () => {
    expect(canTransition('received', 'published')).toBe(false)
    expect(canTransition('received', 'accepted')).toBe(false)
    expect(canTransition('evaluating', 'received')).toBe(false)
    expect(canTransition('published', 'resolved')).toBe(false)
    expect(canTransition('closed', 'closed')).toBe(false)
  })

  it('closes an unfixed case only for reasons other than completed', () => {
    for (const from of ['received', 'acknowledged', 'needs_info', 'evaluating', 'accepted'] as const) {
      expect(closingReasonsFrom(from)).toEqual(['duplicate', 'out_of_scope', 'not_applicable', 'informative', 'spam', 'withdrawn'])
    }
  })

  it('closes a resolved or published case as completed or withdrawn', () => {
    expect(closingReasonsFrom('resolved')).toEqual(['completed', 'withdrawn'])
    expect(closingReasonsFrom('published')).toEqual(['completed', 'withdrawn'])
  })
})

describe('Transition', () => {
  const issues = (t: unknown) => Transition.safeParse(t).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)

  it('needs a closing reason to close and refuses one otherwise', () => {
    expect(issues({ to: 'closed' })).toEqual(['closingReason: Choose why the case is closed'])
    expect(issues({ to: 'evaluating', closingReason: 'spam' })).toEqual(['closingReason: Only a closed case has a closing reason'])
  })

  it('needs the original case of a duplicate', () => {
    expect(issues({ to: 'closed', closingReason: 'duplicate' })).toEqual(['duplicateOf: Name the original case of this duplicate'])
    expect(Transition.parse({ to: 'closed', closingReason: 'duplicate', duplicateOf: 'VD-2026-001' })).toEqual({
      to: 'closed',
      closingReason: 'duplicate',
      duplicateOf: 'VD-2026-001',
    })
  })
})

describe('status and milestone', () => {
  it('pairs each status that says something happened with its milestone, both ways', () => {
    expect(milestoneOfStatus('acknowledged')).toBe('acknowledgement_sent')
    expect(milestoneOfStatus('accepted')).toBe('evaluation_sent')
    expect(milestoneOfStatus('resolved')).toBe('fix_released')
    expect(milestoneOfStatus('published')).toBe('published')
    expect(milestoneOfStatus('evaluating')).toBeUndefined()
    expect(statusAfterMilestone('received', 'acknowledgement_sent')).toBe('acknowledged')
    expect(statusAfterMilestone('evaluating', 'evaluation_sent')).toBe('accepted')
    expect(statusAfterMilestone('accepted', 'fix_released')).toBe('resolved')
    expect(statusAfterMilestone('resolved', 'published')).toBe('published')
  })

  it('moves a case only from the status the milestone follows on', () => {
    expect(statusAfterMilestone('needs_info', 'acknowledgement_sent')).toBeUndefined()
    expect(statusAfterMilestone('accepted', 'evaluation_sent')).toBeUndefined()
    expect(statusAfterMilestone('received', 'progress_update_sent')).toBeUndefined()
  })

  it('only ever pairs moves the lifecycle allows', () => {
    for (const pair of statusMilestones) expect(canTransition(pair.from, pair.status)).toBe(true)
  })
})
