import type { z } from 'zod'
import {
  CaseInput,
  Credit,
  Reward,
  type Case,
  type CasePatch,
  type Channel,
  type Rating,
  type Severity,
} from '../../src/cases/case'
import { sameValue } from '../../src/merge/parts'
import { scoreCvss, type CvssScore } from '../../src/cases/severity'
import { checkReceivedTime } from '../../src/commands/timeRules'
import { DeskError, fieldIssues, userWords } from '../../src/errors'
import { wallClockText, zonedIso } from '../../src/time'

/** The case form as the user sees it: every field as typed, so nothing is lost when validation fails. */
export interface CaseDraft {
  title: string
  reporterName: string
  reporterEmail: string
  reporterHandle: string
  reporterLanguage: 'en' | 'nl'
  reporterPgpKey: string
  receivedWallClock: string
  receivedTimeZone: string
  channel: Channel
  asset: string
  reportText: string
  severityKind: Severity['kind']
  rating: Rating
  cvssVector: string
  assigneeId: string
  tags: string
  /** Empty: the team's default policy. */
  policyId: string
}

/** Field path (as zod and the backend name it, e.g. 'reporter.email') → why it is wrong. */
export type FieldErrors = Record<string, string>

export function emptyDraft(now: Date, timeZone: string): CaseDraft {
  return {
    title: '',
    reporterName: '',
    reporterEmail: '',
    reporterHandle: '',
    reporterLanguage: 'en',
    reporterPgpKey: '',
    receivedWallClock: wallClockText(now.getTime(), timeZone),
    receivedTimeZone: timeZone,
    channel: 'email',
    asset: '',
    reportText: '',
    severityKind: 'unrated',
    rating: 'medium',
    cvssVector: '',
    assigneeId: '',
    tags: '',
    policyId: '',
  }
}

export function draftFromCase(c: Case): CaseDraft {
  return draftFromInput(c)
}

/** The form filled with a case's input as it stands, e.g. a report read from an email, before it is a case. */
export function draftFromInput(c: CaseInput): CaseDraft {
  const { severity } = c
  return {
    title: c.title,
    reporterName: c.reporter.name,
    reporterEmail: c.reporter.email,
    reporterHandle: c.reporter.handle ?? '',
    reporterLanguage: c.reporter.language ?? 'en',
    reporterPgpKey: c.reporter.pgpPublicKey ?? '',
    receivedWallClock: wallClockText(c.received.at, c.received.timeZone),
    receivedTimeZone: c.received.timeZone,
    channel: c.channel ?? 'email',
    asset: c.asset ?? '',
    reportText: c.reportText ?? '',
    severityKind: severity?.kind ?? 'unrated',
    rating: severity && severity.kind !== 'unrated' ? severity.rating : 'medium',
    cvssVector: severity?.kind === 'cvss' ? severity.vector : '',
    assigneeId: c.assigneeId ?? '',
    tags: (c.tags ?? []).join(', '),
    policyId: c.policyId ?? '',
  }
}

/** The score of the vector typed so far, or why it cannot be scored; null while the field is empty. */
export function cvssOf(vector: string): { score: CvssScore } | { problem: string } | null {
  if (vector.trim() === '') return null
  try {
    return { score: scoreCvss(vector) }
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) }
  }
}

export function tagsOf(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))]
}

