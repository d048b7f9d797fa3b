import { describe, expect, it } from 'vitest'
import type { Case } from '../../src/cases/case'
import { runCommand, type Command, type CommandContext } from '../../src/commands'
import { timelineText, type TimelineLine } from '../../src/i18n/timelineText'
import { copyPolicy } from '../../src/policies/catalog'
import { ikuuPolicy } from '../../src/policies/presets'
import { emptyDocument, type StoreDocument } from '../../src/store/document'

const ana = { memberId: 'm-ana', name: 'Ana Silva' }
const bo = { memberId: 'm-bo', name: 'Bo de Vries' }

/** Runs commands as the given people on one document, the clock ticking a minute per command. */
function history(steps: { as: typeof ana; command: Command }[]): Case {
  let doc: StoreDocument = emptyDocument()
  let n = 0
  let id = ''
  for (const [i, step] of steps.entries()) {
    const ctx: CommandContext = { now: new Date(Date.UTC(2026, 11, 1, 9, i)), actor: step.as, newId: () => `id-${++n}` }
    const command = 'caseId' in step.command ? { ...step.command, caseId: id } : step.command
    const outcome = runCommand(doc, command as Command, ctx)
    doc = outcome.document
    if (step.command.type === 'case.create') id = (outcome.result as Case).id
  }
  return doc.cases.find((c) => c.id === id)!
}

const input = {
  title: 'Stored XSS',
  reporter: { name: 'Ada', email: 'ada@example.org', language: 'en' as const },
  received: { at: '2026-11-30T10:00:00+01:00', timeZone: 'Europe/Amsterdam' },
  policyId: 'ikuu',
}

const sentence = (line: TimelineLine) => line.what.map((p) => (typeof p === 'string' ? p : 'value' in p ? p.value : p.strong)).join('')
const context = (language: 'en' | 'nl', removed: string[] = []) => ({
  language,
  timeZone: 'Europe/Amsterdam',
  isRemoved: (memberId: string) => removed.includes(memberId),
  caseKey: () => undefined,
})

