import { z } from 'zod'
import { CalendarSettings } from '../calendar/spec'
import { Milestone } from '../policies/policy'
import { CaseStatus, ClosingReason } from './lifecycle'

const shortText = (max: number) => z.string().trim().max(max, `At most ${max} characters`)

export const Reporter = z.object({
  name: shortText(200).min(1, 'Enter the reporter’s name'),
  email: z.email('Enter a valid email address').max(320),
  handle: shortText(100).optional(),
  language: z.enum(['en', 'nl']).default('en'),
  pgpPublicKey: z.string().max(100_000).optional(),
})
export type Reporter = z.infer<typeof Reporter>

/** An instant with the zone it was given in, so that "received Fri 16:10" keeps meaning the reporter's Friday. */
export const ZonedInstant = z.object({
  at: z.iso.datetime({ offset: true, message: 'Enter a date and time' }),
  timeZone: z.string().min(1),
})
export type ZonedInstant = z.infer<typeof ZonedInstant>

export const Rating = z.enum(['none', 'low', 'medium', 'high', 'critical'])
export type Rating = z.infer<typeof Rating>

export const Severity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unrated') }),
  z.object({ kind: z.literal('rating'), rating: Rating }),
  z.object({
    kind: z.literal('cvss'),
    version: z.enum(['3.1', '4.0']),
    vector: z.string().max(500),
    score: z.number().min(0).max(10),
    rating: Rating,
  }),
])
export type Severity = z.infer<typeof Severity>

export const Channel = z.enum(['email', 'web_form', 'other'])
export type Channel = z.infer<typeof Channel>

export const CreditChoice = z.enum(['not_asked', 'named', 'handle', 'anonymous', 'declined'])
export const CveCreditType = z.enum(['finder', 'reporter', 'analyst', 'coordinator', 'remediation_developer', 'other'])

export const Credit = z.object({
  choice: CreditChoice.default('not_asked'),
  displayName: shortText(200).optional(),
  url: z
    .url({ protocol: /^https?$/, message: 'Use an http or https address' })
    .max(2000)
    .optional(),
  cveCreditType: CveCreditType.default('finder'),
})
export type Credit = z.infer<typeof Credit>

export const RewardStatus = z.enum(['none', 'proposed', 'approved', 'paid'])
export const Reward = z.object({
  amount: z.number().min(0).max(10_000_000).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code').default('EUR'),
  swag: z.boolean().default(false),
  status: RewardStatus.default('none'),
})
export type Reward = z.infer<typeof Reward>

const eventBase = { id: z.string().min(1), at: z.iso.datetime({ offset: true }), by: z.string().max(200) }

export const TimelineEvent = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('created') }),
  z.object({
    ...eventBase,
    type: z.literal('field_changed'),
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
    duplicateOf: z.string().optional(),
    comment: z.string().max(10_000).optional(),
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
])
export type TimelineEvent = z.infer<typeof TimelineEvent>

/** What a user fills in to open a case. */
export const CaseInput = z.object({
  title: shortText(300).min(1, 'Enter a title'),
  reporter: Reporter,
  received: ZonedInstant,
  channel: Channel.default('email'),
  asset: shortText(300).default(''),
  reportText: z.string().max(1_000_000, 'The report text is longer than 1,000,000 characters').default(''),
  severity: Severity.default({ kind: 'unrated' }),
  assigneeId: z.string().min(1).optional(),
  tags: z.array(shortText(50).min(1)).max(50).default([]),
  policyId: z.string().optional(),
})
export type CaseInput = z.input<typeof CaseInput>

export const Case = CaseInput.extend({
  id: z.string().min(1),
  key: z.string().regex(/^VD-\d{4}-\d{3,}$/),
  status: CaseStatus,
  closingReason: ClosingReason.optional(),
  duplicateOf: z.string().optional(),
  credit: Credit,
  reward: Reward,
  policyId: z.string().min(1),
  /** The team's calendar when the case was received: later changes to settings do not move its promised dates. */
  calendar: CalendarSettings,
  timeline: z.array(TimelineEvent),
  sample: z.boolean().default(false),
  revision: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type Case = z.infer<typeof Case>

const { channel, asset, reportText, severity, tags } = CaseInput.shape

/**
 * Fields a user may edit on an existing case; status, timeline and identity move only through their own operations.
 * Without CaseInput's defaults: zod 4 fills defaults even in optional fields, so `{ title }` would blank the report text.
 */
export const CasePatch = CaseInput.extend({
  channel: channel.unwrap(),
  asset: asset.unwrap(),
  reportText: reportText.unwrap(),
  severity: severity.unwrap(),
  tags: tags.unwrap(),
})
  .partial()
  .extend({
    /** null takes the case off its assignee. */
    assigneeId: z.string().min(1).nullable().optional(),
    credit: Credit.optional(),
    reward: Reward.optional(),
  })
export type CasePatch = z.input<typeof CasePatch>