/** Builds the CaseInput the draft stands for, checked with the same schema the backend uses. */
export function inputFromDraft(draft: CaseDraft): { input: CaseInput; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const at = zonedIso(draft.receivedWallClock, draft.receivedTimeZone)
  if (!at) errors['received.at'] = 'Enter the date and time the report was received'
  else {
    const problem = refusalOf(() => checkReceivedTime(at, new Date()))
    if (problem) errors['received.at'] = problem
  }

  let severity: Severity = { kind: 'unrated' }
  if (draft.severityKind === 'rating') severity = { kind: 'rating', rating: draft.rating }
  if (draft.severityKind === 'cvss') {
    const cvss = cvssOf(draft.cvssVector)
    if (cvss === null) errors['severity.vector'] = 'Enter a CVSS vector, or choose another kind of severity'
    else if ('problem' in cvss) errors['severity.vector'] = cvss.problem
    else severity = { kind: 'cvss', ...cvss.score }
  }

  const optional = (text: string) => (text.trim() === '' ? {} : { value: text })
  const handle = optional(draft.reporterHandle)
  const pgp = optional(draft.reporterPgpKey)
  const input: CaseInput = {
    title: draft.title,
    reporter: {
      name: draft.reporterName,
      email: draft.reporterEmail.trim(),
      ...('value' in handle ? { handle: handle.value } : {}),
      language: draft.reporterLanguage,
      ...('value' in pgp ? { pgpPublicKey: pgp.value } : {}),
    },
    received: { at: at ?? draft.receivedWallClock, timeZone: draft.receivedTimeZone },
    channel: draft.channel,
    asset: draft.asset,
    // Exactly as received: no trimming, the reporter's whitespace can matter (payloads, diffs).
    reportText: draft.reportText,
    severity,
    ...(draft.assigneeId ? { assigneeId: draft.assigneeId } : {}),
    tags: tagsOf(draft.tags),
    ...(draft.policyId ? { policyId: draft.policyId } : {}),
  }

  // The backend's wording for every problem zod finds, so the form says what the backend would.
  const parsed = CaseInput.safeParse(input, { error: userWords })
  if (!parsed.success) Object.assign(errors, { ...fieldErrorsOf(parsed.error), ...errors })
  return { input, errors }
}

/**
 * The CaseInput of a form that started from an input (a report read from an email): what the form shows, plus what it
 * does not (the mail the report came in as). The form shows minutes only, so an untouched received time keeps the
 * mail's own instant, seconds and offset included.
 */
export function inputFromStartedDraft(start: CaseInput, draft: CaseDraft): { input: CaseInput; errors: FieldErrors } {
  const { input, errors } = inputFromDraft(draft)
  const original = draftFromInput(start)
  if (draft.receivedWallClock === original.receivedWallClock && draft.receivedTimeZone === original.receivedTimeZone) {
    input.received = start.received
  }
  return { input: start.mail ? { ...input, mail: start.mail } : input, errors }
}

/** The message of a backend rule run here for instant feedback; undefined when the value passes. */
export function refusalOf(check: () => void): string | undefined {
  try {
    check()
    return undefined
  } catch (error) {
    if (error instanceof DeskError) return error.issues[0]?.message ?? error.message
    throw error
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return issuesToFieldErrors(fieldIssues(error))
}

/** The first message per field; a backend path like 'patch.reporter.email' is shown at 'reporter.email'. */
export function issuesToFieldErrors(issues: { path: string; message: string }[], prefix = ''): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    let path = issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path
    // Every tag shares one input.
    if (/^tags\.\d+$/.test(path)) path = 'tags'
    errors[path] ??= issue.message
  }
  return errors
}

const editableFields = [
  'title',
  'reporter',
  'received',
  'channel',
  'asset',
  'reportText',
  'severity',
  'assigneeId',
  'tags',
  'policyId',
  'credit',
  'reward',
] as const

/** Where the backend's refusals of an edit point: the patch's fields, with or without the 'patch.' in front. */
export const editableFieldPaths: readonly string[] = ['patch', ...editableFields]

/** Only what the user changed, so that a save cannot overwrite a field someone else edited meanwhile. */
export function patchFrom(original: Case, edited: CasePatch): CasePatch {
  const patch: Record<string, unknown> = {}
  for (const field of editableFields) {
    if (!sameValue(original[field], edited[field])) patch[field] = edited[field]
  }
  return patch as CasePatch
}

const draftPaths: Partial<Record<keyof CaseDraft, string>> = {
  reporterName: 'reporter.name',
  reporterEmail: 'reporter.email',
  reporterHandle: 'reporter.handle',
  reporterLanguage: 'reporter.language',
  reporterPgpKey: 'reporter.pgpPublicKey',
  receivedWallClock: 'received.at',
  receivedTimeZone: 'received.at',
  cvssVector: 'severity.vector',
  rating: 'severity.rating',
}

/** The errors left once the user has changed some fields: a corrected field stops showing its old complaint. */
export function withoutFields(errors: FieldErrors, changed: object): FieldErrors {
  const left = { ...errors }
  for (const key of Object.keys(changed)) delete left[draftPaths[key as keyof CaseDraft] ?? key]
  return left
}

export interface CreditDraft {
  choice: Credit['choice']
  displayName: string
  url: string
  cveCreditType: Credit['cveCreditType']
}

export interface RewardDraft {
  amount: string
  currency: string
  swag: boolean
  status: Reward['status']
}

