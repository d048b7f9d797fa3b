import { describe, expect, it } from 'vitest'
import { Case } from '../../../src/cases/case'
import { expectedResolution, plannedPublication } from '../../../src/cases/history'
import type { RecordEmail, SentEmail } from '../../../src/commands/recordEmail'
import { deadlinesOf } from '../../../src/deadlines'
import { ikuuPolicy } from '../../../src/policies/presets'
import { desk, idor, now, refusalOf } from './fixture'

// The IDOR report came in Fri 27 Nov 2026 16:10 in Amsterdam; the clock stands at Tue 1 Dec 10:00 there.
const mondayMorning = '2026-11-30T09:30:00+01:00'

const email = (purpose: SentEmail['purpose'], extra: Partial<SentEmail> = {}): SentEmail => ({
  templateId: purpose,
  purpose,
  language: 'en',
  from: 'Ana Silva <ana@example.org>',
  to: ['Lena Fischer <lena@fischer.example>'],
  subject: `[VD-2026-001] ${purpose}`,
  body: 'Dear Lena,\n\nThank you for your report.\n\nAna',
  ...extra,
})

function ikuuCase() {
  const d = desk()
  const c = d.run({ type: 'case.create', input: { ...idor, policyId: 'ikuu' } })
  const send = (purpose: SentEmail['purpose'], rest: Partial<Omit<RecordEmail, 'type' | 'caseId' | 'email'>> = {}) =>
    d.run({ type: 'case.recordEmail', caseId: c.id, email: email(purpose), on: mondayMorning, ...rest })
  return { d, id: c.id, send }
}

