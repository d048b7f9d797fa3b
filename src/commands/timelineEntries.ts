import { z } from 'zod'
import type { Case, TimelineEvent } from '../cases/case'
import { milestoneTimes, repeatableMilestones } from '../cases/history'
import { statusAfterMilestone } from '../cases/lifecycle'
import { parseInput, refusal } from '../errors'
import { policyById } from '../policies/catalog'
import { milestoneLabels } from '../i18n/labels'
import { Milestone } from '../policies/policy'
import type { StoreDocument } from '../store/document'
import { changeCase, eventStamp, findCase } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { checkMilestoneTime } from './timeRules'

const NoteText = z.string().trim().min(1, 'Write a note first').max(100_000)

export const AddNote = z.object({ type: z.literal('case.addNote'), caseId: z.string().min(1), text: NoteText })
export type AddNote = z.input<typeof AddNote>

export const RecordMilestone = z.object({
  type: z.literal('case.recordMilestone'),
  caseId: z.string().min(1),
  milestone: Milestone,
  on: z.iso.datetime({ offset: true, message: 'Enter the date and time it happened' }),
  comment: z.string().trim().max(10_000).optional(),
})
export type RecordMilestone = z.input<typeof RecordMilestone>

export const RepinCalendar = z.object({ type: z.literal('case.repinCalendar'), caseId: z.string().min(1) })
export type RepinCalendar = z.input<typeof RepinCalendar>

export function addNote(doc: StoreDocument, cmd: AddNote, ctx: CommandContext): Outcome<Case> {
  const { caseId, text } = parseInput(AddNote, cmd, 'The note')
  const { index } = findCase(doc, caseId)
  return changeCase(doc, index, {}, [{ ...eventStamp(ctx), type: 'note', text }], ctx)
}

/**
 * Records that something the policy counts happened, at `on`. A milestone that says the case moved on (the
 * acknowledgement went out) moves its status too, as its own status_changed event.
 */
export function recordMilestone(doc: StoreDocument, cmd: RecordMilestone, ctx: CommandContext): Outcome<Case> {
  const { caseId, milestone, on, comment } = parseInput(RecordMilestone, cmd, 'The milestone')
  if (milestone === 'credit_confirmed') throw refusal('milestone', 'Choose the reporter’s credit on the case')
  const { c, index } = findCase(doc, caseId)
  checkMilestoneTime(c, on, ctx.now)
  if (milestoneTimes(c).has(milestone) && !repeatableMilestones(policyById(c.policyId, doc.policies)).has(milestone)) {
    throw refusal('milestone', `${milestoneLabels.en[milestone]} is already on the timeline; correct that entry if its time is wrong`)
  }
  const events: TimelineEvent[] = [{ ...eventStamp(ctx), type: 'milestone', milestone, on, comment: comment || undefined }]
  const status = statusAfterMilestone(c.status, milestone)
  if (status) events.push({ ...eventStamp(ctx), type: 'status_changed', from: c.status, to: status })
  return changeCase(doc, index, status ? { status } : {}, events, ctx)
}

/** Pins the team calendar of today's settings on the case: its deadlines count on it from now on. */
export function repinCalendar(doc: StoreDocument, cmd: RepinCalendar, ctx: CommandContext): Outcome<Case> {
  const { index } = findCase(doc, cmd.caseId)
  return changeCase(doc, index, { calendar: doc.settings.calendar }, [{ ...eventStamp(ctx), type: 'calendar_repinned' }], ctx)
}
