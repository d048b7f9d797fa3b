import { z } from 'zod'
import { IsoDate } from '../calendar/spec'
import { DraftInputs, TemplateId, TemplatePurpose } from '../drafts/template'
import { Language } from '../i18n/language'
import { Milestone } from '../policies/policy'
import { Channel, CreditChoice, Id, Reporter, Revision, Reward, Severity, ZonedInstant } from './fields'
import { CaseStatus, ClosingReason } from './lifecycle'

/**
 * Who did something: the member's id, and the name as it was then, so a later rename or removal leaves the record true.
 * No name: nobody was chosen under 'I am' (the formatter says Someone). Older events may carry the name 'You' or '';
 * the record is append-only, so they stay valid as they were written.
 */
export const Actor = z.object({ memberId: Id.optional(), name: z.string().max(200).optional() })
export type Actor = z.infer<typeof Actor>

/** An event's id, and the id by which another event names it (a correction, a revert). Made by the app: a UUID. */
export const EventId = z.string().min(1).max(200, 'An event id has at most 200 characters')

/** The deadline an email was sent for: the policy rule's id and which of its deadlines (a repeating one has several). */
export const DeadlineRef = z.object({ ruleId: Id, occurrence: z.number().int().min(1) })

const eventBase = { id: EventId, at: z.iso.datetime({ offset: true }), by: Actor }

/**
 * A team member or policy a case pointed at, with the name it had at the time of the change. No name when none was
 * known then (a member no longer on the team, a policy removed): the formatter words that ("a former member", "a
 * policy that no longer exists"), never the id. Older events may carry '' (a member) or the id (a policy) instead.
 */
const MemberRef = z.object({ memberId: Id, name: z.string().max(200).optional() })
const PolicyRef = z.object({ policyId: Id, name: z.string().max(200).optional() })
/** The reporter without their PGP key (up to 100,000 characters): the change says only whether there is one. */
const ReporterValue = Reporter.omit({ pgpPublicKey: true }).extend({ hasPgpKey: z.boolean() })
/** The report can be a megabyte long; the timeline keeps how long it was, and the case keeps the text. */
const TextLength = z.object({ length: z.number().int().min(0) })
const CreditValue = z.object({ choice: CreditChoice, displayName: z.string().max(200).optional() })

const fieldChange = <F extends string, V extends z.ZodType>(field: F, value: V) =>
  z.object({ ...eventBase, type: z.literal('field_changed'), field: z.literal(field), from: value, to: value })

/** One edited field, old and new value as data; the formatter puts them into words. */
export const FieldChanged = z.discriminatedUnion('field', [
  fieldChange('title', z.string().max(300)),
  fieldChange('reporter', ReporterValue),
  fieldChange('received', ZonedInstant),
  fieldChange('channel', Channel),
  fieldChange('asset', z.string().max(300)),
  fieldChange('reportText', TextLength),
  fieldChange('severity', Severity),
  /** null: nobody. */
  fieldChange('assigneeId', MemberRef.nullable()),
  fieldChange('tags', z.array(z.string().max(50))),
  fieldChange('policyId', PolicyRef),
  fieldChange('credit', CreditValue),
  fieldChange('reward', Reward),
])
export type FieldChanged = z.infer<typeof FieldChanged>
export type ChangeableField = FieldChanged['field']

