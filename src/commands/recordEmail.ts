import { z } from 'zod'
import { type Case, type TimelineEvent, ZonedInstant } from '../cases/case'
import { milestoneBlock } from '../cases/history'
import { canTransition, statusAfterMilestone } from '../cases/lifecycle'
import { DraftInputs, purposeMilestones, purposeStatuses, TemplateId, TemplatePurpose } from '../drafts/template'
import { parseInput, refusal } from '../errors'
import { Language } from '../i18n/language'
import { policyById } from '../policies/catalog'
import type { StoreDocument } from '../store/document'
import { isTimeZone } from '../time'
import { changeCase, checkRevision, eventStamp, findCase } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { resolutionPromise } from './promiseResolution'
import { applyTransition } from './statusMove'
import { checkMilestoneTime } from './timeRules'

const Address = z.string().trim().min(1, 'Enter an address').max(600)

/** The email as it went out: the rendered text, not the template, so that the record says what the reporter read. */
export const SentEmail = z.object({
  templateId: TemplateId,
  purpose: TemplatePurpose,
  language: Language,
  from: Address,
  to: z.array(Address).min(1, 'Name at least one recipient').max(100),
  cc: z.array(Address).max(100).default([]),
  subject: z.string().max(2_000),
  body: z.string().max(1_000_000),
  encrypted: z.boolean().default(false),
})
export type SentEmail = z.input<typeof SentEmail>

export const RecordEmail = z.object({
  type: z.literal('case.recordEmail'),
  caseId: z.string().min(1),
  revision: z.number().int().min(1).optional(),
  email: SentEmail,
  on: z.iso.datetime({ offset: true, message: 'Enter the date and time it was sent' }),
  forDeadline: z.object({ ruleId: z.string().min(1), occurrence: z.number().int().min(1) }).optional(),
  inputs: DraftInputs.optional(),
})
export type RecordEmail = z.input<typeof RecordEmail>

/**
 * The milestone the email keeps and the status move it makes, through the same rule as recording the milestone by
 * hand (milestoneBlock). The email went out whatever the case's state, so a milestone the case cannot take now
 * (already on the timeline, or not yet in its status) is simply not recorded, and the email is.
 */
function milestoneOf(doc: StoreDocument, c: Case, email: z.output<typeof SentEmail>, on: string, ctx: CommandContext) {
  const milestone = purposeMilestones[email.purpose]
  if (!milestone || milestoneBlock(c, policyById(c.policyId, doc.policies), milestone)) return { events: [], status: c.status }
  const recorded: TimelineEvent = { ...eventStamp(ctx), type: 'milestone', milestone, on }
  const status = statusAfterMilestone(c.status, milestone)
  if (!status) return { events: [recorded], status: c.status, recorded }
  const moved: TimelineEvent = { ...eventStamp(ctx), type: 'status_changed', from: c.status, to: status, milestoneEvent: recorded.id }
  return { events: [recorded, moved], status, recorded }
}

/**
 * Records an email the team sent from its own mail app: what it said and to whom, the milestone it keeps (meeting the
 * deadline it was drafted for and starting the ones counted from it), the status its purpose moves the case to (a
 * request for information waits for the reporter), and what it committed to: the expected resolution date, which
 * becomes a deadline of its own, and a proposed publication moment.
 */
export function recordEmail(doc: StoreDocument, cmd: RecordEmail, ctx: CommandContext): Outcome<Case> {
  const { caseId, revision, email, on, forDeadline, inputs } = parseInput(RecordEmail, cmd, 'The sent email')
  const { c, index } = findCase(doc, caseId)
  checkRevision(c, revision)
  checkMilestoneTime(c, on, ctx.now)
  const milestone = milestoneOf(doc, c, email, on, ctx)
  const sent: TimelineEvent = {
    ...eventStamp(ctx),
    type: 'email_sent',
    ...email,
    on,
    forDeadline,
    milestoneEvent: milestone.recorded?.id,
    inputs,
  }
  const events: TimelineEvent[] = [sent, ...milestone.events]
  let changes: Partial<Case> = milestone.status === c.status ? {} : { status: milestone.status }
  // A purpose that moves the status (a request for information) does so where the lifecycle allows it from there.
  const to = purposeStatuses[email.purpose]
  if (to && canTransition(milestone.status, to)) {
    const move = applyTransition({ ...c, status: milestone.status, timeline: [...c.timeline, ...events] }, { to }, ctx, (ref) => ref)
    events.push(...move.events)
    changes = { ...changes, ...move.changes }
  }
  if (inputs?.expectedResolutionDate !== undefined) {
    events.push(resolutionPromise(c, inputs.expectedResolutionDate, on, 'inputs.expectedResolutionDate', ctx, sent.id))
  }
  if (inputs?.publication !== undefined) events.push(publicationProposal(inputs.publication, on, ctx, sent.id))
  return changeCase(doc, index, changes, events, ctx)
}

/** A publication moment proposed in the email: in a zone the reporter's clock can show, and after the email went out. */
function publicationProposal(publication: ZonedInstant, on: string, ctx: CommandContext, emailEvent: string): TimelineEvent {
  if (!isTimeZone(publication.timeZone)) throw refusal('inputs.publication.timeZone', 'Choose a time zone from the list')
  if (Date.parse(publication.at) < Date.parse(on)) {
    throw refusal('inputs.publication.at', 'The proposed publication lies before the email was sent; propose a later moment')
  }
  return { ...eventStamp(ctx), type: 'publication_proposed', publication, emailEvent }
}
