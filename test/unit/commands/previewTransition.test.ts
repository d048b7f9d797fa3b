import { describe, expect, it } from 'vitest'
import { previewTransition } from '../../../src/commands/previewTransition'
import { deadlinesOf } from '../../../src/deadlines'
import { policyById } from '../../../src/policies/catalog'
import { desk, idor, now } from './fixture'

const aimms = policyById('aimms', [])!

function resolvedCase() {
  const d = desk()
  const { id } = d.run({ type: 'case.create', input: idor })
  for (const to of ['evaluating', 'accepted', 'resolved'] as const) d.run({ type: 'case.transition', caseId: id, transition: { to } })
  return { d, id, c: () => d.doc.cases[0]! }
}

const brief = (list: { ruleId: string; state: string }[]) => list.map((d) => `${d.ruleId}: ${d.state}`)

describe('previewTransition', () => {
  it('lists what publishing breaks: credit and the publication consultation, as open now and overdue after', () => {
    const { c } = resolvedCase()
    const preview = previewTransition(c(), aimms, { to: 'published' }, now)
    expect(brief(preview.openPromises)).toEqual(['credit: open', 'publication: open'])
    expect(brief(preview.becomeOverdue)).toEqual(['credit: overdue', 'publication: overdue'])
    expect(preview.becomeNotApplicable).toEqual([])
  })

  it('leaves out the promises already kept', () => {
    const { d, id, c } = resolvedCase()
    d.run({ type: 'case.update', caseId: id, patch: { credit: { choice: 'anonymous' } } })
    expect(brief(previewTransition(c(), aimms, { to: 'published' }, now).openPromises)).toEqual(['publication: open'])
  })

  it('lists what closing makes moot, and changes nothing', () => {
    const d = desk()
    const c = d.run({ type: 'case.create', input: idor })
    const preview = previewTransition(c, aimms, { to: 'closed', closingReason: 'spam' }, now)
    // The progress updates wait for the evaluation, which will now never come.
    expect(brief(preview.openPromises)).toEqual(['evaluation: upcoming', 'progress-updates: waiting', 'credit: open', 'publication: open'])
    expect(preview.becomeNotApplicable.map((x) => `${x.ruleId}: ${x.state}`)).toEqual([
      'evaluation: not_applicable',
      'progress-updates: not_applicable',
      'credit: not_applicable',
      'publication: not_applicable',
    ])
    expect(d.doc.cases[0]).toBe(c)
  })

  it('has nothing to warn about on a case whose deadlines cannot be counted or whose policy is gone, but still refuses a move not allowed', () => {
    const { c } = resolvedCase()
    const none = { openPromises: [], becomeOverdue: [], becomeNotApplicable: [] }
    const unpinned = { ...c(), calendar: { ...c().calendar, spec: { ...c().calendar.spec, country: 'XX' } } }
    const unknownZone = { ...c(), received: { ...c().received, timeZone: 'Mars/Olympus_Mons' } }
    for (const broken of [unpinned, unknownZone]) expect(() => deadlinesOf(broken, aimms, now)).toThrow('cannot be counted')
    expect(previewTransition(unpinned, aimms, { to: 'published' }, now)).toEqual(none)
    expect(previewTransition(unknownZone, aimms, { to: 'closed', closingReason: 'completed' }, now)).toEqual(none)
    expect(previewTransition(c(), undefined, { to: 'published' }, now)).toEqual(none)
    expect(() => previewTransition(unpinned, aimms, { to: 'evaluating' }, now)).toThrow('A case that is Resolved cannot move to Evaluating')
  })
})