export function creditDraftOf(c: Case): CreditDraft {
  return {
    choice: c.credit.choice,
    displayName: c.credit.displayName ?? '',
    url: c.credit.url ?? '',
    cveCreditType: c.credit.cveCreditType,
  }
}

export function rewardDraftOf(c: Case): RewardDraft {
  return {
    amount: c.reward.amount === undefined ? '' : String(c.reward.amount),
    currency: c.reward.currency,
    swag: c.reward.swag,
    status: c.reward.status,
  }
}

/** The changes the edit form stands for, or which fields are wrong. */
export function editOf(
  c: Case,
  draft: CaseDraft,
  creditDraft: CreditDraft,
  rewardDraft: RewardDraft,
): { patch: CasePatch; errors: FieldErrors } {
  const { input, errors } = inputFromDraft(draft)
  // The form shows minutes only: an untouched received time keeps its stored seconds and notation.
  const original = draftFromCase(c)
  if (draft.receivedWallClock === original.receivedWallClock && draft.receivedTimeZone === original.receivedTimeZone) {
    input.received = c.received
  }

  const credit = {
    choice: creditDraft.choice,
    ...(creditDraft.displayName.trim() ? { displayName: creditDraft.displayName } : {}),
    ...(creditDraft.url.trim() ? { url: creditDraft.url.trim() } : {}),
    cveCreditType: creditDraft.cveCreditType,
  }
  const creditCheck = Credit.safeParse(credit, { error: userWords })
  if (!creditCheck.success) Object.assign(errors, prefixed('credit', fieldErrorsOf(creditCheck.error)))

  const amountText = rewardDraft.amount.trim()
  const amount = amountText === '' ? undefined : Number(amountText.replace(',', '.'))
  if (amount !== undefined && Number.isNaN(amount)) errors['reward.amount'] = 'Enter an amount as a number, e.g. 250'
  const reward = {
    ...(amount === undefined || Number.isNaN(amount) ? {} : { amount }),
    currency: rewardDraft.currency.trim().toUpperCase(),
    swag: rewardDraft.swag,
    status: rewardDraft.status,
  }
  const rewardCheck = Reward.safeParse(reward, { error: userWords })
  if (!rewardCheck.success) Object.assign(errors, { ...prefixed('reward', fieldErrorsOf(rewardCheck.error)), ...errors })

  // The backend skips fields sent as undefined: taking a case off someone's plate sends null.
  const assigneeId = input.assigneeId ?? (c.assigneeId ? null : undefined)
  return { patch: patchFrom(c, { ...input, assigneeId, credit, reward }), errors }
}

function prefixed(prefix: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [`${prefix}.${path}`, message]))
}

const fieldNames: Record<string, string> = {
  title: 'Title',
  'reporter.name': 'Reporter name',
  'reporter.email': 'Reporter email',
  'reporter.handle': 'Reporter handle',
  'reporter.pgpPublicKey': 'PGP public key',
  'received.at': 'Received',
  'received.timeZone': 'Time zone',
  channel: 'Channel',
  asset: 'Affected asset or product',
  reportText: 'Report text',
  'severity.vector': 'CVSS vector',
  'severity.rating': 'Rating',
  assigneeId: 'Assignee',
  tags: 'Tags',
  policyId: 'Policy',
  'reporter.language': 'Preferred language',
  'credit.choice': 'Credit choice',
  'credit.cveCreditType': 'CVE credit type',
  'credit.displayName': 'Credit display name',
  'credit.url': 'Credit URL',
  'reward.amount': 'Reward amount',
  'reward.currency': 'Currency',
  'reward.status': 'Reward status',
  'reward.swag': 'Swag',
  // A problem with a group as a whole, or a part without an input of its own, is named by its group.
  reporter: 'Reporter',
  received: 'Received',
  severity: 'Severity',
  credit: 'Credit',
  reward: 'Reward',
}

/** A field of the case form by the words of its label, e.g. 'reporter.email' → 'Reporter email'. */
export function fieldLabel(path: string): string {
  return fieldNames[path] ?? fieldNames[path.split('.')[0]!] ?? 'a field of the case'
}

/** "Title, Reporter email": the fields to fix, in the words of their labels. */
export function fieldsToFix(errors: FieldErrors): string {
  return [...new Set(Object.keys(errors).map(fieldLabel))].join(', ')
}
