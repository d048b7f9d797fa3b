import { z } from 'zod'
import { IsoDate } from '../calendar/spec'
import { ZonedInstant } from '../cases/fields'
import type { CaseStatus } from '../cases/lifecycle'
import type { Milestone } from '../policies/policy'

/** What an email is for: the promises of the policies and the common replies of a security team. */
export const TemplatePurpose = z.enum([
  'acknowledgement',
  'request_info',
  'evaluation',
  'progress_update',
  'fix_released',
  'publication_consultation',
  'credit_confirmation',
  'reward_decision',
  'not_vulnerability',
  'duplicate',
  'closing',
])
export type TemplatePurpose = z.infer<typeof TemplatePurpose>

export const TemplateId = z
  .string()
  // Said first, and alone: a pasted paragraph is too long, whatever its letters.
  .max(80, { error: 'A template id has at most 80 characters', abort: true })
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lowercase letters, digits, - and _')

/** One language of a template: Liquid source for the subject line and the body. */
export const TemplateText = z.object({
  subject: z.string().max(2_000, 'At most 2,000 characters'),
  body: z.string().max(200_000, 'At most 200,000 characters'),
})
export type TemplateText = z.infer<typeof TemplateText>

/**
 * A template as shipped or as the team keeps it in the store. A stored template with a shipped template's id is that
 * template edited (removing it resets the shipped text); any other id is the team's own, usually a copy (`basedOn`).
 */
export const DraftTemplate = z.object({
  id: TemplateId,
  name: z.string().trim().min(1, 'Enter a name').max(200, 'At most 200 characters'),
  purpose: TemplatePurpose,
  texts: z.object({ en: TemplateText, nl: TemplateText }),
  basedOn: TemplateId.optional(),
})
export type DraftTemplate = z.infer<typeof DraftTemplate>

/**
 * What the person drafting decides that the case does not know yet: the resolution date an evaluation or progress
 * update promises, the publication moment a consultation proposes. Recorded on the case when the email is marked sent.
 */
export const DraftInputs = z.object({
  expectedResolutionDate: IsoDate.optional(),
  publication: ZonedInstant.optional(),
})
export type DraftInputs = z.infer<typeof DraftInputs>

/** The milestone that sending an email of this purpose records: it keeps the promise the email was written for. */
export const purposeMilestones: Partial<Record<TemplatePurpose, Milestone>> = {
  acknowledgement: 'acknowledgement_sent',
  evaluation: 'evaluation_sent',
  progress_update: 'progress_update_sent',
  // Telling the reporter the fix is out is the last progress update (the presets' reading).
  fix_released: 'fix_released',
  publication_consultation: 'publication_consulted',
  reward_decision: 'reward_decided',
}

/** The status that sending an email of this purpose moves the case to, where the move is allowed from its status. */
export const purposeStatuses: Partial<Record<TemplatePurpose, CaseStatus>> = {
  request_info: 'needs_info',
}

/** Which inputs a purpose needs before its draft can be sent. */
export const purposeInputs: Partial<Record<TemplatePurpose, readonly (keyof DraftInputs)[]>> = {
  evaluation: ['expectedResolutionDate'],
  publication_consultation: ['publication'],
}

/**
 * Inputs a purpose offers without needing them: a routine progress update often has no new date to give, but one that
 * renegotiates a slipped date does (the draft screen asks for it then).
 */
export const purposeOptionalInputs: Partial<Record<TemplatePurpose, readonly (keyof DraftInputs)[]>> = {
  progress_update: ['expectedResolutionDate'],
}
