import type { IsoDate } from '../calendar/spec'
import type { CaseProblem, CaseSummary } from '../cases/summary'
import { deadlineStateLabels, dueLabels, ratingLabels, statusLabels, unratedLabel } from '../i18n/labels'
import type { Language } from '../i18n/language'
import type { TeamMember } from '../settings/settings'
import { wallClockText } from '../time'
import { slicePauses } from '../timeSlices'
import type { CsvSeparator } from './csvSeparator'

/** What a row needs beyond the case list's summary: the team's names, the policies' names, the zone times are read in. */
export interface CasesCsvContext {
  team: readonly TeamMember[]
  /** The policy's name; undefined for one that no longer exists. */
  policyName(id: string): string | undefined
  teamZone: string
  lang?: Language
  /** ',' unless given. */
  separator?: CsvSeparator
}

const words = {
  en: {
    head: (zone: string) => [
      'Key',
      'Title',
      'Status',
      'Severity',
      'CVSS score',
      'Reporter name',
      'Reporter email',
      'Assignee',
      `Received (${zone})`,
      'Policy',
      'Next deadline',
      'Deadline state',
      'Due',
    ],
    removedPolicy: '(a policy that no longer exists)',
    formerMember: '(a former member)',
    problem: { policy_missing: 'Cannot be counted: the policy no longer exists', calendar_unusable: 'Cannot be counted: the case’s calendar cannot be used' },
  },
  nl: {
    head: (zone: string) => [
      'Sleutel',
      'Titel',
      'Status',
      'Ernst',
      'CVSS-score',
      'Naam melder',
      'E-mail melder',
      'Behandelaar',
      `Ontvangen (${zone})`,
      'Beleid',
      'Volgende termijn',
      'Stand termijn',
      'Uiterlijk',
    ],
    removedPolicy: '(een beleid dat niet meer bestaat)',
    formerMember: '(een voormalig teamlid)',
    problem: { policy_missing: 'Niet te berekenen: het beleid bestaat niet meer', calendar_unusable: 'Niet te berekenen: de kalender van de zaak is onbruikbaar' },
  },
} satisfies Record<Language, { head(zone: string): string[]; removedPolicy: string; formerMember: string; problem: Record<CaseProblem, string> }>

/**
 * One cell, quoted as RFC 4180 has it (every cell, `"` doubled, so separators and line breaks stay inside). A cell a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return: OWASP's list) gets a leading
 * `'`, which Excel and LibreOffice show as text; a reporter's title such as `=HYPERLINK(…)` must never run.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${inert.replaceAll('"', '""')}"`
}

const csvRow = (cells: readonly string[], separator: CsvSeparator) => cells.map(csvCell).join(separator)

/**
 * The cases as a spreadsheet: one row per case in the order given, a header row first, CRLF line ends, and a UTF-8
 * byte order mark, without which Excel reads the file in the system's legacy code page and mangles every name with an
 * accent or emoji. The next deadline is the case list's (caseSummaries), in the same words; the received time is on
 * the team's clock, as 2026-12-01 09:30, which both spreadsheets read as a date and time. Written with turns for
 * other work: 10,000 rows take a few hundred milliseconds.
 */
export async function casesCsv(rows: readonly CaseSummary[], context: CasesCsvContext): Promise<string> {
  const lang = context.lang ?? 'en'
  const separator = context.separator ?? ','
  const w = words[lang]
  const members = new Map(context.team.map((m) => [m.id, m.name]))
  const score = (value: number) => (separator === ';' ? String(value).replace('.', ',') : String(value))
  const lines = [csvRow(w.head(context.teamZone), separator)]
  const pause = slicePauses()
  for (const s of rows) {
    const next = s.nextDeadline
    lines.push(
      csvRow(
        [
          s.key,
          s.title,
          statusLabels[lang][s.status],
          s.rating === undefined ? unratedLabel[lang] : ratingLabels[lang][s.rating],
          s.score === undefined ? '' : score(s.score),
          s.reporterName,
          s.reporterEmail,
          s.assigneeId === undefined ? '' : (members.get(s.assigneeId) ?? w.formerMember),
          wallClockText(s.receivedAt, context.teamZone).replace('T', ' '),
          context.policyName(s.policyId) ?? w.removedPolicy,
          s.problem ? w.problem[s.problem] : next ? dueLabels[lang][next.due] : '',
          next ? deadlineStateLabels[lang][next.state] : '',
          next?.dueDate ?? '',
        ],
        separator,
      ),
    )
    await pause()
  }
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/** "Disclosure Desk cases 2026-12-01.csv", the day on the team's clock. */
export const casesCsvFileName = (day: IsoDate) => `Disclosure Desk cases ${day}.csv`
