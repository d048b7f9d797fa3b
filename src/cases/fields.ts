import { z } from 'zod'
import { Language } from '../i18n/language'
import { TimeZoneName } from '../time/zone'

/** The values a case is made of: the case schema and the timeline's record of a field change both use them. */
/** Any id the app hands out (a case's, a member's, a policy's, a timeline entry's): a UUID or a short name, never more. */
export const Id = z.string().min(1, 'Fill this in').max(200, 'An id has at most 200 characters; choose it from the list again')

/** How many times a case was saved; a change names the revision it was made on. */
export const Revision = z
  .number({ error: 'The revision is a whole number from 1 up; reload the case and make your change again' })
  .int('The revision is a whole number from 1 up; reload the case and make your change again')
  .min(1, 'The revision is a whole number from 1 up; reload the case and make your change again')

export const shortText = (max: number) => z.string().trim().max(max, `At most ${max} characters`)

export const Reporter = z.object({
  name: shortText(200).min(1, 'Enter the reporter’s name'),
  email: z.email('Enter a valid email address').max(320),
  handle: shortText(100).optional(),
  /** What the desk writes to the reporter in. */
  language: Language.default('en'),
  pgpPublicKey: z.string().max(100_000).optional(),
})
export type Reporter = z.infer<typeof Reporter>

/** An instant with the zone it was given in, so that "received Fri 16:10" keeps meaning the reporter's Friday. */
export const ZonedInstant = z.object({
  at: z.iso.datetime({ offset: true, message: 'Enter a date and time' }),
  timeZone: TimeZoneName,
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

/** An attachment of a report that came in as an email: listed with its digest, never opened; the bytes stay out of the store. */
export const AttachmentInfo = z.object({
  name: shortText(255),
  type: z.string().max(255),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest in lowercase hex'),
})
export type AttachmentInfo = z.infer<typeof AttachmentInfo>

/** Where a report that came in as an email came from: what a reply needs to thread, and what arrived with it. */
export const MailSource = z.object({
  // RFC 5322 caps a header line at 998 characters.
  messageId: z.string().max(998).optional(),
  references: z.array(z.string().max(998)).max(1000).default([]),
  encrypted: z.boolean().default(false),
  attachments: z.array(AttachmentInfo).max(1000).default([]),
})
export type MailSource = z.infer<typeof MailSource>