describe('the timeline in words', () => {
  const kase = history([
    { as: ana, command: { type: 'case.create', input } },
    { as: bo, command: { type: 'case.update', caseId: '', patch: { credit: { choice: 'named', cveCreditType: 'finder' } } } },
    { as: ana, command: { type: 'case.recordMilestone', caseId: '', milestone: 'publication_consulted', on: '2026-12-01T09:00:00+01:00' } },
  ])
  const milestone = kase.timeline.find((e) => e.type === 'milestone')!
  const corrected = history([
    { as: ana, command: { type: 'case.create', input } },
    { as: ana, command: { type: 'case.recordMilestone', caseId: '', milestone: 'acknowledgement_sent', on: '2026-12-01T09:00:00+01:00' } },
  ])
  const ack = corrected.timeline.find((e) => e.type === 'milestone')!
  const afterCorrection = history([
    { as: ana, command: { type: 'case.create', input } },
    { as: ana, command: { type: 'case.recordMilestone', caseId: '', milestone: 'acknowledgement_sent', on: '2026-12-01T09:00:00+01:00' } },
    { as: bo, command: { type: 'case.correctEvent', caseId: '', eventId: ack.id, on: '2026-11-30T16:00:00+01:00', reason: 'Typo' } },
  ])

  it('names each person as recorded on the event, and a member since removed as removed', () => {
    expect(timelineText(kase, context('en')).map((l) => l.who)).toEqual(['Ana Silva', 'Bo de Vries', 'Ana Silva'])
    expect(timelineText(kase, context('en', ['m-bo']))[1]!.who).toBe('Bo de Vries (removed)')
    expect(timelineText(kase, context('nl', ['m-bo']))[1]!.who).toBe('Bo de Vries (verwijderd)')
  })

  it('writes a credit change by name, never the stored value', () => {
    expect(sentence(timelineText(kase, context('en'))[1]!)).toBe('Changed the credit from Not yet asked to By name')
    expect(sentence(timelineText(kase, context('nl'))[1]!)).toBe('Wijzigde de vermelding van Nog niet gevraagd naar Op naam')
  })

  it('writes a policy change by the policies’ names', () => {
    const copy = copyPolicy(ikuuPolicy, 'ikuu-copy-1', `${ikuuPolicy.name} (copy)`)
    const moved = history([
      { as: ana, command: { type: 'policy.save', policy: copy } },
      { as: ana, command: { type: 'case.create', input } },
      { as: ana, command: { type: 'case.update', caseId: '', patch: { policyId: 'ikuu-copy-1' } } },
    ])
    expect(sentence(timelineText(moved, context('en')).at(-1)!)).toBe(
      `Changed the policy from ${ikuuPolicy.name} to ${ikuuPolicy.name} (copy)`,
    )
  })

  it('writes a milestone with its day and time on the given clock', () => {
    expect(milestone.type).toBe('milestone')
    expect(sentence(timelineText(kase, context('en'))[2]!)).toBe('Reporter consulted on publication on Tue 1 Dec 09:00')
    expect(sentence(timelineText(kase, context('nl'))[2]!)).toBe('Melder geraadpleegd over publicatie op di 1 dec 09:00')
  })

  it('a correction names what it replaces, and marks the original as corrected', () => {
    const lines = timelineText(afterCorrection, context('en'))
    const correction = (ls: TimelineLine[]) => ls.find((l) => l.type === 'event_corrected')!
    expect(lines.find((l) => l.type === 'milestone')).toMatchObject({ standing: 'corrected', correctable: true })
    expect(sentence(correction(lines))).toBe(
      'Corrected the date of ‘Acknowledgement sent’ from Tue 1 Dec 2026 09:00 to Mon 30 Nov 2026 16:00',
    )
    expect(correction(lines)).toMatchObject({ who: 'Bo de Vries', detail: 'Reason: Typo', correctable: false })
    expect(sentence(correction(timelineText(afterCorrection, context('nl'))))).toBe(
      'Corrigeerde de datum van ‘Ontvangstbevestiging verstuurd’ van di 1 dec 2026 09:00 naar ma 30 nov 2026 16:00',
    )
  })

  it('a correction of the time alone names both times; the same instant written with another offset is no new date', () => {
    const recorded = history([
      { as: ana, command: { type: 'case.create', input } },
      { as: ana, command: { type: 'case.recordMilestone', caseId: '', milestone: 'acknowledgement_sent', on: '2026-11-30T16:00:00+01:00' } },
    ])
    const eventId = recorded.timeline.find((e) => e.type === 'milestone')!.id
    const correctedTo = (on: string) =>
      history([
        { as: ana, command: { type: 'case.create', input } },
        { as: ana, command: { type: 'case.recordMilestone', caseId: '', milestone: 'acknowledgement_sent', on: '2026-11-30T16:00:00+01:00' } },
        { as: ana, command: { type: 'case.correctEvent', caseId: '', eventId, on, comment: 'By phone' } },
      ])
    const correction = (c: Case, lang: 'en' | 'nl') => sentence(timelineText(c, context(lang)).find((l) => l.type === 'event_corrected')!)
    const laterThatDay = correctedTo('2026-11-30T17:30:00+01:00')
    expect(correction(laterThatDay, 'en')).toBe('Corrected the date of ‘Acknowledgement sent’ from Mon 30 Nov 2026 16:00 to Mon 30 Nov 2026 17:30')
    expect(correction(laterThatDay, 'nl')).toBe(
      'Corrigeerde de datum van ‘Ontvangstbevestiging verstuurd’ van ma 30 nov 2026 16:00 naar ma 30 nov 2026 17:30',
    )
    expect(correction(correctedTo('2026-11-30T15:00:00Z'), 'en')).toBe('Corrected the comment of ‘Acknowledgement sent’')
  })

  it('a withdrawn milestone names its day, in a whole sentence in either language', () => {
    const withdrawn = history([
      { as: ana, command: { type: 'case.create', input } },
      { as: ana, command: { type: 'case.recordMilestone', caseId: '', milestone: 'acknowledgement_sent', on: '2026-12-01T09:00:00+01:00' } },
      { as: ana, command: { type: 'case.withdrawEvent', caseId: '', eventId: ack.id } },
    ])
    const line = (lang: 'en' | 'nl') => sentence(timelineText(withdrawn, context(lang)).find((l) => l.type === 'event_withdrawn')!)
    expect(line('en')).toBe('Withdrew ‘Acknowledgement sent’ of Tue 1 Dec 2026')
    expect(line('nl')).toBe('Trok ‘Ontvangstbevestiging verstuurd’ van di 1 dec 2026 in')
  })

  it('a change an older version recorded as text names the field in words, never by its key', () => {
    const at = '2026-12-01T10:00:00.000Z'
    const described = (field: string): Case => ({
      ...kase,
      timeline: [...kase.timeline, { id: `fd-${field}`, type: 'field_described', at, by: ana, field, from: 'Short', to: 'Long' }],
    })
    const last = (c: Case, lang: 'en' | 'nl') => sentence(timelineText(c, context(lang)).at(-1)!)
    expect(last(described('reportText'), 'en')).toBe('Changed the report text from Short to Long')
    expect(last(described('reportText'), 'nl')).toBe('Wijzigde de meldingstekst van Short naar Long')
    expect(last(described('colour'), 'en')).toBe('Changed a field from Short to Long')
    expect(last(described('constructor'), 'nl')).toBe('Wijzigde een veld van Short naar Long')
  })

  it('an assignee or policy recorded without a name is a former member or a removed policy, never an id', () => {
    const at = '2026-12-01T10:00:00.000Z'
    const changed = (field: string, from: unknown, to: unknown): Case => ({
      ...kase,
      timeline: [...kase.timeline, { id: `fc-${field}`, type: 'field_changed', at, by: ana, field, from, to } as unknown as Case['timeline'][number]],
    })
    const last = (c: Case, lang: 'en' | 'nl') => sentence(timelineText(c, context(lang)).at(-1)!)
    const assignee = changed('assigneeId', null, { memberId: 'm-gone' })
    expect(last(assignee, 'en')).toBe('Changed the assignee from nobody to a former member')
    expect(last(assignee, 'nl')).toBe('Wijzigde de behandelaar van niemand naar een voormalig teamlid')
    expect(last(changed('assigneeId', { memberId: 'm-gone', name: '' }, null), 'en')).toBe('Changed the assignee from a former member to nobody')
    const policy = changed('policyId', { policyId: 'ikuu', name: 'IKUU' }, { policyId: 'gone' })
    expect(last(policy, 'en')).toBe('Changed the policy from IKUU to a policy that no longer exists')
    expect(last(policy, 'nl')).toBe('Wijzigde het beleid van IKUU naar een beleid dat niet meer bestaat')
  })

  it('an actor recorded without a name is “Someone”; a name recorded earlier, even “You”, reads as recorded', () => {
    const by = (actor: object): Case => ({ ...kase, timeline: kase.timeline.map((e) => ({ ...e, by: actor as typeof ana })) })
    const who = (c: Case, lang: 'en' | 'nl') => timelineText(c, context(lang))[0]!.who
    expect(who(by({}), 'en')).toBe('Someone')
    expect(who(by({}), 'nl')).toBe('Iemand')
    expect(who(by({ name: '' }), 'en')).toBe('Someone')
    expect(who(by({ name: '' }), 'nl')).toBe('Iemand')
    expect(who(by({ name: 'You' }), 'en')).toBe('You')
    expect(who(by({ name: 'You' }), 'nl')).toBe('You')
    expect(who(by(ana), 'nl')).toBe('Ana Silva')
  })
})

