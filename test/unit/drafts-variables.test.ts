import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../../src/cases/case'
import { variableList } from '../../src/drafts/variables'
import { letterDate, moneyWords } from '../../src/i18n/draftWords'
import { aimms, caseWith, ikuu, variablesFor } from './drafts-fixtures'

const now = new Date('2026-12-03T15:00:00Z')
const by = { memberId: 'm1', name: 'Eva de Vries' }

const names = [
  'case_key', 'case_title', 'asset', 'severity', 'status', 'received', 'reporter_name', 'reporter_email',
  'reporter_handle', 'sender_name', 'sender_role', 'sender_email', 'signature', 'organisation', 'policy_name',
  'ack_due', 'evaluation_due', 'expected_resolution_date', 'next_update_due', 'publication_date', 'credit_line',
  'credit_choice', 'reward', 'reward_amount', 'report_excerpt',
]

describe('draftVariables', () => {
  it('has every variable the templates may use, each a string, empty where the case has no value', () => {
    const vars = variablesFor(caseWith(), aimms, 'en', now, { sender: null, organisation: '' })
    for (const name of names) expect(typeof vars[name]).toBe('string')
    expect(vars).toMatchObject({
      case_key: 'VD-2026-007',
      reporter_handle: '',
      sender_name: '',
      sender_role: '',
      sender_email: '',
      organisation: '',
      ack_due: '',
      expected_resolution_date: '',
      next_update_due: '',
      publication_date: '',
      severity: '',
      reward: '',
      reward_amount: '',
      signature: 'The security team',
    })
  })

  it('writes dates out in the recipient’s language: Thursday 3 December 2026, donderdag 3 december 2026', () => {
    expect(variablesFor(caseWith(), ikuu, 'en', now)).toMatchObject({
      received: 'Thursday 3 December 2026 at 14:10 (Europe/Amsterdam)',
      ack_due: 'Monday 7 December 2026',
      ack_within: '2 business days',
      evaluation_within: '3 business days',
      today: 'Thursday 3 December 2026',
      status: 'Received',
    })
    expect(variablesFor(caseWith(), ikuu, 'nl', now)).toMatchObject({
      received: 'donderdag 3 december 2026 om 14:10 (Europe/Amsterdam)',
      ack_due: 'maandag 7 december 2026',
      ack_within: '2 werkdagen',
      status: 'Ontvangen',
    })
  })

  it('writes times on the reporter’s clock, naming the zone: received and the proposed publication', () => {
    const c = caseWith({ received: { at: '2026-12-03T23:30:00Z', timeZone: 'Asia/Tokyo' } })
    const publication = { at: '2027-02-01T10:00:00+01:00', timeZone: 'Europe/Amsterdam' }
    expect(variablesFor(c, ikuu, 'en', now, { inputs: { publication } })).toMatchObject({
      received: 'Friday 4 December 2026 at 08:30 (Asia/Tokyo)',
      publication_date: 'Monday 1 February 2027 at 18:00 (Asia/Tokyo)',
      today: 'Friday 4 December 2026',
    })
  })

  it('leaves the evaluation date empty while the IKUU evaluation waits for the acknowledgement, and gives it once counted', () => {
    expect(variablesFor(caseWith(), ikuu, 'en', now).evaluation_due).toBe('')
    const acknowledged = caseWith({
      timeline: [{ id: 'e1', at: '2026-12-04T09:00:00+01:00', by, type: 'milestone', milestone: 'acknowledgement_sent', on: '2026-12-04T09:00:00+01:00' }],
    })
    // Three business days after Fri 4 Dec.
    expect(variablesFor(acknowledged, ikuu, 'en', now).evaluation_due).toBe('Wednesday 9 December 2026')
    expect(variablesFor(caseWith(), aimms, 'nl', now).evaluation_due).toBe('donderdag 24 december 2026')
  })

  it('takes the expected resolution date from the draft, else from the case; a postponed one names the date before', () => {
    const promised: TimelineEvent = { id: 'p1', at: '2026-12-10T10:00:00+01:00', by, type: 'resolution_promised', date: '2027-01-04' }
    const c = caseWith({ timeline: [promised] })
    expect(variablesFor(c, aimms, 'en', now)).toMatchObject({ expected_resolution_date: 'Monday 4 January 2027', previous_resolution_date: '' })
    expect(variablesFor(c, aimms, 'nl', now, { inputs: { expectedResolutionDate: '2027-01-15' } })).toMatchObject({
      expected_resolution_date: 'vrijdag 15 januari 2027',
      previous_resolution_date: 'maandag 4 januari 2027',
    })
    // Earlier than promised is good news, not a slip.
    expect(variablesFor(c, aimms, 'en', now, { inputs: { expectedResolutionDate: '2026-12-30' } }).previous_resolution_date).toBe('')
  })

  it('says whether the promised date has passed: once its day is over on the team’s calendar, until the fix is released', () => {
    const promised: TimelineEvent = { id: 'p1', at: '2026-12-04T10:00:00+01:00', by, type: 'resolution_promised', date: '2026-12-10' }
    const c = caseWith({ status: 'accepted', timeline: [promised] })
    expect(variablesFor(c, ikuu, 'en', new Date('2026-12-10T22:59:00Z')).previous_resolution_passed).toBe('')
    expect(variablesFor(c, ikuu, 'en', new Date('2026-12-10T23:01:00Z')).previous_resolution_passed).toBe('yes')
    expect(variablesFor(caseWith(), ikuu, 'en', new Date('2026-12-14T09:00:00Z')).previous_resolution_passed).toBe('')
  })

  it('signs with the member’s own signature, else name, role and organisation', () => {
    const signed = variablesFor(caseWith(), ikuu, 'en', now, {
      sender: { name: 'Eva de Vries', email: 'eva@example.nl', signature: 'Eva\nCSIRT Example\n+31 20 123 4567' },
    })
    expect(signed.signature).toBe('Eva\nCSIRT Example\n+31 20 123 4567')
    expect(variablesFor(caseWith(), ikuu, 'en', now).signature).toBe('Eva de Vries\nSecurity lead\nExample B.V.')
  })

  it('puts names and titles on one line, without the controls that reorder or hide text', () => {
    const c = caseWith({
      title: 'Invoice\u202Efdp.exe',
      reporter: { name: 'Security Researcher\r\nBcc: everyone@example.com\u0000', email: 'x@example.org', language: 'en' },
    })
    expect(variablesFor(c, ikuu, 'en', now)).toMatchObject({
      case_title: 'Invoicefdp.exe',
      reporter_name: 'Security Researcher Bcc: everyone@example.com',
    })
  })

  it('words the severity with its CVSS score in each language', () => {
    const c = caseWith({
      severity: { kind: 'cvss', version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', score: 6.5, rating: 'medium' },
    })
    expect(variablesFor(c, ikuu, 'en', now)).toMatchObject({ severity: 'medium (CVSS 3.1 score 6.5)', severity_rating: 'medium' })
    expect(variablesFor(c, ikuu, 'nl', now).severity).toBe('middel (CVSS 3.1-score 6,5)')
  })

  it('words how the reporter will be credited, for each choice', () => {
    const credit = (choice: string, more: object = {}) =>
      variablesFor(caseWith({ credit: { choice, ...more }, reporter: { name: 'Noor Haddad', email: 'n@example.ae', handle: 'noorh' } }), ikuu, 'nl', now)
    expect(credit('not_asked').credit_line).toBe('Noor Haddad')
    expect(credit('named', { displayName: 'N. Haddad', url: 'https://noor.example/' }).credit_line).toBe('N. Haddad (https://noor.example/)')
    expect(credit('handle').credit_line).toBe('noorh')
    expect(credit('anonymous').credit_line).toBe('een anonieme onderzoeker')
    expect(credit('declined')).toMatchObject({ credit_line: '', credit_choice: 'declined' })
  })

  it('words the reward and its amount as a letter in each language writes money', () => {
    const c = caseWith({ reward: { amount: 1500.5, currency: 'EUR', swag: true, status: 'approved' } })
    expect(variablesFor(c, ikuu, 'en', now)).toMatchObject({
      reward: 'a reward of €1,500.50 and a thank-you package',
      reward_amount: '€1,500.50',
      reward_status: 'approved',
    })
    expect(variablesFor(c, ikuu, 'nl', now)).toMatchObject({
      reward: 'een beloning van € 1.500,50 en een bedankpakket',
      reward_amount: '€ 1.500,50',
    })
    expect(moneyWords(300, 'CHF', 'en')).toBe('CHF 300')
    expect(variablesFor(caseWith({ reward: { swag: true } }), ikuu, 'en', now).reward).toBe('a thank-you package')
  })

  it('quotes the first lines of the report as they are, cut to a readable length, and nothing of an encrypted one', () => {
    const reportText = `\n\nLine one {{ x }} <b>\n\nLine three\n${'x'.repeat(250)}\nfive\nsix\nseven`
    expect(variablesFor(caseWith({ reportText }), ikuu, 'en', now).report_excerpt).toBe(
      `Line one {{ x }} <b>\n\nLine three\n${'x'.repeat(200)}…\nfive`,
    )
    const armored = '-----BEGIN PGP MESSAGE-----\n\nhQEMA…\n-----END PGP MESSAGE-----'
    expect(variablesFor(caseWith({ reportText: armored }), ikuu, 'en', now).report_excerpt).toBe('')
    const encrypted = caseWith({ reportText: 'decrypted by hand', mail: { encrypted: true } })
    expect(variablesFor(encrypted, ikuu, 'en', now).report_excerpt).toBe('')
  })
})

describe('variableList', () => {
  it('lists every variable with its value and what it holds, in English and Dutch', () => {
    const vars = variablesFor(caseWith(), ikuu, 'en', now)
    for (const lang of ['en', 'nl'] as const) {
      const list = variableList(vars, lang)
      expect(list.map((v) => v.name)).toEqual(Object.keys(vars))
      for (const v of list) expect(v.description, v.name).not.toBe('')
    }
    expect(variableList(vars, 'en').find((v) => v.name === 'case_key')).toEqual({
      name: 'case_key',
      value: 'VD-2026-007',
      description: 'The case key, e.g. VD-2026-007; keep it in the subject so that replies thread',
    })
  })
})

describe('letterDate', () => {
  it('writes the weekday and month in full', () => {
    expect(letterDate('2027-03-01', 'en')).toBe('Monday 1 March 2027')
    expect(letterDate('2027-03-01', 'nl')).toBe('maandag 1 maart 2027')
  })
})
