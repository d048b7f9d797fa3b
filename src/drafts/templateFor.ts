import type { Case } from '../cases/case'
import type { Deadline } from '../deadlines/deadline'
import type { Language } from '../i18n/language'
import type { DueKind } from '../policies/policy'
import type { TemplateEntry } from './catalog'
import type { TemplatePurpose } from './template'

/**
 * The email that keeps each kind of promise. A resolution date is kept by the fix, not by an email: when it comes
 * near or slips, what the reporter gets is a progress update, which can promise a new date.
 */
const purposeOfDue: Record<DueKind, TemplatePurpose> = {
  acknowledgement: 'acknowledgement',
  evaluation: 'evaluation',
  progress_update: 'progress_update',
  resolution: 'progress_update',
  publication_consultation: 'publication_consultation',
  credit_confirmation: 'credit_confirmation',
  reward_decision: 'reward_decision',
}

/** The template a draft for this deadline starts from: the shipped one of its purpose (as edited), else the first of it. */
export function templateForDeadline(d: Deadline, templates: readonly TemplateEntry[]): TemplateEntry | undefined {
  const purpose = purposeOfDue[d.due]
  return templates.find((t) => t.id === purpose && t.purpose === purpose) ?? templates.find((t) => t.purpose === purpose)
}

/** The language a draft to the reporter starts in: the one they prefer. */
export function draftLanguage(c: Case): Language {
  return c.reporter.language
}
