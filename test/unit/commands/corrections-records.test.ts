import { describe, expect, it } from 'vitest'
import { expectedResolution, milestoneTimes, plannedPublication } from '../../../src/cases/history'
import type { SentEmail } from '../../../src/commands/recordEmail'
import { deadlinesOf } from '../../../src/deadlines'
import { timelineText, type TimelineLine } from '../../../src/i18n/timelineText'
import { ikuuPolicy } from '../../../src/policies/presets'
import { desk, idor, now, refusalOf } from './fixture'

// The IDOR report came in Fri 27 Nov 2026 16:10 in Amsterdam; the clock stands at Tue 1 Dec 10:00 there.
const email = (purpose: SentEmail['purpose']): SentEmail => ({
  templateId: purpose,
  purpose,
  language: 'en',
  from: 'Ana Silva <ana@example.org>',
  to: ['Lena Fischer <lena@fischer.example>'],
  subject: `[VD-2026-001] ${purpose}`,
  body: 'Dear Lena,\n\nAna',
})

function ikuuCase() {
  const d = desk()
  const { id } = d.run({ type: 'case.create', input: { ...idor, policyId: 'ikuu' } })
  const send = (purpose: SentEmail['purpose'], extra: object = {}) =>
    d.run({ type: 'case.recordEmail', caseId: id, email: email(purpose), on: '2026-11-30T09:30:00+01:00', ...extra })
  const withdraw = (eventId: string, reason?: string) => d.run({ type: 'case.withdrawEvent', caseId: id, eventId, reason })
  return { d, id, send, withdraw }
}

const words = (line: TimelineLine) => line.what.map((p) => (typeof p === 'string' ? p : 'strong' in p ? p.strong : p.value)).join('')
const text = (c: Parameters<typeof timelineText>[0], language: 'en' | 'nl') =>
  timelineText(c, { language, timeZone: 'Europe/Amsterdam', isRemoved: () => false, caseKey: () => undefined })

describe('withdrawing what the team told the reporter', () => {
  it('withdraws a mistyped promised date: the one before counts again, and the timeline says so in English and Dutch', () => {
    const { d, id, withdraw } = ikuuCase()
    d.run({ type: 'case.promiseResolution', caseId: id, date: '2027-01-04' })
    const typo = d.run({ type: 'case.promiseResolution', caseId: id, date: '2072-01-15' }).timeline.at(-1)!
    const c = withdraw(typo.id, 'typed 2072 for 2027')
    expect(c.timeline.at(-1)).toMatchObject({ type: 'event_withdrawn', eventId: typo.id, reason: 'typed 2072 for 2027' })
    expect(expectedResolution(c)).toMatchObject({ date: '2027-01-04', earlier: [] })
    const en = text(c, 'en')
    expect(words(en.at(-1)!)).toBe('Withdrew the promised fix date Fri 15 Jan 2072')
    expect(en.at(-1)!.detail).toBe('Reason: typed 2072 for 2027')
    expect(en.find((l) => l.id === typo.id)).toMatchObject({ standing: 'withdrawn', withdrawable: false })
    expect(words(text(c, 'nl').at(-1)!)).toBe('Trok de beloofde oplossingsdatum vr 15 jan 2072 in')
    // A new promise says it replaces the date that stands, not the withdrawn one.
    const next = d.run({ type: 'case.promiseResolution', caseId: id, date: '2027-01-11' })
    expect(words(text(next, 'en').at(-1)!)).toBe('Promised the fix by Mon 11 Jan 2027 (was Mon 4 Jan 2027)')
    expect(refusalOf(() => withdraw(typo.id)).message).toBe('This entry was withdrawn already; it no longer counts and cannot be changed.')
  })

  it('withdraws a proposed publication: the one proposed before is the plan again', () => {
    const { send, withdraw } = ikuuCase()
    send('publication_consultation', { inputs: { publication: { at: '2027-02-02T10:00:00+01:00', timeZone: 'Europe/Amsterdam' } } })
    const c1 = send('publication_consultation', { inputs: { publication: { at: '2027-03-02T10:00:00+01:00', timeZone: 'Europe/Amsterdam' } } })
    const proposal = c1.timeline.at(-1)!
    const c = withdraw(proposal.id)
    expect(plannedPublication(c)).toEqual({ at: '2027-02-02T10:00:00+01:00', timeZone: 'Europe/Amsterdam' })
    expect(words(text(c, 'en').at(-1)!)).toMatch(/^Withdrew the proposed publication on Tue 2 Mar 2027 10:00/)
    expect(words(text(c, 'nl').at(-1)!)).toMatch(/^Trok de voorgestelde publicatie op di 2 mrt 2027 10:00.* in$/)
  })

  it('withdraws an email marked as sent by mistake with the milestone, status move and promise it recorded', () => {
    const { d, id, send, withdraw } = ikuuCase()
    send('acknowledgement')
    d.run({ type: 'case.transition', caseId: id, transition: { to: 'evaluating' } })
    const marked = send('evaluation', { inputs: { expectedResolutionDate: '2027-01-15' } })
    expect(marked.status).toBe('accepted')
    const sent = marked.timeline.findLast((e) => e.type === 'email_sent')!
    const c = withdraw(sent.id, 'marked the wrong case')
    expect(c.status).toBe('evaluating')
    expect(milestoneTimes(c).has('evaluation_sent')).toBe(false)
    expect(expectedResolution(c)).toBeUndefined()
    expect(deadlinesOf(c, ikuuPolicy, now).find((x) => x.ruleId === 'evaluation')?.state).toBe('upcoming')
    const en = text(c, 'en')
    expect(en.find((l) => l.id === sent.id)).toMatchObject({ standing: 'withdrawn', withdrawable: false })
    expect(en.map(words)).toContain('Withdrew ‘Evaluation with expected resolution date’ marked as sent on Mon 30 Nov 09:30')
    expect(text(c, 'nl').map(words)).toContain('Trok ‘Beoordeling met verwachte hersteldatum’ in, als verstuurd vastgelegd op ma 30 nov 09:30')
  })

  it('refuses, in words, to withdraw an email whose milestone the case has moved on from, and records nothing', () => {
    const { d, id, send, withdraw } = ikuuCase()
    const sent = send('acknowledgement').timeline.find((e) => e.type === 'email_sent')!
    d.run({ type: 'case.transition', caseId: id, transition: { to: 'evaluating' } })
    const before = d.doc
    const error = refusalOf(() => withdraw(sent.id))
    expect(error.code).toBe('invalid_transition')
    expect(error.issues[0]).toMatchObject({ path: 'reason' })
    expect(error.issues[0]?.message).toMatch(/moved on since; undo the later moves first, or correct the date instead/)
    expect(d.doc).toBe(before)
  })

  it('withdraws an email that recorded no milestone alone, and offers emails and promises for withdrawal on the timeline', () => {
    const { send, withdraw } = ikuuCase()
    send('acknowledgement')
    const again = send('acknowledgement')
    const second = again.timeline.at(-1)!
    expect(text(again, 'en').find((l) => l.id === second.id)).toMatchObject({ withdrawable: true, correctable: false })
    const c = withdraw(second.id)
    expect(c.timeline.at(-1)).toMatchObject({ type: 'event_withdrawn', eventId: second.id })
    expect(c.status).toBe('acknowledged')
    expect(milestoneTimes(c).has('acknowledgement_sent')).toBe(true)
  })
})