describe('mail on the timeline in words', () => {
  const sent = {
    templateId: 'acknowledgement',
    purpose: 'acknowledgement' as const,
    language: 'en' as const,
    from: 'Ana Silva <ana@example.org>',
    to: ['Ada <ada@example.org>'],
    cc: ['security@example.org'],
    subject: '[VD-2026-001] We received your report',
    body: 'Dear Ada,',
  }
  const mail = history([
    { as: ana, command: { type: 'case.create', input } },
    { as: ana, command: { type: 'case.recordEmail', caseId: '', email: sent, on: '2026-12-01T09:00:00+01:00' } },
    { as: ana, command: { type: 'case.recordEmail', caseId: '', email: { ...sent, encrypted: true }, on: '2026-12-01T09:30:00+01:00' } },
    { as: ana, command: { type: 'case.promiseResolution', caseId: '', date: '2027-01-04' } },
    { as: bo, command: { type: 'case.promiseResolution', caseId: '', date: '2027-01-15' } },
    {
      as: ana,
      command: {
        type: 'case.recordEmail',
        caseId: '',
        email: { ...sent, templateId: 'publication_consultation', purpose: 'publication_consultation' },
        on: '2026-12-01T10:00:00+01:00',
        inputs: { publication: { at: '2027-02-02T10:00:00-05:00', timeZone: 'America/New_York' } },
      },
    },
  ])
  const lines = (lang: 'en' | 'nl') => timelineText(mail, context(lang))
  const of = (type: string, lang: 'en' | 'nl') => lines(lang).filter((l) => l.type === type).map(sentence)

  it('names an email sent by its purpose, recipients and sending time, with its subject under it', () => {
    expect(of('email_sent', 'en')).toEqual([
      'Sent ‘Acknowledgement of receipt’ to Ada <ada@example.org>, security@example.org on Tue 1 Dec 09:00',
      'Sent ‘Acknowledgement of receipt’ to Ada <ada@example.org>, security@example.org on Tue 1 Dec 09:30 (encrypted)',
      'Sent ‘Publication consultation’ to Ada <ada@example.org>, security@example.org on Tue 1 Dec 10:00',
    ])
    expect(of('email_sent', 'nl')[1]).toBe('Stuurde ‘Ontvangstbevestiging’ aan Ada <ada@example.org>, security@example.org op di 1 dec 09:30 (versleuteld)')
    expect(lines('en').find((l) => l.type === 'email_sent')).toMatchObject({ detail: '[VD-2026-001] We received your report', correctable: false })
  })

  it('names a promised resolution date and the date it replaced', () => {
    expect(of('resolution_promised', 'en')).toEqual(['Promised the fix by Mon 4 Jan 2027', 'Promised the fix by Fri 15 Jan 2027 (was Mon 4 Jan 2027)'])
    expect(of('resolution_promised', 'nl')).toEqual([
      'Beloofde de oplossing uiterlijk ma 4 jan 2027',
      'Beloofde de oplossing uiterlijk vr 15 jan 2027 (was ma 4 jan 2027)',
    ])
  })

  it('names a proposed publication on the clock and zone it was proposed in', () => {
    expect(of('publication_proposed', 'en')).toEqual(['Proposed publication on Tue 2 Feb 2027 10:00 (America/New_York)'])
    expect(of('publication_proposed', 'nl')).toEqual(['Stelde publicatie voor op di 2 feb 2027 10:00 (America/New_York)'])
  })
})
