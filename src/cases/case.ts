import { z } from 'zod'
import { CalendarSettings } from '../calendar/spec'
import { Channel, Credit, Id, MailSource, Reporter, Reward, Revision, Severity, shortText, ZonedInstant } from './fields'
import { CaseStatus, ClosingReason } from './lifecycle'
import { TimelineEvent } from './timeline'

export * from './fields'
export { Actor, TimelineEvent } from './timeline'

/** What a user fills in to open a case. */
export const CaseInput = z.object({
  title: shortText(300).min(1, 'Enter a title'),
  reporter: Reporter,
  received: ZonedInstant,
  channel: Channel.default('email'),
  asset: shortText(300).default(''),
  reportText: z.string().max(1_000_000, 'The report text is longer than 1,000,000 characters').default(''),
  severity: Severity.default({ kind: 'unrated' }),
  assigneeId: Id.optional(),
  tags: z.array(shortText(50).min(1)).max(50).default([]),
  policyId: Id.optional(),
  /** The email the report came in as, when it did. */
  mail: MailSource.optional(),
})
export type CaseInput = z.input<typeof CaseInput>

export const Case = CaseInput.extend({
  id: Id,
  key: z.string().regex(/^VD-\d{4}-\d{3,}$/),
  status: CaseStatus,
  closingReason: ClosingReason.optional(),
  duplicateOf: Id.optional(),
  credit: Credit,
  reward: Reward,
  policyId: Id,
  /** The team's calendar when the case was received: later changes to settings do not move its promised dates. */
  calendar: CalendarSettings,
  timeline: z.array(TimelineEvent),
  sample: z.boolean().default(false),
  revision: Revision,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type Case = z.infer<typeof Case>

const { channel, asset, reportText, severity, tags } = CaseInput.shape

/**
 * Fields a user may edit on an existing case; status, timeline and identity move only through their own operations.
 * Without CaseInput's defaults: zod 4 fills defaults even in optional fields, so `{ title }` would blank the report text.
 * Not the mail it came in as: that is what arrived, not something to edit.
 */
export const CasePatch = CaseInput.omit({ mail: true })
  .extend({
    channel: channel.unwrap(),
    asset: asset.unwrap(),
    reportText: reportText.unwrap(),
    severity: severity.unwrap(),
    tags: tags.unwrap(),
  })
  .partial()
  .extend({
    /** null takes the case off its assignee. */
    assigneeId: Id.nullable().optional(),
    credit: Credit.optional(),
    reward: Reward.optional(),
  })
export type CasePatch = z.input<typeof CasePatch>
