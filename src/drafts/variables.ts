import type { Case, Severity } from '../cases/case'
import { expectedResolution, plannedPublication } from '../cases/history'
import type { Deadline } from '../deadlines/deadline'
import {
  creditWords,
  letterDate,
  letterDateTime,
  moneyWords,
  periodWords,
  rewardWords,
  teamSignature,
  variableDescriptions,
} from '../i18n/draftWords'
import { ratingLabels, statusLabels } from '../i18n/labels'
import type { Language } from '../i18n/language'
import type { DueKind, Policy } from '../policies/policy'
import { dateInZone } from '../time'
import type { DraftInputs } from './template'

/** What a template can read: JSON-like values only, so a template cannot reach a function or a prototype. */
export type DraftValue = string | number | boolean | null | readonly DraftValue[] | { readonly [key: string]: DraftValue }
export type DraftVariables = Readonly<Record<string, DraftValue>>

/** The team member a draft goes out from. */
export type Sender = { name: string; email: string; role?: string; signature?: string }

/** The sender a team member makes, with only the role and signature they set; null while nobody is chosen. */
export function senderOf(member: Sender | null | undefined): Sender | null {
  if (!member) return null
  return {
    name: member.name,
    email: member.email,
    ...(member.role ? { role: member.role } : {}),
    ...(member.signature ? { signature: member.signature } : {}),
  }
}

export interface DraftContext {
  case: Case
  deadlines: readonly Deadline[]
  policy: Policy | undefined
  sender: Sender | null
  organisation: string
  language: Language
  inputs: DraftInputs
  now: Date
}

// A name or title goes into greetings and the subject line: its line breaks and the controls that reorder or hide
// text (a right-to-left override makes "gpj.exe" read "exe.jpg") are taken out. Reporter text stays data either way.
const lineBreaks = /[\r\n\u2028\u2029\u0085\t\v\f]+/g
const hiddenControls = /[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(lineBreaks, ' ').replace(hiddenControls, '').replace(/ {2,}/g, ' ').trim()
}

const excerptLines = 5
const excerptLineLength = 200

/**
 * The first non-blank lines of the report, each cut to a readable length. An encrypted report is armored text that
 * must not go out in the clear, so it has no excerpt.
 */
function reportExcerpt(c: Case): string {
  if (c.mail?.encrypted || c.reportText.includes('-----BEGIN PGP MESSAGE-----')) return ''
  const lines: string[] = []
  for (const raw of c.reportText.split(/\r\n|\r|\n/)) {
    const line = raw.replace(hiddenControls, '').trimEnd()
    if (line.trim() === '' && lines.length === 0) continue
    lines.push(line.length > excerptLineLength ? `${line.slice(0, excerptLineLength)}…` : line)
    if (lines.length === excerptLines) break
  }
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  return lines.join('\n')
}

function scoreText(score: number, lang: Language): string {
  const text = score.toFixed(1)
  return lang === 'nl' ? text.replace('.', ',') : text
}

/** 'high (CVSS 3.1 score 7.5)', 'hoog (CVSS 3.1-score 7,5)'; empty when unrated. */
function severityWords(severity: Severity, lang: Language): string {
  if (severity.kind === 'unrated') return ''
  const rating = ratingLabels[lang][severity.rating].toLowerCase()
  if (severity.kind === 'rating') return rating
  const score = scoreText(severity.score, lang)
  return lang === 'nl' ? `${rating} (CVSS ${severity.version}-score ${score})` : `${rating} (CVSS ${severity.version} score ${score})`
}

const openStates = new Set<Deadline['state']>(['waiting', 'open', 'upcoming', 'due_today', 'overdue', 'paused'])

function firstOf(deadlines: readonly Deadline[], due: DueKind): Deadline | undefined {
  return deadlines.find((d) => d.due === due)
}

/**
 * A due date as a letter writes it. Deadlines fall on the team's calendar day; that date is the promise, and for a
 * reporter east of the team it is the earlier of the two readings, so the letter never promises later than the policy.
 */
function dueWords(d: Deadline | undefined, lang: Language): string {
  return d?.dueDate ? letterDate(d.dueDate, lang) : ''
}

