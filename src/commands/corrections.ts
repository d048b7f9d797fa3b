import { z } from 'zod'
import type { Case } from '../cases/case'
import { effectiveEntry, latestStatusMove, linkedStatusMove, type EffectiveEntry } from '../cases/history'
import type { TimelineEventOf } from '../cases/timeline'
import { DeskError, parseInput, refusal } from '../errors'
import { milestoneLabels, statusLabels } from '../i18n/labels'
import type { StoreDocument } from '../store/document'
import { changeCase, eventStamp, findCase, unchanged } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { revertMove } from './statusMove'
import { checkMilestoneTime } from './timeRules'

const Reason = z.string().trim().max(10_000).optional()

export const CorrectEvent = z.object({
  type: z.literal('case.correctEvent'),
  caseId: z.string().min(1),
  eventId: z.string().min(1),
  /** A milestone's corrected time. */
  on: z.iso.datetime({ offset: true, message: 'Enter the date and time it happened' }).optional(),
  /** A milestone's corrected comment; empty clears it. */
  comment: z.string().trim().max(10_000).optional(),
  /** A note's corrected text. */
  text: z.string().trim().min(1, 'Write the corrected note').max(100_000).optional(),
  reason: Reason,
})
export type CorrectEvent = z.input<typeof CorrectEvent>

export const WithdrawEvent = z.object({ type: z.literal('case.withdrawEvent'), caseId: z.string().min(1), eventId: z.string().min(1), reason: Reason })
export type WithdrawEvent = z.input<typeof WithdrawEvent>

/** The milestone or note a correction or withdrawal names, as it stands; the record of anything else stays as it is. */
function correctable(c: Case, eventId: string): EffectiveEntry {
  if (!c.timeline.some((e) => e.id === eventId)) {
    throw new DeskError('not_found', 'This entry is no longer on the timeline of the case. Reload the case.')
  }
  const entry = effectiveEntry(c, eventId)
  if (!entry) throw new DeskError('invalid_input', 'Only a milestone or a note can be corrected or withdrawn.')
  if (entry.withdrawn) throw new DeskError('invalid_input', 'This entry was withdrawn already; it no longer counts and cannot be changed.')
  return entry
}

/**
 * Corrects a milestone's time or comment, or a note's text, by a new event naming the one it replaces: the record is
 * append-only, and deadlines follow the corrected time. The corrected time obeys the rules of a recorded one.
 */
export function correctEvent(doc: StoreDocument, cmd: CorrectEvent, ctx: CommandContext): Outcome<Case> {
  const { caseId, eventId, on, comment, text, reason } = parseInput(CorrectEvent, cmd, 'The correction')
  const { c, index } = findCase(doc, caseId)
  const entry = correctable(c, eventId)
  if (entry.type === 'milestone') {
    if (text !== undefined) throw refusal('text', 'A milestone has no text; correct its time or its comment')
    if (on === undefined && comment === undefined) throw refusal('on', 'Enter the corrected time or comment')
    if (on !== undefined) checkMilestoneTime(c, on, ctx.now)
    const sameOn = on === undefined || Date.parse(on) === Date.parse(entry.on)
    if (sameOn && (comment === undefined || comment === (entry.comment ?? ''))) return unchanged(doc, c)
  } else {
    if (on !== undefined || comment !== undefined) throw refusal('text', 'A note has only its text to correct')
    if (text === undefined) throw refusal('text', 'Write the corrected note')
    if (text === entry.text) return unchanged(doc, c)
  }
  const correction = { ...eventStamp(ctx), type: 'event_corrected' as const, eventId, on, comment, text, reason: reason || undefined }
  return changeCase(doc, index, {}, [correction], ctx)
}

/**
 * Takes a milestone or note out of the count; it stays on the timeline, marked as withdrawn. A milestone that a status
 * move says the same as (linkedStatusMove: Acknowledged because the acknowledgement went out) takes that move back with
 * it, as reverting the move would: status and milestones agree both ways. That can only be the latest move; once the
 * case moved on, the later moves stand on this one, so the person undoes them first or corrects the date (which leaves
 * the status as it is).
 */
export function withdrawEvent(doc: StoreDocument, cmd: WithdrawEvent, ctx: CommandContext): Outcome<Case> {
  const { caseId, eventId, reason } = parseInput(WithdrawEvent, cmd, 'The withdrawal')
  const { c, index } = findCase(doc, caseId)
  const entry = correctable(c, eventId)
  const move = linkedStatusMove(c, eventId)
  if (entry.type !== 'milestone' || !move) {
    return changeCase(doc, index, {}, [{ ...eventStamp(ctx), type: 'event_withdrawn', eventId, reason: reason || undefined }], ctx)
  }
  if (move.id !== latestStatusMove(c)?.id || move.to !== c.status) {
    throw refusal('reason', movedOnText(c, entry, move), 'invalid_transition')
  }
  const revert = revertMove(c, move, ctx, reason || undefined)
  return changeCase(doc, index, revert.changes, revert.events, ctx)
}

/** Why a milestone linked to an earlier status move cannot be withdrawn, naming which of the two made the other. */
function movedOnText(c: Case, milestone: EffectiveEntry & { type: 'milestone' }, move: TimelineEventOf<'status_changed'>): string {
  const what = milestoneLabels.en[milestone.milestone]
  const status = statusLabels.en[move.to]
  // recordMilestone writes the milestone before the move it makes; a move writes the milestone it records after itself.
  const milestoneFirst = c.timeline.findIndex((e) => e.id === milestone.id) < c.timeline.findIndex((e) => e.id === move.id)
  const link = milestoneFirst ? `${what} moved this case to ${status}` : `Moving this case to ${status} recorded ${what}`
  return `${link}, and the case has moved on since; undo the later moves first, or correct the date instead`
}
