import { z } from 'zod'
import { Id } from './fields'
import type { Milestone } from '../policies/policy'

export const CaseStatus = z.enum([
  'received',
  'acknowledged',
  'needs_info',
  'evaluating',
  'accepted',
  'resolved',
  'published',
  'closed',
])
export type CaseStatus = z.infer<typeof CaseStatus>

/** Why a case was closed. `completed` is the normal end after a fix or publication. */
export const ClosingReason = z.enum([
  'completed',
  'duplicate',
  'out_of_scope',
  'not_applicable',
  'informative',
  'spam',
  'withdrawn',
])
export type ClosingReason = z.infer<typeof ClosingReason>

const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['acknowledged', 'needs_info', 'evaluating', 'closed'],
  acknowledged: ['needs_info', 'evaluating', 'closed'],
  needs_info: ['acknowledged', 'evaluating', 'closed'],
  evaluating: ['needs_info', 'accepted', 'closed'],
  accepted: ['needs_info', 'resolved', 'closed'],
  // A fix that turns out incomplete sends the case back to fixing.
  resolved: ['accepted', 'published', 'closed'],
  published: ['closed'],
  // Reopening puts a case back in evaluation: its earlier verdict no longer holds.
  closed: ['evaluating'],
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return transitions[from]
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return transitions[from].includes(to)
}

/**
 * Status and milestone say the same thing both ways: a case is Acknowledged because the acknowledgement went out.
 * Moving a case to `status` records `milestone` (unless it already counts on the timeline), so its deadline counts as
 * kept; recording `milestone` on a case that is `from` moves it to `status`.
 */
export const statusMilestones: readonly { milestone: Milestone; from: CaseStatus; status: CaseStatus }[] = [
  { milestone: 'acknowledgement_sent', from: 'received', status: 'acknowledged' },
  { milestone: 'evaluation_sent', from: 'evaluating', status: 'accepted' },
  { milestone: 'fix_released', from: 'accepted', status: 'resolved' },
  { milestone: 'published', from: 'resolved', status: 'published' },
]

/** The milestone a move to `status` records, if any. */
export function milestoneOfStatus(status: CaseStatus): Milestone | undefined {
  return statusMilestones.find((pair) => pair.status === status)?.milestone
}

/** The status that recording `milestone` moves a case in status `from` to, if any. */
export function statusAfterMilestone(from: CaseStatus, milestone: Milestone): CaseStatus | undefined {
  return statusMilestones.find((pair) => pair.from === from && pair.milestone === milestone)?.status
}

/** Closing reasons that make sense from a given status: a case that was never fixed cannot be closed as completed. */
export function closingReasonsFrom(from: CaseStatus): readonly ClosingReason[] {
  if (from === 'resolved' || from === 'published') return ['completed', 'withdrawn']
  return ['duplicate', 'out_of_scope', 'not_applicable', 'informative', 'spam', 'withdrawn']
}

export const Transition = z
  .object({
    to: CaseStatus,
    closingReason: ClosingReason.optional(),
    duplicateOf: Id.optional(),
    comment: z.string().max(10_000).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.to === 'closed' && !t.closingReason) {
      ctx.addIssue({ code: 'custom', path: ['closingReason'], message: 'Choose why the case is closed' })
    }
    if (t.to !== 'closed' && t.closingReason) {
      ctx.addIssue({ code: 'custom', path: ['closingReason'], message: 'Only a closed case has a closing reason' })
    }
    if (t.closingReason === 'duplicate' && !t.duplicateOf) {
      ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: 'Name the original case of this duplicate' })
    }
  })
export type Transition = z.infer<typeof Transition>
