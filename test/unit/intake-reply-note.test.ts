import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { intakeNoteText, replyNoteText } from '../../src/i18n/intakeText'

const reply: CaseInput = {
  title: 'Re: [VD-2026-012] We received your report',
  reporter: { name: 'Priya Raman', email: 'priya@example.org' },
  received: { at: '2026-12-07T09:05:00.000Z', timeZone: 'Europe/Amsterdam' },
  reportText: 'Thanks! {{ case_key }} <b>still</b> reproduces on 2.4.1.\n\n> earlier text',
}

describe('an imported reply as a note on its case', () => {
  it('holds the sender, the time on their clock, the subject and the text as it came', () => {
    expect(replyNoteText(reply)).toBe(
      [
        'Reply by email from Priya Raman <priya@example.org>',
        'Sent Mon 7 Dec 2026 10:05 (Europe/Amsterdam)',
        'Subject: Re: [VD-2026-012] We received your report',
        '',
        'Thanks! {{ case_key }} <b>still</b> reproduces on 2.4.1.',
        '',
        '> earlier text',
      ].join('\n'),
    )
  })

  it('says so when the mail names no sender or has no text', () => {
    const text = replyNoteText({ ...reply, reporter: { name: '', email: '' }, reportText: '  ' })
    expect(text).toMatch(/^Reply by email from a sender the mail does not name\n/)
    expect(text).toMatch(/\n\(The mail has no text\.\)$/)
  })

  it('fits a note (100,000 characters) and says where a longer reply was cut', () => {
    const text = replyNoteText({ ...reply, reportText: 'x'.repeat(1_000_000) })
    expect(text.length).toBe(100_000)
    expect(text).toMatch(/\[Cut here: the reply is 1,000,000 characters long, more than a note keeps\. The rest is in the mail\.\]$/)
  })
})

describe('the import notes do not claim more than the mail shows', () => {
  it('a date in the future may be a wrong clock, not certainly one', () => {
    expect(intakeNoteText({ kind: 'date_in_future', value: 'Fri, 1 Jan 2027 10:00:00 +0100' })).toContain('the sender’s clock may be wrong')
  })

  it('a key attached to the mail is most likely the reporter’s, and an unknown offset is unknown to the desk', () => {
    expect(intakeNoteText({ kind: 'pgp_key_found', from: 'attachment' })).toContain('most likely the reporter’s')
    expect(intakeNoteText({ kind: 'zone_unknown', offset: '+01:15' })).toMatch(/^No time zone the desk knows had /)
    expect(intakeNoteText({ kind: 'mail_attached', name: 'Report.eml' })).toContain('as forwarded reports often do')
  })
})
