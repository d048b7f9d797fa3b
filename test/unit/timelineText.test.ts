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
    { as: ana, command: { type: 'case.recordMilestone', caseId: '', milestone: 'progress_update_sent', on: '2026-12-01T09:00:00+01:00' } },
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
    expect(sentence(timelineText(kase, context('en'))[2]!)).toBe('Progress update sent on Tue 1 Dec 09:00')
    expect(sentence(timelineText(kase, context('nl'))[2]!)).toBe('Voortgangsbericht verstuurd op di 1 dec 09:00')
  })

  it('a correction names what it replaces, and marks the original as corrected', () => {
    const lines = timelineText(afterCorrection, context('en'))
    const correction = (ls: TimelineLine[]) => ls.find((l) => l.type === 'event_corrected')!
    expect(lines.find((l) => l.type === 'milestone')).toMatchObject({ standing: 'corrected', correctable: true })
    expect(sentence(correction(lines))).toBe('Corrected the date of ‘Acknowledgement sent’ from Tue 1 Dec 2026 to Mon 30 Nov 2026')
    expect(correction(lines)).toMatchObject({ who: 'Bo de Vries', detail: 'Reason: Typo', correctable: false })
    expect(sentence(correction(timelineText(afterCorrection, context('nl'))))).toBe(
      'Corrigeerde de datum van ‘Ontvangstbevestiging verstuurd’ van di 1 dec 2026 naar ma 30 nov 2026',
    )
  })
})
