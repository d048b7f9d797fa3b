import { describe, expect, it } from 'vitest'
import { draftInputProblems, plaintextWarning, plaintextWarningText, unreplacedPlaceholders } from '../../src/drafts/draftChecks'
import { caseWith } from './drafts-fixtures'

const by = { memberId: 'm1', name: 'Eva de Vries' }
const publication = (at: string) => ({ at, timeZone: 'Europe/Amsterdam' })

describe('draftInputProblems: what the person drafting decided, checked before it goes out', () => {
  const c = caseWith()

  it('asks for each input the purpose needs', () => {
    expect(draftInputProblems(c, 'evaluation', {}, '2026-12-07')).toEqual([
      { field: 'expectedResolutionDate', message: 'Enter the expected resolution date this email gives the reporter.' },
    ])
    expect(draftInputProblems(c, 'publication_consultation', {}, '2026-12-07')).toEqual([
      { field: 'publication', message: 'Choose the date, time and zone of the publication this email proposes.' },
    ])
    expect(draftInputProblems(c, 'acknowledgement', {}, '2026-12-07')).toEqual([])
  })

  it('refuses a resolution date that is already over; today and later are fine', () => {
    expect(draftInputProblems(c, 'evaluation', { expectedResolutionDate: '2026-12-06' }, '2026-12-07')).toEqual([
      {
        field: 'expectedResolutionDate',
        message: 'This date has passed: the reporter would be promised a day that is already over. Choose today or a later date.',
      },
    ])
    expect(draftInputProblems(c, 'evaluation', { expectedResolutionDate: '2026-12-07' }, '2026-12-07')).toEqual([])
  })

  it('after a slip, says that the date given before is the one to replace', () => {
    const slipped = caseWith({ timeline: [{ id: 'p1', at: '2026-12-04T09:00:00Z', by, type: 'resolution_promised', date: '2026-12-10' }] })
    const [problem] = draftInputProblems(slipped, 'progress_update', { expectedResolutionDate: '2026-12-10' }, '2026-12-14')
    expect(problem).toEqual({
      field: 'expectedResolutionDate',
      message: 'This is the date the reporter was given before, and it has passed. Enter the date you now expect the problem to be resolved by.',
    })
  })

  it('refuses a publication moment in the past: by its day, or to the minute when the moment now is given', () => {
    const problem = { field: 'publication', message: 'This moment has passed: propose a publication moment in the future.' }
    const earlierToday = { publication: publication('2026-12-07T09:00:00+01:00') }
    expect(draftInputProblems(c, 'publication_consultation', { publication: publication('2026-12-06T16:00:00+01:00') }, '2026-12-07')).toEqual([problem])
    expect(draftInputProblems(c, 'publication_consultation', earlierToday, '2026-12-07')).toEqual([])
    expect(draftInputProblems(c, 'publication_consultation', earlierToday, '2026-12-07', new Date('2026-12-07T10:00:00Z'))).toEqual([problem])
    expect(draftInputProblems(c, 'publication_consultation', earlierToday, '2026-12-07', new Date('2026-12-07T07:00:00Z'))).toEqual([])
  })
})

describe('unreplacedPlaceholders: the shipped templates’ [Sentence to write] left in a draft', () => {
  it('finds each placeholder once, in order, with its brackets', () => {
    const text =
      'Dear Priya,\n\n[The outcome: whether we could reproduce the problem, its impact.] We rated it high.\n\n- [Wat wij nodig hebben, bijvoorbeeld de stappen]\n[The outcome: whether we could reproduce the problem, its impact.]\n'
    expect(unreplacedPlaceholders(text)).toEqual([
      '[The outcome: whether we could reproduce the problem, its impact.]',
      '[Wat wij nodig hebben, bijvoorbeeld de stappen]',
    ])
  })

  it('leaves the case key of the subject, a reporter’s tag, links and lower-case brackets alone', () => {
    expect(unreplacedPlaceholders('[VD-2026-007] Our evaluation of your report: [URGENT] XSS in [Login Page]')).toEqual([])
    expect(unreplacedPlaceholders('See [1] and [link](https://example.org) or [an aside in brackets here]')).toEqual([])
    expect(unreplacedPlaceholders('Nothing to replace.')).toEqual([])
  })
})

describe('plaintextWarning: an unencrypted copy of a draft for a report that came in encrypted', () => {
  const armored = '-----BEGIN PGP MESSAGE-----\n\nhQEMA8zQ2fQ7Xq5cAQf/abc\n=XyZ1\n-----END PGP MESSAGE-----\n'
  const decrypted = 'The invoice endpoint returns any customer’s invoice when the id is changed.\nSteps: log in.\n'
  const mail = { references: [], encrypted: true, attachments: [] }

  it('warns when the body repeats a line of a report that came encrypted', () => {
    const c = caseWith({ reportText: decrypted, mail })
    expect(plaintextWarning(c, '> The invoice endpoint returns any customer’s invoice when the id is changed.\n\nThanks.')).toBe('quotes_report')
    expect(plaintextWarning(c, 'Thank you for your report; we are looking into it.')).toBeNull()
  })

  it('warns for any output while the report is still the armored ciphertext: quoting cannot be told', () => {
    expect(plaintextWarning(caseWith({ reportText: armored, mail }), 'Thank you.')).toBe('report_encrypted')
    // Armored text pasted into a case made by hand came encrypted all the same.
    expect(plaintextWarning(caseWith({ reportText: armored }), 'Thank you.')).toBe('report_encrypted')
  })

  it('says nothing for a report that came in the clear, quoted or not', () => {
    expect(plaintextWarning(caseWith({ reportText: decrypted }), `> ${decrypted}`)).toBeNull()
  })

  it('has words for each warning', () => {
    expect(plaintextWarningText.quotes_report).toMatch(/^The reporter sent this report encrypted, and this draft repeats part of it\./)
    expect(plaintextWarningText.report_encrypted).toMatch(/cannot tell whether this draft repeats any of it/)
  })
})
