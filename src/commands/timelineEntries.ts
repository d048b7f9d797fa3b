import { z } from 'zod'
import { Id } from '../cases/fields'
import type { Case, TimelineEvent } from '../cases/case'
import { milestoneBlock, type MilestoneBlock } from '../cases/history'
import { CaseStatus, statusAfterMilestone } from '../cases/lifecycle'
import { parseInput, refusal } from '../errors'
import { policyById } from '../policies/catalog'
import { milestoneLabels, statusLabels } from '../i18n/labels'
import { Milestone } from '../policies/policy'
import type { StoreDocument } from '../store/document'
import { changeCase, eventStamp, findCase } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { checkMilestoneTime } from './timeRules'

const NoteText = z.string().trim().min(1, 'Write a note first').max(100_000)

export const AddNote = z.object({ type: z.literal('case.addNote'), caseId: Id, text: NoteText })
export type AddNote = z.input<typeof AddNote>

export const RecordMilestone = z.object({
  type: z.literal('case.recordMilestone'),
  caseId: Id,
  milestone: Milestone,
  on: z.iso.datetime({ offset: true, message: 'Enter the date and time it happened' }),
  comment: z.string().trim().max(10_000).optional(),
})
export type RecordMilestone = z.input<typeof RecordMilestone>

export const RepinCalendar = z.object({ type: z.literal('case.repinCalendar'), caseId: Id })
export type RepinCalendar = z.input<typeof RepinCalendar>

export function addNote(doc: StoreDocument, cmd: AddNote, ctx: CommandContext): Outcome<Case> {
  const { caseId, text } = parseInput(AddNote, cmd, 'The note')
  const { index } = findCase(doc, caseId)
  return changeCase(doc, index, {}, [{ ...eventStamp(ctx), type: 'note', text }], ctx)
}

/** A milestone the case cannot take now (history's milestoneBlock), in the person's words. */
function blockText(block: MilestoneBlock, milestone: Milestone): string {
  const what = milestoneLabels.en[milestone]
  switch (block.reason) {
    case 'credit_on_case':
      return 'Choose the reporter’s credit on the case'
    case 'already_recorded':
      return `${what} is already on the timeline; correct that entry if its time is wrong`
    case 'needs_first':
      return `${what} comes after ${milestoneLabels.en[block.milestone]}; record that first`
    case 'not_in_status':
      if (block.status === 'closed') return `${what} cannot be recorded on a closed case; reopen the case first`
      return CaseStatus.options.indexOf(block.status) < CaseStatus.options.indexOf(block.from)
        ? `${what} comes later: a case that is ${statusLabels.en[block.status]} records it once it is ${statusLabels.en[block.from]}`
        : `${what} no longer fits a case that is ${statusLabels.en[block.status]}`
  }
}

/**
 * Records that something the policy counts happened, at `on`: only what the milestone picker offers (nextMilestones,
 * one rule). A milestone that says the case moved on (the acknowledgement went out) moves its status too, as its own
 * status_changed event naming the milestone, so that taking that move back withdraws the milestone with it.
 */
export function recordMilestone(doc: StoreDocument, cmd: RecordMilestone, ctx: CommandContext): Outcome<Case> {
  const { caseId, milestone, on, comment } = parseInput(RecordMilestone, cmd, 'The milestone')
  const { c, index } = findCase(doc, caseId)
  const block = milestoneBlock(c, policyById(c.policyId, doc.policies), milestone)
  if (block) throw refusal('milestone', blockText(block, milestone))
  checkMilestoneTime(c, on, ctx.now)
  const recorded: TimelineEvent = { ...eventStamp(ctx), type: 'milestone', milestone, on, comment: comment || undefined }
  const status = statusAfterMilestone(c.status, milestone)
  if (!status) return changeCase(doc, index, {}, [recorded], ctx)
  const moved: TimelineEvent = { ...eventStamp(ctx), type: 'status_changed', from: c.status, to: status, milestoneEvent: recorded.id }
  return changeCase(doc, index, { status }, [recorded, moved], ctx)
}

/** Pins the team calendar of today's settings on the case: its deadlines count on it from now on. */
export function repinCalendar(doc: StoreDocument, cmd: RepinCalendar, ctx: CommandContext): Outcome<Case> {
  const { index } = findCase(doc, cmd.caseId)
  return changeCase(doc, index, { calendar: doc.settings.calendar }, [{ ...eventStamp(ctx), type: 'calendar_repinned' }], ctx)
}
