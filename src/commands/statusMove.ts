import type { Case, TimelineEvent } from '../cases/case'
import { effectiveEntry, milestoneTimes } from '../cases/history'
import {
  allowedTransitions,
  canTransition,
  closingReasonsFrom,
  milestoneOfStatus,
  type Transition,
} from '../cases/lifecycle'
import type { TimelineEventOf } from '../cases/timeline'
import { DeskError, refusal } from '../errors'
import { closingReasonLabels, statusLabels } from '../i18n/labels'
import { eventStamp } from './caseChange'
import type { CommandContext } from './context'

/** A move's changes to the case and the events that record it, before they are stored. */
export interface StatusMove {
  changes: Pick<Case, 'status' | 'closingReason' | 'duplicateOf'>
  events: TimelineEvent[]
}

/**
 * Checks a move against the lifecycle and works out what it records: the status_changed event and, for a status that
 * says an event happened (Acknowledged: the acknowledgement went out), that milestone unless it already counts.
 * `originalOf` turns the typed reference of a duplicate into the original's id.
 */
export function applyTransition(c: Case, t: Transition, ctx: CommandContext, originalOf: (ref: string) => string): StatusMove {
  const from = c.status
  if (!canTransition(from, t.to)) {
    const allowed = allowedTransitions(from).map((s) => statusLabels.en[s])
    throw new DeskError(
      'invalid_transition',
      `A case that is ${statusLabels.en[from]} cannot move to ${statusLabels.en[t.to]}. Allowed: ${allowed.join(', ')}.`,
    )
  }
  if (t.closingReason && !closingReasonsFrom(from).includes(t.closingReason)) {
    const allowed = closingReasonsFrom(from).map((r) => closingReasonLabels.en[r])
    throw refusal(
      'closingReason',
      `A case that is ${statusLabels.en[from]} cannot be closed as ${closingReasonLabels.en[t.closingReason]}. Choose one of: ${allowed.join(', ')}`,
      'invalid_transition',
    )
  }
  if (t.duplicateOf !== undefined && t.closingReason !== 'duplicate') {
    throw refusal('duplicateOf', 'Only a case closed as a duplicate names an original case')
  }
  const duplicateOf = t.duplicateOf === undefined ? undefined : originalOf(t.duplicateOf)
  const stamp = eventStamp(ctx)
  const milestone = milestoneOfStatus(t.to)
  const recorded =
    milestone && !milestoneTimes(c).has(milestone)
      ? { ...eventStamp(ctx), type: 'milestone' as const, milestone, on: stamp.at }
      : undefined
  const moved: TimelineEvent = {
    ...stamp,
    type: 'status_changed',
    from,
    to: t.to,
    closingReason: t.closingReason,
    duplicateOf,
    comment: t.comment,
    milestoneEvent: recorded?.id,
  }
  return {
    changes: { status: t.to, closingReason: t.closingReason, duplicateOf },
    events: recorded ? [moved, recorded] : [moved],
  }
}

/** The case as it would be after the move. */
export function movedCase(c: Case, move: StatusMove): Case {
  return { ...c, ...move.changes, timeline: [...c.timeline, ...move.events] }
}

/**
 * Takes back `last`, the latest status move of the case (the caller checks that): the case goes back to the status it
 * came from, by a new move that names the one it reverts. The milestone that says the same as that move (the one the
 * move recorded, or the one recorded by hand that made it) is withdrawn with it, for `reason` when the person gave one:
 * status and milestones agree both ways, after an undo too. The timeline keeps both moves.
 */
export function revertMove(c: Case, last: TimelineEventOf<'status_changed'>, ctx: CommandContext, reason?: string): StatusMove {
  // Back into Closed: the closing reason of the move that closed it before holds again.
  const closedBy = c.timeline.findLast(
    (e): e is TimelineEventOf<'status_changed'> => e.type === 'status_changed' && e.id !== last.id && e.to === last.from,
  )
  const back = last.from === 'closed' ? { closingReason: closedBy?.closingReason, duplicateOf: closedBy?.duplicateOf } : {}
  const events: TimelineEvent[] = [{ ...eventStamp(ctx), type: 'status_changed', from: last.to, to: last.from, reverts: last.id, ...back }]
  const recorded = last.milestoneEvent === undefined ? undefined : effectiveEntry(c, last.milestoneEvent)
  if (recorded && !recorded.withdrawn) events.push({ ...eventStamp(ctx), type: 'event_withdrawn', eventId: recorded.id, reason })
  return { changes: { status: last.from, closingReason: undefined, duplicateOf: undefined, ...back }, events }
}
