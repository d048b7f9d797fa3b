import { z } from 'zod'
import { Id } from '../cases/fields'

/** Things that happen on a case and that a policy can count from or be met by. */
export const Milestone = z.enum([
  'acknowledgement_sent',
  'evaluation_sent',
  'progress_update_sent',
  'fix_released',
  'publication_consulted',
  'published',
  'credit_confirmed',
  'reward_decided',
])
export type Milestone = z.infer<typeof Milestone>

export const Anchor = z.union([z.literal('received'), Milestone])
export type Anchor = z.infer<typeof Anchor>

export const DueKind = z.enum([
  'acknowledgement',
  'evaluation',
  'progress_update',
  'resolution',
  'publication_consultation',
  'credit_confirmation',
  'reward_decision',
])
export type DueKind = z.infer<typeof DueKind>

export const PolicyRule = z.object({
  /** Also names the rule's merge part ('rules.<id>') and its deadlines (`forDeadline.ruleId`). */
  id: Id,
  due: DueKind,
  /** The sentence of the policy, verbatim, that makes this promise. */
  quote: z.string().min(1),
  /** How a vague sentence is read, shown next to the deadline; empty when the sentence is exact. */
  reading: z.string().default(''),
  from: Anchor,
  /** The event that fulfils the promise. */
  metBy: Milestone,
  /** Null: the policy promises it without a time limit. */
  amount: z.number().int().min(0).max(3650).nullable(),
  unit: z.enum(['business_days', 'calendar_days']),
  /**
   * Calendar days only: when the last day is a weekend day, holiday or closure, the deadline either stays on it or
   * moves to the next business day, as the Dutch General Time Limits Act (Algemene termijnenwet) extends statutory
   * time limits that end on a Saturday, Sunday or public holiday. Business-day counts always end on a business day.
   */
  onDayOff: z.enum(['stays', 'next_business_day']).default('next_business_day'),
  /** A repeating promise (progress updates) restarts at each `metBy` until this event happens. */
  repeatsUntil: Anchor.optional(),
  /** For a promise without a time limit: the event it must be kept before (credit before publication). */
  before: Milestone.optional(),
})
export type PolicyRule = z.infer<typeof PolicyRule>

export const Policy = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  text: z.string().max(100_000),
  rules: z.array(PolicyRule),
  /** The preset this policy was copied from, if any. */
  basedOn: Id.optional(),
})
export type Policy = z.infer<typeof Policy>
