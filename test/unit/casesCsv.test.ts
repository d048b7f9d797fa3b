import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { caseListSummaries } from '../../src/cases/caseListSummaries'
import type { CaseSummary } from '../../src/cases/summary'
import { createDeadlineCache } from '../../src/deadlines/nextDeadlineCache'
import { casesCsv, casesCsvFileName, csvCell } from '../../src/export/casesCsv'
import { likelyCsvSeparator, type CsvSeparator } from '../../src/export/csvSeparator'
import { policyLookup } from '../../src/policies/catalog'
import { ana, desk, idor, now } from './commands/fixture'

/**
 * RFC 4180 as a spreadsheet reads it: fields separated by commas (or the separator given, as Excel in Dutch reads
 * semicolons), records by CRLF, a quoted field may hold separators, quotes (doubled) and line breaks. Strict: an
 * unquoted field, a bare quote, another separator or a missing CRLF at the end fails, so a writer that forgets to
 * quote is caught.
 */
function parseCsv(text: string, separator: CsvSeparator = ','): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`Unquoted field at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`)
    let value = ''
    i++
    for (;;) {
      if (i >= text.length) throw new Error('A quoted field runs to the end of the file')
      if (text[i] === '"') {
        if (text[i + 1] === '"') {
          value += '"'
          i += 2
          continue
        }
        i++
        break
      }
      value += text[i++]
    }
    row.push(value)
    if (text[i] === separator) i++
    else if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else throw new Error(`Expected ${separator} or CRLF at ${i}, found ${JSON.stringify(text[i])}`)
  }
  if (row.length > 0) throw new Error('The last record has no CRLF')
  return rows
}

/** What a spreadsheet shows of a neutralised cell is the text after the `'`: the value as it was. */
const shown = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

const hostile = '<script>alert("x")</script>, "quoted", a,b\r\nnext line\u2028after U+2028 😀 ‘curly’ ; tab\there'
const leading = ['=HYPERLINK("https://evil.example","click")', '+1+2', '-2+3', '@SUM(A1:A2)', '\tcmd', '\rcmd']

async function summariesOf(inputs: CaseInput[]): Promise<{ rows: CaseSummary[]; d: ReturnType<typeof desk> }> {
  const d = desk()
  for (const input of inputs) d.run({ type: 'case.create', input })
  const rows = await caseListSummaries(d.doc, createDeadlineCache(), now)
  return { rows, d }
}

const hostileTitles = [hostile, ...leading.slice(0, 4)]
/** A case per hostile title, the first assigned and with a hostile reporter, the second scored 9.8. */
const hostileSummaries = () =>
  summariesOf(
    hostileTitles.map((title, i) => ({
      ...idor,
      title,
      reporter: { name: i === 0 ? `Ëve ${hostile}` : `-Reporter ${i}`, email: `r${i}@example.org` },
      severity: i === 1 ? { kind: 'cvss', version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8, rating: 'critical' } : { kind: 'unrated' },
      ...(i === 0 && { assigneeId: ana.id }),
    })) as CaseInput[],
  )

