import { describe, expect, it } from 'vitest'
import { matchingCaseIds } from '../../src/cases/search'
import { caseSummaries } from '../../src/cases/caseListSummaries'
import { CaseRow, fromRow, toRow, toSummary, type CaseSummary } from '../../src/cases/summary'
import type { Deadline } from '../../src/deadlines/deadline'
import { DeskError } from '../../src/errors'
import { ikuuPolicy } from '../../src/policies/presets'
import { realisticCases } from '../bench/fixtures/realisticCases'

const full: CaseSummary = {
  id: 'c1',
  key: 'VD-2026-007',
  title: 'Stored XSS in invoice PDF',
  reporterName: 'Lena Fischer',
  reporterEmail: 'lena@fischer.example',
  reporterHandle: 'lfischer',
  status: 'evaluating',
  rating: 'critical',
  score: 9.8,
  assigneeId: 'm1',
  policyId: 'ikuu',
  tags: ['xss', 'triage'],
  receivedAt: '2026-03-02T09:15:00+01:00',
  sample: true,
  nextDeadline: { due: 'evaluation', state: 'due_today', dueDate: '2026-03-05', dueAt: '2026-03-05T22:59:59.999Z' },
  problem: 'policy_missing',
}

describe('the case list row', () => {
  it('stands for the same summary, with every field set and with none of the optional ones', () => {
    const { reporterHandle: _h, rating: _r, score: _s, assigneeId: _a, nextDeadline: _n, problem: _p, ...bare } = full
    for (const summary of [full, bare]) {
      const row = CaseRow.parse(JSON.parse(JSON.stringify(toRow(summary))))
      expect(fromRow(row)).toEqual(summary)
    }
  })

  it('stands for every summary of realistic cases, and is far smaller than the summaries as objects', () => {
    const summaries = realisticCases(200, 3).map(toSummary)
    const rows = summaries.map(toRow)
    expect(rows.map(fromRow)).toEqual(summaries)
    expect(JSON.stringify(rows).length).toBeLessThan(0.75 * JSON.stringify(summaries).length)
  })

  it('carries no report text', () => {
    const [c] = realisticCases(1, 5)
    expect(JSON.stringify(toRow(toSummary(c!)))).not.toContain(c!.reportText.slice(0, 40))
  })
})

describe('caseSummaries', () => {
  const cases = realisticCases(3, 9)
  const deadline = { due: 'acknowledgement', state: 'overdue', dueDate: '2026-01-02', dueAt: '2026-01-02T22:59:59.999Z' } as Deadline

  const policy = ikuuPolicy

  it('gives each row its next deadline as data, and a case that cannot be counted its problem as a code, alone', async () => {
    const rows = await caseSummaries(
      cases,
      (c) => (c.id === cases[0]!.id ? undefined : policy),
      (c) => {
        if (c.id === cases[1]!.id) throw new DeskError('invalid_input', 'Its calendar cannot be used.')
        return deadline
      },
    )
    expect(rows.map((r) => [r.nextDeadline, r.problem])).toEqual([
      [undefined, 'policy_missing'],
      [undefined, 'calendar_unusable'],
      [{ due: 'acknowledgement', state: 'overdue', dueDate: '2026-01-02', dueAt: '2026-01-02T22:59:59.999Z' }, undefined],
    ])
    // Data, not a sentence: no id and no English crosses IPC for the renderer to show.
    expect(JSON.stringify(rows.map(toRow))).not.toMatch(/no longer exists|cannot be used/)
  })

  it('a case with nothing due has neither a next deadline nor a problem', async () => {
    const [row] = await caseSummaries(cases.slice(0, 1), () => policy, () => undefined)
    expect([row?.nextDeadline, row?.problem]).toEqual([undefined, undefined])
  })

  it('still fails on an error that is not a refusal: that is a bug, not a case to show', async () => {
    await expect(
      caseSummaries(
        cases,
        () => policy,
        () => {
          throw new TypeError('x is undefined')
        },
      ),
    ).rejects.toThrow(TypeError)
  })
})

describe('matchingCaseIds', () => {
  const [a, b, c] = realisticCases(3, 13)
  const cases = [
    { ...a!, title: 'Open redirect in login', reportText: 'The next= parameter accepts any host.' },
    { ...b!, title: 'IDOR in invoices', reportText: 'Changing the invoice id shows another customer.', reporter: { ...b!.reporter, handle: 'quokka' } },
    { ...c!, title: 'Stored XSS', reportText: 'Payload "><svg onload=alert(1)> in the Invoice note.' },
  ]

  it('finds every word, in any case, across key, title, reporter and report text', () => {
    expect(matchingCaseIds(cases, 'INVOICE')).toEqual([cases[1]!.id, cases[2]!.id])
    expect(matchingCaseIds(cases, 'invoice  svg')).toEqual([cases[2]!.id])
    expect(matchingCaseIds(cases, 'QUOKKA customer')).toEqual([cases[1]!.id])
    expect(matchingCaseIds(cases, cases[0]!.key.toLowerCase())).toEqual([cases[0]!.id])
    expect(matchingCaseIds(cases, cases[0]!.reporter.email)).toContain(cases[0]!.id)
  })

  it('matches every case for blank text and none for a word nobody wrote', () => {
    expect(matchingCaseIds(cases, '  ')).toEqual(cases.map((x) => x.id))
    expect(matchingCaseIds(cases, 'invoice nowhere')).toEqual([])
  })

  it('sees a changed case: the store hands out a new object for it', () => {
    expect(matchingCaseIds(cases, 'retested')).toEqual([])
    const changed = [{ ...cases[0]!, reportText: `${cases[0]!.reportText} Retested after the fix.` }, ...cases.slice(1)]
    expect(matchingCaseIds(changed, 'retested')).toEqual([cases[0]!.id])
  })
})