describe('case.recordEmail', () => {
  it('records the email as sent, keeps the acknowledgement at its sending time and moves the case to Acknowledged', () => {
    const { send } = ikuuCase()
    const c = send('acknowledgement', { forDeadline: { ruleId: 'acknowledgement', occurrence: 1 } })
    const [sent, milestone, moved] = c.timeline.slice(-3)
    expect(sent).toMatchObject({
      type: 'email_sent',
      templateId: 'acknowledgement',
      purpose: 'acknowledgement',
      language: 'en',
      on: mondayMorning,
      to: ['Lena Fischer <lena@fischer.example>'],
      cc: [],
      encrypted: false,
      forDeadline: { ruleId: 'acknowledgement', occurrence: 1 },
      milestoneEvent: milestone!.id,
      by: { memberId: 'm-ana', name: 'Ana Silva' },
    })
    expect(milestone).toMatchObject({ type: 'milestone', milestone: 'acknowledgement_sent', on: mondayMorning })
    expect(moved).toMatchObject({ type: 'status_changed', from: 'received', to: 'acknowledged', milestoneEvent: milestone!.id })
    expect(c.status).toBe('acknowledged')
    expect(Case.safeParse(c).success).toBe(true)
  })

  it('meets the deadline it was drafted for and starts the ones counted from it (IKUU’s three days of assessment)', () => {
    const { send } = ikuuCase()
    const c = send('acknowledgement')
    const [ack, evaluation] = deadlinesOf(c, ikuuPolicy, now)
    expect(ack).toMatchObject({ ruleId: 'acknowledgement', state: 'met_on_time', kept: { event: 'acknowledgement_sent' } })
    // Three business days from Mon 30 Nov: Thu 3 Dec.
    expect(evaluation).toMatchObject({ ruleId: 'evaluation', state: 'upcoming', anchorAt: '2026-11-30T08:30:00.000Z', dueDate: '2026-12-03' })
  })

  it('records a second acknowledgement as an email only: the milestone is already on the timeline', () => {
    const { send } = ikuuCase()
    send('acknowledgement')
    const c = send('acknowledgement', { on: '2026-12-01T09:45:00+01:00' })
    expect(c.timeline.at(-1)).toMatchObject({ type: 'email_sent', on: '2026-12-01T09:45:00+01:00' })
    expect(c.timeline.at(-1)).toMatchObject({ milestoneEvent: undefined })
    expect(c.timeline.filter((e) => e.type === 'milestone')).toHaveLength(1)
    expect(c.status).toBe('acknowledged')
  })

  it('moves an Acknowledged case into evaluation before recording an evaluation, meeting its deadline and starting the updates', () => {
    const { send } = ikuuCase()
    send('acknowledgement')
    const c = send('evaluation', { on: '2026-12-01T09:30:00+01:00', forDeadline: { ruleId: 'evaluation', occurrence: 1 } })
    const [sent, toEvaluating, milestone, toAccepted] = c.timeline.slice(-4)
    expect(sent).toMatchObject({ type: 'email_sent', purpose: 'evaluation', milestoneEvent: milestone!.id })
    expect(toEvaluating).toMatchObject({ type: 'status_changed', from: 'acknowledged', to: 'evaluating', milestoneEvent: undefined })
    expect(milestone).toMatchObject({ type: 'milestone', milestone: 'evaluation_sent', on: '2026-12-01T09:30:00+01:00' })
    expect(toAccepted).toMatchObject({ type: 'status_changed', from: 'evaluating', to: 'accepted', milestoneEvent: milestone!.id })
    expect(c.status).toBe('accepted')
    const deadlines = deadlinesOf(c, ikuuPolicy, now)
    expect(deadlines.find((d) => d.ruleId === 'evaluation')).toMatchObject({ state: 'met_on_time' })
    expect(deadlines.find((d) => d.ruleId === 'progress-reports')?.state).not.toBe('waiting')
  })

  it('moves a Received or Needs info case into evaluation the same way; the acknowledgement it skipped stays open', () => {
    const received = ikuuCase().send('evaluation')
    expect(received.timeline.filter((e) => e.type === 'status_changed').map((e) => [e.from, e.to])).toEqual([
      ['received', 'evaluating'],
      ['evaluating', 'accepted'],
    ])
    expect(received.timeline.some((e) => e.type === 'milestone' && e.milestone === 'acknowledgement_sent')).toBe(false)
    const { send } = ikuuCase()
    send('request_info')
    expect(send('evaluation').timeline.slice(-3).map((e) => (e.type === 'status_changed' ? `${e.from}>${e.to}` : e.type))).toEqual([
      'needs_info>evaluating',
      'milestone',
      'evaluating>accepted',
    ])
  })

  it('never reopens, closes or claims another milestone to record one: such an email is recorded alone', () => {
    const closed = ikuuCase()
    closed.d.run({ type: 'case.transition', caseId: closed.id, transition: { to: 'closed', closingReason: 'spam' }, acceptOpenPromises: true })
    const c = closed.send('evaluation')
    expect(c.status).toBe('closed')
    expect(c.timeline.at(-1)).toMatchObject({ type: 'email_sent', milestoneEvent: undefined })
    // A fix announced while the case is in evaluation: Accepted would say the evaluation went out, and it did not.
    const evaluating = ikuuCase()
    evaluating.d.run({ type: 'case.transition', caseId: evaluating.id, transition: { to: 'evaluating' } })
    const fix = evaluating.send('fix_released')
    expect(fix.status).toBe('evaluating')
    expect(fix.timeline.at(-1)).toMatchObject({ type: 'email_sent', purpose: 'fix_released', milestoneEvent: undefined })
  })

  it('moves the case to Needs info with a request for more information, and not again once it waits', () => {
    const { send } = ikuuCase()
    send('acknowledgement')
    const c = send('request_info')
    expect(c.timeline.at(-1)).toMatchObject({ type: 'status_changed', from: 'acknowledged', to: 'needs_info' })
    expect(c.status).toBe('needs_info')
    const again = send('request_info')
    expect(again.timeline.at(-1)).toMatchObject({ type: 'email_sent', purpose: 'request_info' })
    expect(again.status).toBe('needs_info')
  })

  it('records the expected resolution date of an evaluation as the commitment, linked to the email', () => {
    const { d, id, send } = ikuuCase()
    d.run({ type: 'case.transition', caseId: id, transition: { to: 'evaluating' } })
    const c = send('evaluation', { inputs: { expectedResolutionDate: '2027-01-15' } })
    const sent = c.timeline.find((e) => e.type === 'email_sent')!
    expect(c.timeline.at(-1)).toMatchObject({ type: 'resolution_promised', date: '2027-01-15', emailEvent: sent.id })
    expect(sent).toMatchObject({ inputs: { expectedResolutionDate: '2027-01-15' } })
    expect(c.status).toBe('accepted')
    expect(expectedResolution(c)).toEqual({ date: '2027-01-15', eventId: c.timeline.at(-1)!.id, earlier: [] })
  })

  it('refuses an expected resolution date before the day the email went out, and records nothing', () => {
    const { d, send } = ikuuCase()
    const before = d.doc
    const error = refusalOf(() => send('evaluation', { inputs: { expectedResolutionDate: '2026-11-29' } }))
    expect(error.issues).toEqual([
      {
        path: 'inputs.expectedResolutionDate',
        message: 'The expected resolution date cannot lie before 2026-11-30, the day it was promised; enter that day or a later one',
      },
    ])
    expect(d.doc).toBe(before)
    // The day it was sent is a possible date: a fix released the same day.
    expect(send('evaluation', { inputs: { expectedResolutionDate: '2026-11-30' } }).timeline.at(-1)).toMatchObject({ date: '2026-11-30' })
  })

  it('records a proposed publication moment with its zone, and refuses one before the email or in an unknown zone', () => {
    const { send } = ikuuCase()
    const publication = { at: '2027-02-02T10:00:00+01:00', timeZone: 'Europe/Amsterdam' }
    const c = send('publication_consultation', { inputs: { publication } })
    expect(c.timeline.at(-1)).toMatchObject({ type: 'publication_proposed', publication })
    expect(plannedPublication(c)).toEqual(publication)
    expect(refusalOf(() => send('publication_consultation', { inputs: { publication: { ...publication, timeZone: 'Mars/Olympus' } } })).issues).toEqual([
      { path: 'inputs.publication.timeZone', message: 'Choose a time zone from the list' },
    ])
    expect(
      refusalOf(() => send('publication_consultation', { inputs: { publication: { ...publication, at: '2026-11-30T09:00:00+01:00' } } })).issues,
    ).toEqual([{ path: 'inputs.publication.at', message: 'The proposed publication lies before the email was sent; propose a later moment' }])
  })

  it('refuses a sending time before the report came in or in the future, at the time field', () => {
    const { send } = ikuuCase()
    expect(refusalOf(() => send('acknowledgement', { on: '2026-11-27T16:00:00+01:00' })).issues).toEqual([
      { path: 'on', message: 'This is before the report was received; enter a time on or after it' },
    ])
    expect(refusalOf(() => send('acknowledgement', { on: '2026-12-02T10:00:00+01:00' })).issues[0]?.path).toBe('on')
  })

  it('refuses an email without a recipient, naming the field', () => {
    const { d, id } = ikuuCase()
    const error = refusalOf(() => d.run({ type: 'case.recordEmail', caseId: id, email: email('acknowledgement', { to: [] }), on: mondayMorning }))
    expect(error.issues).toEqual([{ path: 'email.to', message: 'Name at least one recipient' }])
  })

  it('refuses a sender or recipient that is not one mailbox, naming the field, and records nothing', () => {
    const { d, id } = ikuuCase()
    const before = d.doc
    const sendWith = (extra: Partial<SentEmail>) => () =>
      d.run({ type: 'case.recordEmail', caseId: id, email: email('acknowledgement', extra), on: mondayMorning })
    expect(refusalOf(sendWith({ from: 'not an address\r\nBcc: x@y.nl' })).issues[0]?.path).toBe('email.from')
    expect(refusalOf(sendWith({ to: ['{{ x }}'] })).issues).toEqual([
      { path: 'email.to.0', message: 'Recipient 1 "{{ x }}" is not one email address: write it as name@example.org or as Name <name@example.org>' },
    ])
    expect(refusalOf(sendWith({ to: ['lena@fischer.example'], cc: ['a@b.nl', 'a@b.nl, eve@evil.example'] })).issues[0]?.path).toBe('email.cc.1')
    expect(refusalOf(sendWith({ to: Array.from({ length: 51 }, (_, i) => `r${i}@fischer.example`) })).issues[0]?.path).toBe('email.to')
    expect(d.doc).toBe(before)
  })

  it('refuses a change made on an older revision of the case', () => {
    const { d, id, send } = ikuuCase()
    d.run({ type: 'case.addNote', caseId: id, text: 'Reproduced' })
    expect(refusalOf(() => send('acknowledgement', { revision: 1 })).code).toBe('conflict')
    expect(send('acknowledgement', { revision: 2 }).revision).toBe(3)
  })
})

