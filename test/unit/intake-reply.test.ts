import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { replyTarget, titleWithoutReplyPrefix } from '../../src/intake/replyTarget'
import { caseWith } from './drafts-fixtures'

const report = caseWith({ id: 'c-report', key: 'VD-2026-012', mail: { messageId: '<report-1@mail.example>', references: [] } })
const other = caseWith({ id: 'c-other', key: 'VD-2026-013', mail: { messageId: '<other@mail.example>', references: [] } })
const typedIn = caseWith({ id: 'c-typed', key: 'VD-2026-014' })
const cases = [report, other, typedIn]

const mail = (title: string, references: string[] = [], messageId = '<new@reporter.example>'): CaseInput => ({
  title,
  reporter: { name: 'Priya Raman', email: 'priya@example.org' },
  received: { at: '2026-12-07T09:00:00.000Z', timeZone: 'UTC' },
  mail: { messageId, references },
})

describe('the case an imported mail replies to', () => {
  it("is the case whose report's Message-ID the mail's thread names, the nearest parent first", () => {
    // A reply to the team's acknowledgement: the report's id, then the acknowledgement's (not recorded here).
    expect(replyTarget(mail('Thanks', ['<report-1@mail.example>', '<ack-7@desk.example>']), cases)).toEqual({
      caseId: 'c-report',
      key: 'VD-2026-012',
      by: 'message_id',
    })
    expect(replyTarget(mail('Both', ['<report-1@mail.example>', '<other@mail.example>']), cases)?.caseId).toBe('c-other')
    // In-Reply-To written without its angle brackets is the same id.
    expect(replyTarget(mail('Bare', ['report-1@mail.example']), cases)?.caseId).toBe('c-report')
  })

  it('is the known case whose key is in brackets in the subject, when the thread names none', () => {
    expect(replyTarget(mail('Re: [VD-2026-014] We received your report', ['<lost@elsewhere>']), cases)).toEqual({
      caseId: 'c-typed',
      key: 'VD-2026-014',
      by: 'case_key',
    })
    // The thread outranks the subject.
    expect(replyTarget(mail('Re: [VD-2026-014] x', ['<other@mail.example>']), cases)?.caseId).toBe('c-other')
  })

  it('is none for a new report, a key no case here has, a key without brackets, or the same mail imported again', () => {
    expect(replyTarget(mail('SQL injection in login'), cases)).toBeUndefined()
    expect(replyTarget(mail('Re: [VD-2025-999] old thread'), cases)).toBeUndefined()
    expect(replyTarget(mail('About VD-2026-012 and more'), cases)).toBeUndefined()
    expect(replyTarget(mail('Again', ['<report-1@mail.example>'], '<report-1@mail.example>'), cases)).toBeUndefined()
    expect(replyTarget({ ...mail('No mail facts'), mail: undefined }, cases)).toBeUndefined()
  })
})

describe('a new case title from a reply or forward subject', () => {
  it('loses the reply and forward markers of common mail clients, any number in a row', () => {
    expect(titleWithoutReplyPrefix('Re: SQL injection')).toBe('SQL injection')
    expect(titleWithoutReplyPrefix('RE: Fwd: AW: Antw: SQL injection')).toBe('SQL injection')
    expect(titleWithoutReplyPrefix('Fw:XSS in search')).toBe('XSS in search')
    expect(titleWithoutReplyPrefix('Re[2]: WG: Doorst: Lek in API')).toBe('Lek in API')
  })

  it('keeps a subject that only looks like one, and one that is nothing but markers', () => {
    expect(titleWithoutReplyPrefix('Reflected XSS: search page')).toBe('Reflected XSS: search page')
    expect(titleWithoutReplyPrefix('Awkward redirect')).toBe('Awkward redirect')
    expect(titleWithoutReplyPrefix('Re:')).toBe('Re:')
  })
})
