import { z } from 'zod'
import { Id, Revision } from '../cases/fields'
import { type Case, type TimelineEvent, ZonedInstant } from '../cases/case'
import { milestonePath } from '../cases/history'
import { DeadlineRef } from '../cases/timeline'
import { canTransition } from '../cases/lifecycle'
import { mailbox, mailboxes } from '../drafts/mailbox'
import { DraftInputs, purposeMilestones, purposeStatuses, TemplateId, TemplatePurpose } from '../drafts/template'
import { parseInput, refusal } from '../errors'
import { Language } from '../i18n/language'
import { policyById } from '../policies/catalog'
import type { StoreDocument } from '../store/document'
import { isTimeZone } from '../time'
import { changeCase, checkRevision, eventStamp, findCase } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { resolutionPromise } from './promiseResolution'
import { applyTransition, movedCase } from './statusMove'
import { checkMilestoneTime } from './timeRules'

const Address = z.string().trim().min(1, 'Enter an address').max(600)

/** The email as it went out: the rendered text, not the template, so that the record says what the reporter read. */
export const SentEmail = z.object({
  templateId: TemplateId,
  purpose: TemplatePurpose,
  language: Language,
  from: Address,
  // The draft outputs' limit (the IPC contract's DraftMessage): what could not be drafted here was not sent from here.
  to: z.array(Address).min(1, 'Name at least one recipient').max(50, 'Name at most 50 recipients'),
  cc: z.array(Address).max(50, 'Name at most 50 copy recipients').default([]),
  subject: z.string().max(2_000),
  body: z.string().max(1_000_000),
  encrypted: z.boolean().default(false),
})
export type SentEmail = z.input<typeof SentEmail>

export const RecordEmail = z.object({
  type: z.literal('case.recordEmail'),
  caseId: Id,
  revision: Revision.optional(),
  email: SentEmail,
  on: z.iso.datetime({ offset: true, message: 'Enter the date and time it was sent' }),
  forDeadline: DeadlineRef.optional(),
  inputs: DraftInputs.optional(),
})
export type RecordEmail = z.input<typeof RecordEmail>

/**
 * The milestone the email keeps and the status moves it makes, through the same rules as recording the milestone by
 * hand (milestoneBlock). An email that says the milestone happened while the case is not yet where the lifecycle
 * records it (an evaluation sent from Acknowledged) first moves the case there (movesIntoWindow, by the moves a
 * person would make); recording the milestone may then move it on (statusMilestones). The email went out whatever the
 * case's state, so a milestone the case cannot take (already on the timeline, or no such way) is simply not recorded,
 * and the email is. Returns the case as it stands after these events.
 */
function milestoneOf(doc: StoreDocument, c: Case, email: z.output<typeof SentEmail>, on: string, ctx: CommandContext) {
  const milestone = purposeMilestones[email.purpose]
  const none = { events: [] as TimelineEvent[], after: c, recorded: undefined }
  if (!milestone) return none
  const plan = milestonePath(c, policyById(c.policyId, doc.policies), milestone)
  if ('blocked' in plan) return none
  let after = c
  for (const to of plan.moves) after = movedCase(after, applyTransition(after, { to }, ctx, (ref) => ref))
  const recorded: TimelineEvent = { ...eventStamp(ctx), type: 'milestone', milestone, on }
  const status = plan.then
  const moved: TimelineEvent[] = status
    ? [{ ...eventStamp(ctx), type: 'status_changed', from: after.status, to: status, milestoneEvent: recorded.id }]
    : []
  after = movedCase(after, { changes: { status: status ?? after.status }, events: [recorded, ...moved] })
  return { events: after.timeline.slice(c.timeline.length), after, recorded }
}

/** Every address is one mailbox, as the draft outputs read them: a list or a header in a field is refused, by field. */
function checkAddresses(email: z.output<typeof SentEmail>): void {
  mailbox(email.from, 'email.from', 'The sender')
  mailboxes(email.to, 'email.to', 'Recipient')
  mailboxes(email.cc, 'email.cc', 'Copy recipient')
}

/**
 * Records an email the team sent from its own mail app: what it said and to whom, the milestone it keeps (meeting the
 * deadline it was drafted for and starting the ones counted from it), the status its purpose moves the case to (a
 * request for information waits for the reporter), and what it committed to: the expected resolution date, which
 * becomes a deadline of its own, and a proposed publication moment.
 */
export function recordEmail(doc: StoreDocument, cmd: RecordEmail, ctx: CommandContext): Outcome<Case> {
  const { caseId, revision, email, on, forDeadline, inputs } = parseInput(RecordEmail, cmd, 'The sent email')
  checkAddresses(email)
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
  let after = milestone.after
  // A purpose that moves the status (a request for information) does so where the lifecycle allows it from there.
  const to = purposeStatuses[email.purpose]
  if (to && canTransition(after.status, to)) after = movedCase(after, applyTransition(after, { to }, ctx, (ref) => ref))
  const events: TimelineEvent[] = [sent, ...after.timeline.slice(c.timeline.length)]
  if (inputs?.expectedResolutionDate !== undefined) {
    events.push(resolutionPromise(c, inputs.expectedResolutionDate, on, 'inputs.expectedResolutionDate', ctx, sent.id))
  }
  if (inputs?.publication !== undefined) events.push(publicationProposal(inputs.publication, on, ctx, sent.id))
  // Only open statuses are reached here (no close, no reopen), so there is no closing reason to carry.
  const changes: Partial<Case> = after.status === c.status ? {} : { status: after.status }
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