describe('case.promiseResolution', () => {
  it('records a date agreed outside the app; the latest promise counts and the earlier ones stay as history', () => {
    const { d, id } = ikuuCase()
    d.run({ type: 'case.promiseResolution', caseId: id, date: '2027-01-04' })
    d.run({ type: 'case.promiseResolution', caseId: id, date: '2027-01-15' })
    const c = d.run({ type: 'case.promiseResolution', caseId: id, date: '2027-01-22' })
    expect(expectedResolution(c)).toEqual({ date: '2027-01-22', eventId: c.timeline.at(-1)!.id, earlier: ['2027-01-04', '2027-01-15'] })
  })

  it('refuses a date before today on the team calendar, and one that is not in the calendar', () => {
    const { d, id } = ikuuCase()
    // Today is Tue 1 Dec in Amsterdam: yesterday is refused, today is a possible date.
    expect(refusalOf(() => d.run({ type: 'case.promiseResolution', caseId: id, date: '2026-11-30' })).issues).toEqual([
      { path: 'date', message: 'The expected resolution date cannot lie before 2026-12-01, the day it was promised; enter that day or a later one' },
    ])
    expect(d.run({ type: 'case.promiseResolution', caseId: id, date: '2026-12-01' }).timeline.at(-1)).toMatchObject({ date: '2026-12-01' })
    expect(refusalOf(() => d.run({ type: 'case.promiseResolution', caseId: id, date: '2027-02-30' })).issues).toEqual([
      { path: 'date', message: 'This is not a date in the calendar; enter it as YYYY-MM-DD' },
    ])
  })
})

