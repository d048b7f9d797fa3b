import { z } from 'zod'
import type { Case, TimelineEvent } from '../cases/case'
import type { TimelineEventOf } from '../cases/timeline'
import { effectiveEntry, latestStatusMove } from '../cases/history'
import { Transition } from '../cases/lifecycle'
import { DeskError, parseInput } from '../errors'
import { policyById } from '../policies/catalog'
import type { StoreDocument } from '../store/document'
import { changeCase, checkRevision, eventStamp, findCase } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { refuseOpenPromises } from './previewTransition'
import { originalCase } from './references'
import { applyTransition, movedCase } from './statusMove'

const Revised = { caseId: z.string().min(1), revision: z.number().int().min(1).optional() }

export const TransitionCase = z.object({
  type: z.literal('case.transition'),
  ...Revised,
  transition: Transition,
  /** The person saw the promises this move leaves open (previewTransition) and goes ahead anyway. */
  acceptOpenPromises: z.boolean().optional(),
})
export type TransitionCase = z.input<typeof TransitionCase>

export const RevertStatus = z.object({ type: z.literal('case.revertStatus'), ...Revised, eventId: z.string().min(1) })
export type RevertStatus = z.input<typeof RevertStatus>

/** Moves a case along its lifecycle; publishing or closing with promises open needs `acceptOpenPromises`. */
export function transitionCase(doc: StoreDocument, cmd: TransitionCase, ctx: CommandContext): Outcome<Case> {
  const t = parseInput(Transition, cmd.transition, 'The status change')
  const { c, index } = findCase(doc, cmd.caseId)
  checkRevision(c, cmd.revision)
  const move = applyTransition(c, t, ctx, (ref) => originalCase(doc, ref, c.id))
  if ((t.to === 'published' || t.to === 'closed') && !cmd.acceptOpenPromises) {
    refuseOpenPromises(c, movedCase(c, move), policyById(c.policyId, doc.policies), ctx.now)
  }
  return changeCase(doc, index, move.changes, move.events, ctx)
}

/**
 * Takes back the latest status move, a mistake: the case goes back to the status it came from, by a new move that
 * names the one it reverts. The milestone that says the same as that move (the one the move recorded, or the one
 * recorded by hand that made it) is withdrawn with it: status and milestones agree both ways, after an undo too.
 * The timeline keeps both moves.
 */
export function revertStatus(doc: StoreDocument, cmd: RevertStatus, ctx: CommandContext): Outcome<Case> {
  const { c, index } = findCase(doc, cmd.caseId)
  checkRevision(c, cmd.revision)
  const last = latestStatusMove(c)
  if (!last || last.id !== cmd.eventId || last.to !== c.status) {
    throw new DeskError('invalid_transition', 'Only the latest status move of a case can be taken back. Reload the case to see its latest move.')
  }
  if (last.reverts !== undefined) {
    throw new DeskError('invalid_transition', 'This move already took back the one before it. Move the case on as usual instead.')
  }
  // Back into Closed: the closing reason of the move that closed it before holds again.
  const closedBy = c.timeline.findLast(
    (e): e is TimelineEventOf<'status_changed'> => e.type === 'status_changed' && e.id !== last.id && e.to === last.from,
  )
  const back = last.from === 'closed' ? { closingReason: closedBy?.closingReason, duplicateOf: closedBy?.duplicateOf } : {}
  const events: TimelineEvent[] = [{ ...eventStamp(ctx), type: 'status_changed', from: last.to, to: last.from, reverts: last.id, ...back }]
  const recorded = last.milestoneEvent === undefined ? undefined : effectiveEntry(c, last.milestoneEvent)
  if (recorded && !recorded.withdrawn) events.push({ ...eventStamp(ctx), type: 'event_withdrawn', eventId: recorded.id })
  return changeCase(doc, index, { status: last.from, closingReason: undefined, duplicateOf: undefined, ...back }, events, ctx)
}
