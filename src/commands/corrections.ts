import { z } from 'zod'
import { Id } from '../cases/fields'
import type { Case, TimelineEvent } from '../cases/case'
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
  caseId: Id,
  eventId: Id,
  /** A milestone's corrected time. */
  on: z.iso.datetime({ offset: true, message: 'Enter the date and time it happened' }).optional(),
  /** A milestone's corrected comment; empty clears it. */
  comment: z.string().trim().max(10_000).optional(),
  /** A note's corrected text. */
  text: z.string().trim().min(1, 'Write the corrected note').max(100_000).optional(),
  reason: Reason,
})
export type CorrectEvent = z.input<typeof CorrectEvent>

export const WithdrawEvent = z.object({ type: z.literal('case.withdrawEvent'), caseId: Id, eventId: Id, reason: Reason })
export type WithdrawEvent = z.input<typeof WithdrawEvent>

/** The milestone or note a correction or withdrawal names, as it stands; the record of anything else stays as it is. */
function correctable(c: Case, eventId: string): EffectiveEntry {
  if (!c.timeline.some((e) => e.id === eventId)) {
    throw new DeskError('not_found', 'This entry is no longer on the timeline of the case. Reload the case.')
  }
  const entry = effectiveEntry(c, eventId)
  if (!entry) throw new DeskError('invalid_input', 'Only a milestone or a note can be corrected; an email, a promised date or a proposed publication can be withdrawn.')
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

/** Records the team gives the reporter that a withdrawal can take back, besides milestones and notes. */
const withdrawableRecords: ReadonlySet<TimelineEvent['type']> = new Set(['email_sent', 'resolution_promised', 'publication_proposed'])

/**
 * Takes a milestone or note, an email marked as sent, a promised resolution date or a proposed publication out of the
 * count, by a new event naming it; it stays on the timeline, marked as withdrawn. A milestone that a status move says
 * the same as (linkedStatusMove: Acknowledged because the acknowledgement went out) takes that move back with it, as
 * reverting the move would: status and milestones agree both ways. That can only be the latest move; once the case
 * moved on, the later moves stand on this one, so the person undoes them first or corrects the date (which leaves the
 * status as it is). An email marked as sent by mistake did not go out: the milestone it recorded is withdrawn by the
 * same rule, and the date and publication it promised with it.
 */
export function withdrawEvent(doc: StoreDocument, cmd: WithdrawEvent, ctx: CommandContext): Outcome<Case> {
  const { caseId, eventId, reason } = parseInput(WithdrawEvent, cmd, 'The withdrawal')
  const { c, index } = findCase(doc, caseId)
  const why = reason || undefined
  const event = c.timeline.find((e) => e.id === eventId)
  if (!event || !withdrawableRecords.has(event.type)) {
    const move = milestoneWithdrawal(c, correctable(c, eventId), why, ctx)
    return changeCase(doc, index, move.changes, move.events, ctx)
  }
  const withdrawn = new Set(c.timeline.flatMap((e) => (e.type === 'event_withdrawn' ? [e.eventId] : [])))
  if (withdrawn.has(eventId)) {
    throw new DeskError('invalid_input', 'This entry was withdrawn already; it no longer counts and cannot be changed.')
  }
  const withdrawal = (id: string): TimelineEvent => ({ ...eventStamp(ctx), type: 'event_withdrawn', eventId: id, reason: why })
  if (event.type !== 'email_sent') return changeCase(doc, index, {}, [withdrawal(eventId)], ctx)
  const recorded = event.milestoneEvent === undefined ? undefined : effectiveEntry(c, event.milestoneEvent)
  const move = recorded && !recorded.withdrawn ? milestoneWithdrawal(c, recorded, why, ctx) : { changes: {}, events: [] }
  const promised = c.timeline.filter(
    (e) => (e.type === 'resolution_promised' || e.type === 'publication_proposed') && e.emailEvent === eventId && !withdrawn.has(e.id),
  )
  return changeCase(doc, index, move.changes, [withdrawal(eventId), ...move.events, ...promised.map((e) => withdrawal(e.id))], ctx)
}

/** The events that withdraw a standing milestone or note, with the status move linked to it (see withdrawEvent). */
function milestoneWithdrawal(c: Case, entry: EffectiveEntry, reason: string | undefined, ctx: CommandContext): { changes: Partial<Case>; events: TimelineEvent[] } {
  const move = linkedStatusMove(c, entry.id)
  if (entry.type !== 'milestone' || !move) {
    return { changes: {}, events: [{ ...eventStamp(ctx), type: 'event_withdrawn', eventId: entry.id, reason }] }
  }
  if (move.id !== latestStatusMove(c)?.id || move.to !== c.status) {
    throw refusal('reason', movedOnText(c, entry, move), 'invalid_transition')
  }
  return revertMove(c, move, ctx, reason)
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