describe('a case from an email', () => {
  const attachment = { name: 'poc.har', type: 'application/json', size: 48_213, sha256: 'a'.repeat(64) }

  it('keeps the mail it came in as: Message-ID, references and attachments, and fills what was left out', () => {
    const d = desk()
    const c = d.run({ type: 'case.create', input: { ...idor, mail: { messageId: '<r1@fischer.example>', attachments: [attachment] } } })
    expect(c.mail).toEqual({ messageId: '<r1@fischer.example>', references: [], encrypted: false, attachments: [attachment] })
  })

  it('refuses an attachment digest that is not a SHA-256 in lowercase hex, naming the field', () => {
    const d = desk()
    const error = refusalOf(() => d.run({ type: 'case.create', input: { ...idor, mail: { attachments: [{ ...attachment, sha256: 'A'.repeat(64) }] } } }))
    expect(error.issues).toEqual([{ path: 'mail.attachments.0.sha256', message: 'A SHA-256 digest in lowercase hex' }])
  })

  it('cannot have its mail edited afterwards: what arrived is not a field of the case', () => {
    const d = desk()
    const { id } = d.run({ type: 'case.create', input: { ...idor, mail: { messageId: '<r1@fischer.example>' } } })
    const c = d.run({ type: 'case.update', caseId: id, patch: { title: 'IDOR in invoices', mail: { messageId: '<forged@x>' } } as never })
    expect(c.mail?.messageId).toBe('<r1@fischer.example>')
  })
})