export const TimelineEvent = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('created') }),
  FieldChanged,
  /** A field change as store format 1 wrote it: English text, kept as it was because its values are gone. */
  z.object({
    ...eventBase,
    type: z.literal('field_described'),
    field: z.string(),
    from: z.string().max(2000),
    to: z.string().max(2000),
  }),
  z.object({
    ...eventBase,
    type: z.literal('status_changed'),
    from: CaseStatus,
    to: CaseStatus,
    closingReason: ClosingReason.optional(),
    duplicateOf: Id.optional(),
    comment: z.string().max(10_000).optional(),
    /** This move takes back that earlier status_changed event (a move made by mistake). */
    reverts: EventId.optional(),
    /**
     * The milestone event that says the same as this move: the one the move recorded (moving to Acknowledged
     * says the acknowledgement went out), or the one recorded by hand that made the move. A revert withdraws it, so the
     * status and the milestones still agree after an undo.
     */
    milestoneEvent: EventId.optional(),
  }),
  z.object({ ...eventBase, type: z.literal('note'), text: z.string().min(1).max(100_000) }),
  /** Something the policy counts: an acknowledgement sent, a fix released. `on` may be earlier than `at` when recorded afterwards. */
  z.object({
    ...eventBase,
    type: z.literal('milestone'),
    milestone: Milestone,
    on: z.iso.datetime({ offset: true }),
    comment: z.string().max(10_000).optional(),
  }),
  z.object({ ...eventBase, type: z.literal('calendar_repinned') }),
  /**
   * The record is append-only: a correction names the milestone or note it replaces and carries the new values; only
   * the fields given change. The latest correction of an event wins.
   */
  z.object({
    ...eventBase,
    type: z.literal('event_corrected'),
    eventId: EventId,
    on: z.iso.datetime({ offset: true }).optional(),
    comment: z.string().max(10_000).optional(),
    text: z.string().min(1).max(100_000).optional(),
    reason: z.string().max(10_000).optional(),
  }),
  /** The milestone or note it names did not happen as recorded: it stays on the timeline but no longer counts. */
  z.object({ ...eventBase, type: z.literal('event_withdrawn'), eventId: EventId, reason: z.string().max(10_000).optional() }),
  /**
   * An email marked as sent, as it went out: the desk does not send mail, so this is the record of what the team sent
   * from its own mail app, and can be opened again. `on` is when it was sent; `at` when it was recorded.
   */
  z.object({
    ...eventBase,
    type: z.literal('email_sent'),
    templateId: TemplateId,
    purpose: TemplatePurpose,
    language: Language,
    on: z.iso.datetime({ offset: true }),
    from: z.string().max(600),
    to: z.array(z.string().max(600)).min(1).max(100),
    cc: z.array(z.string().max(600)).max(100),
    subject: z.string().max(2_000),
    body: z.string().max(1_000_000),
    encrypted: z.boolean(),
    /** The deadline it was drafted for, by rule and occurrence (a repeating update's second is occurrence 2). */
    forDeadline: DeadlineRef.optional(),
    /** The milestone event sending it recorded: withdrawing that milestone leaves the email on record as sent. */
    milestoneEvent: EventId.optional(),
    inputs: DraftInputs.optional(),
  }),
  /**
   * The date the team told the reporter the fix would be out by. The latest one that still counts is the commitment;
   * the earlier ones stay as history, so a slipped date remains visible.
   */
  z.object({ ...eventBase, type: z.literal('resolution_promised'), date: IsoDate, emailEvent: EventId.optional() }),
  /**
   * The publication moment proposed to the reporter, with the zone it was proposed in. Named `publication`, not `at`:
   * every event's `at` is when it was recorded.
   */
  z.object({
    ...eventBase,
    type: z.literal('publication_proposed'),
    publication: ZonedInstant,
    emailEvent: EventId.optional(),
  }),
  /**
   * The case came in from another store's export (Settings → Export and import): from which file, exported when. A
   * case taken in over this store's own copy says which revision it replaced and when that was last changed, and a
   * case given a new key because its own was taken here names the key it had in the file.
   */
  z.object({
    ...eventBase,
    type: z.literal('imported'),
    fileName: z.string().max(300),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    keyInFile: z.string().max(100).optional(),
    replaced: z.object({ revision: Revision, updatedAt: z.iso.datetime({ offset: true }) }).optional(),
  }),
])
export type TimelineEvent = z.infer<typeof TimelineEvent>
export type TimelineEventOf<T extends TimelineEvent['type']> = Extract<TimelineEvent, { type: T }>