describe('cases as CSV', () => {
  it('quotes every cell, doubles quotes, and neutralises a cell a spreadsheet would run as a formula', () => {
    expect(csvCell('plain')).toBe('"plain"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('a,b\r\nc')).toBe('"a,b\r\nc"')
    expect(leading.map(csvCell)).toEqual([
      `"'=HYPERLINK(""https://evil.example"",""click"")"`,
      `"'+1+2"`,
      `"'-2+3"`,
      `"'@SUM(A1:A2)"`,
      `"'\tcmd"`,
      `"'\rcmd"`,
    ])
    // Only the first character counts: a formula sign later in the text is just text.
    expect(csvCell('a=1')).toBe('"a=1"')
    expect(csvCell('')).toBe('""')
  })

  it('writes a header and one row per case, UTF-8 with a BOM and CRLF row ends, and hostile text round-trips', async () => {
    const { rows, d } = await hostileSummaries()
    const csv = await casesCsv(rows, { team: d.doc.settings.team, policyName: (id) => policyLookup([])(id)?.name, teamZone: 'Europe/Amsterdam' })
    expect(csv.startsWith('\ufeff')).toBe(true)
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(csv.slice(1))

    const table = parseCsv(csv.slice(1))
    expect(table).toHaveLength(1 + hostileTitles.length)
    expect(table[0]).toEqual([
      'Key',
      'Title',
      'Status',
      'Severity',
      'CVSS score',
      'Reporter name',
      'Reporter email',
      'Assignee',
      'Received (Europe/Amsterdam)',
      'Policy',
      'Next deadline',
      'Deadline state',
      'Due',
    ])
    for (const row of table) expect(row).toHaveLength(13)
    const cases = d.doc.cases
    // The text a spreadsheet shows, cell by cell, is what the store holds.
    expect(table.slice(1).map((r) => shown(r[1]!))).toEqual(cases.map((c) => c.title))
    expect(table.slice(1).map((r) => shown(r[5]!))).toEqual(cases.map((c) => c.reporter.name))
    // No cell a spreadsheet reads starts a formula.
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)

    const [first, second] = table.slice(1)
    expect(first).toEqual([
      cases[0]!.key,
      hostile,
      'Received',
      'Unrated',
      '',
      `Ëve ${hostile}`,
      'r0@example.org',
      'Ana Silva',
      // Fri 27 Nov 16:10 in Amsterdam, on the team's clock, as spreadsheets read a date and time.
      '2026-11-27 16:10',
      'AIMMS Responsible Disclosure Policy',
      // 15 business days from Fri 27 Nov, seen on Tue 1 Dec.
      'Send evaluation',
      'Upcoming',
      '2026-12-18',
    ])
    expect(second!.slice(1, 5)).toEqual([`'${leading[0]}`, 'Received', 'Critical', '9.8'])
  })

  it('separates the cells with semicolons when asked (Excel in Dutch), the score with a decimal comma, quoted and neutralised the same', async () => {
    const { rows, d } = await hostileSummaries()
    const context = { team: d.doc.settings.team, policyName: (id: string) => policyLookup([])(id)?.name, teamZone: 'Europe/Amsterdam' }
    const semicolons = await casesCsv(rows, { ...context, separator: ';' })
    const commas = parseCsv((await casesCsv(rows, context)).slice(1))
    expect([...new TextEncoder().encode(semicolons).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(semicolons.endsWith('\r\n')).toBe(true)
    // Read with commas, the file is not a table of quoted cells: each row would land in one column.
    expect(() => parseCsv(semicolons.slice(1), ',')).toThrow(/Expected , or CRLF/)

    const table = parseCsv(semicolons.slice(1), ';')
    expect(table).toHaveLength(1 + hostileTitles.length)
    for (const row of table) expect(row).toHaveLength(13)
    // The hostile title holds both separators; it stays one cell, the same text.
    expect(hostile).toMatch(/,.*;/s)
    expect(table.slice(1).map((r) => shown(r[1]!))).toEqual(d.doc.cases.map((c) => c.title))
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(table[2]!.slice(1, 5)).toEqual([`'${leading[0]}`, 'Received', 'Critical', '9,8'])
    // Apart from the score, every cell is the comma file's.
    const withoutScore = (t: string[][]) => t.map((r) => r.filter((_, i) => i !== 4))
    expect(withoutScore(table)).toEqual(withoutScore(commas))
  })

  it('suggests semicolons where this computer’s language or the team’s country writes a decimal comma, else commas', () => {
    expect(likelyCsvSeparator(['nl-NL'], undefined)).toBe(';')
    expect(likelyCsvSeparator(['de'], 'US')).toBe(';')
    // A system in English in a Dutch team: Windows' regional format, and so Excel, most likely Dutch.
    expect(likelyCsvSeparator(['en-US', 'nl'], 'NL')).toBe(';')
    expect(likelyCsvSeparator(['fr-BE'], 'BE')).toBe(';')
    expect(likelyCsvSeparator(['en-US'], 'US')).toBe(',')
    expect(likelyCsvSeparator(['en-GB', 'de'], 'GB')).toBe(',')
    expect(likelyCsvSeparator(['ja-JP'], 'JP')).toBe(',')
    expect(likelyCsvSeparator([], undefined)).toBe(',')
    expect(likelyCsvSeparator(['not a language'], '??')).toBe(',')
  })

  it('names a removed policy and an assignee no longer on the team in words, never by id', async () => {
    const { rows, d } = await summariesOf([{ ...idor, assigneeId: ana.id }])
    const csv = await casesCsv(
      rows.map((r) => ({ ...r, policyId: 'gone', problem: 'policy_missing' as const, nextDeadline: undefined })),
      { team: [], policyName: () => undefined, teamZone: 'Europe/Amsterdam' },
    )
    const [, row] = parseCsv(csv.slice(1))
    expect(row!.slice(7, 11)).toEqual(['(a former member)', '2026-11-27 16:10', '(a policy that no longer exists)', 'Cannot be counted: the policy no longer exists'])
    expect(csv).not.toContain(ana.id)
    expect(d.doc.cases).toHaveLength(1)
  })

  it('is named for the day', () => {
    expect(casesCsvFileName('2026-12-01')).toBe('Disclosure Desk cases 2026-12-01.csv')
  })
})
