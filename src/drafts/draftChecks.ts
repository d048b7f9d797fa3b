import type { IsoDate } from '../calendar/spec'
import type { Case } from '../cases/case'
import { expectedResolution } from '../cases/history'
import { holdsPgpMessage } from '../intake/pgp'
import { dateInZone } from '../time'
import { quotesReport } from './quotesReport'
import { purposeInputs, type DraftInputs, type TemplatePurpose } from './template'

// What the draft screen checks before an email goes out, as pure rules over the case, the draft and the day. Each one
// names what is wrong and what to do, in English (the screens' language); nothing here blocks the command, which has
// refusals of its own when the email is marked sent.

export interface DraftInputProblem {
  field: keyof DraftInputs
  message: string
}

const missing: Record<keyof DraftInputs, string> = {
  expectedResolutionDate: 'Enter the expected resolution date this email gives the reporter.',
  publication: 'Choose the date, time and zone of the publication this email proposes.',
}

/**
 * What is wrong with what the person drafting decided: an input the purpose asks for left out, a resolution date
 * that is already over on the team's calendar (`today`), a publication moment that has passed. `now`, when given,
 * also catches a publication earlier today; without it the publication's own day is compared with `today`.
 */
export function draftInputProblems(
  c: Case,
  purpose: TemplatePurpose,
  inputs: DraftInputs,
  today: IsoDate,
  now?: Date,
): DraftInputProblem[] {
  const problems: DraftInputProblem[] = []
  for (const field of purposeInputs[purpose] ?? []) {
    if (inputs[field] === undefined) problems.push({ field, message: missing[field] })
  }
  const date = inputs.expectedResolutionDate
  if (date !== undefined && date < today) {
    // After a slip the form starts from the date given before; that one is what most needs replacing.
    const message =
      date === expectedResolution(c)?.date
        ? 'This is the date the reporter was given before, and it has passed. Enter the date you now expect the problem to be resolved by.'
        : 'This date has passed: the reporter would be promised a day that is already over. Choose today or a later date.'
    problems.push({ field: 'expectedResolutionDate', message })
  }
  const publication = inputs.publication
  if (publication !== undefined) {
    const at = Date.parse(publication.at)
    const past = now === undefined ? dateInZone(at, publication.timeZone) < today : at <= now.getTime()
    if (past) problems.push({ field: 'publication', message: 'This moment has passed: propose a publication moment in the future.' })
  }
  return problems
}

// The shipped templates mark what only the person drafting can write as a sentence in square brackets that starts
// with a capital: '[The outcome: whether we could reproduce the problem, …]'. A bracketed case key ('[VD-2026-007]')
// or a reporter's '[URGENT]' tag is one word; four words or more are taken as a placeholder.
const bracketed = /\[(\p{Lu}[^[\]\r\n]*)\]/gu
const placeholderWords = 4

/** The placeholders still in a draft's subject or body, as written with their brackets, each once, in order. */
export function unreplacedPlaceholders(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(bracketed)) {
    if (match[1]!.trim().split(/\s+/).length >= placeholderWords) found.add(match[0])
  }
  return [...found]
}

export type PlaintextWarning = 'quotes_report' | 'report_encrypted'

/**
 * Why an unencrypted copy of this draft needs the sender's confirmation, or null: the report came in encrypted and
 * the body repeats a line of it ('quotes_report'), or the report text is still the armored ciphertext, so whether the
 * body quotes the decrypted report cannot be told ('report_encrypted').
 */
export function plaintextWarning(c: Case, body: string): PlaintextWarning | null {
  if (holdsPgpMessage(c.reportText)) return 'report_encrypted'
  if (c.mail?.encrypted && quotesReport(body, c.reportText)) return 'quotes_report'
  return null
}

/** What each warning says before an unencrypted output (Copy, Open in mail app, Save .eml). */
export const plaintextWarningText: Record<PlaintextWarning, string> = {
  quotes_report:
    'The reporter sent this report encrypted, and this draft repeats part of it. Sent unencrypted, that part travels in the clear. Encrypt the email to the reporter’s key, or remove the quoted lines.',
  report_encrypted:
    'The reporter sent this report encrypted, and the case still holds it encrypted, so the desk cannot tell whether this draft repeats any of it. Make sure it quotes nothing from the report, or encrypt the email to the reporter’s key.',
}