function withinWords(d: Deadline | undefined, lang: Language): string {
  return d && d.amount !== null ? periodWords(d.amount, d.unit, lang) : ''
}

/**
 * Every variable a template can use, for one case, sender and language. Strict templates fail on a variable that
 * does not exist, so every name is always present: a value the case does not have is an empty string.
 */
export function draftVariables(input: DraftContext): DraftVariables {
  const { case: c, deadlines, policy, sender, organisation, language: lang, inputs } = input
  const reporterZone = c.received.timeZone
  const promised = expectedResolution(c)?.date
  const resolution = inputs.expectedResolutionDate ?? promised
  const publication = inputs.publication ?? plannedPublication(c)
  const nextUpdate = deadlines.find((d) => d.due === 'progress_update' && openStates.has(d.state))
  const organisationName = oneLine(organisation)
  const senderName = oneLine(sender?.name)
  const senderRole = oneLine(sender?.role)
  const signature =
    sender?.signature?.trim() ||
    [senderName, senderRole, organisationName].filter((part) => part !== '').join('\n') ||
    teamSignature[lang]
  return {
    case_key: c.key,
    case_title: oneLine(c.title),
    asset: oneLine(c.asset),
    severity: severityWords(c.severity, lang),
    severity_rating: c.severity.kind === 'unrated' ? '' : c.severity.rating,
    cvss_vector: c.severity.kind === 'cvss' ? c.severity.vector : '',
    status: statusLabels[lang][c.status],
    received: letterDateTime(c.received.at, reporterZone, lang),
    today: letterDate(dateInZone(input.now.getTime(), reporterZone), lang),
    reporter_name: oneLine(c.reporter.name),
    reporter_email: c.reporter.email,
    reporter_handle: oneLine(c.reporter.handle),
    sender_name: senderName,
    sender_role: senderRole,
    sender_email: sender?.email ?? '',
    signature,
    organisation: organisationName,
    policy_name: oneLine(policy?.name),
    ack_due: dueWords(firstOf(deadlines, 'acknowledgement'), lang),
    ack_within: withinWords(firstOf(deadlines, 'acknowledgement'), lang),
    evaluation_due: dueWords(firstOf(deadlines, 'evaluation'), lang),
    evaluation_within: withinWords(firstOf(deadlines, 'evaluation'), lang),
    expected_resolution_date: resolution ? letterDate(resolution, lang) : '',
    // Only when the draft moves the date later: that is the slip a progress update has to own up to.
    previous_resolution_date:
      inputs.expectedResolutionDate !== undefined && promised !== undefined && promised < inputs.expectedResolutionDate
        ? letterDate(promised, lang)
        : '',
    // 'yes' once the day of the date the reporter holds us to is over on the team's calendar (the promise's deadline
    // is overdue): a progress update then owns up in the past tense ("we have not been able to … by").
    previous_resolution_passed: deadlines.some((d) => d.ruleId === 'expected_resolution' && d.state === 'overdue') ? 'yes' : '',
    next_update_due: dueWords(nextUpdate, lang),
    update_interval: withinWords(firstOf(deadlines, 'progress_update'), lang),
    // On the reporter's clock: the moment they may speak about the problem is theirs to read.
    publication_date: publication ? letterDateTime(publication.at, reporterZone, lang) : '',
    credit_line: oneLine(creditWords(c.credit, c.reporter, lang)),
    credit_choice: c.credit.choice,
    reward: rewardWords(c.reward, lang),
    reward_amount: c.reward.amount !== undefined && c.reward.amount > 0 ? moneyWords(c.reward.amount, c.reward.currency, lang) : '',
    reward_status: c.reward.status,
    report_excerpt: reportExcerpt(c),
  }
}

function valueText(value: DraftValue): string {
  if (value === null) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The variables with their values and what they mean, in the order a template editor lists them. */
export function variableList(vars: DraftVariables, language: Language): { name: string; value: string; description: string }[] {
  return Object.entries(vars).map(([name, value]) => ({
    name,
    value: valueText(value),
    description: variableDescriptions[language][name] ?? '',
  }))
}
