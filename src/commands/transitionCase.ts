import { z } from 'zod'
import { Id, Revision } from '../cases/fields'
import type { Case } from '../cases/case'
import { latestStatusMove } from '../cases/history'
import { Transition } from '../cases/lifecycle'
import { DeskError, parseInput } from '../errors'
import { policyById } from '../policies/catalog'
import type { StoreDocument } from '../store/document'
import { changeCase, checkRevision, findCase } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { refuseOpenPromises } from './previewTransition'
import { originalCase } from './references'
import { applyTransition, movedCase, revertMove } from './statusMove'

const Revised = { caseId: Id, revision: Revision.optional() }

export const TransitionCase = z.object({
  type: z.literal('case.transition'),
  ...Revised,
  transition: Transition,
  /** The person saw the promises this move leaves open (previewTransition) and goes ahead anyway. */
  acceptOpenPromises: z.boolean().optional(),
})
export type TransitionCase = z.input<typeof TransitionCase>

export const RevertStatus = z.object({ type: z.literal('case.revertStatus'), ...Revised, eventId: Id })
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

/** Takes back the latest status move, a mistake (revertMove), when it is the one the person saw as latest. */
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
  const revert = revertMove(c, last, ctx)
  return changeCase(doc, index, revert.changes, revert.events, ctx)
}
