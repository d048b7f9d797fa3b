import { describe, expect, it } from 'vitest'
import { copyPolicy, policyById } from '../../../src/policies/catalog'
import { ana, ben, desk, idor, refusalOf } from './fixture'

const ikuuCopy = copyPolicy(policyById('ikuu', [])!, 'p-ikuu-copy', 'IKUU (copy)')

function openCase() {
  const d = desk()
  d.run({ type: 'policy.save', policy: ikuuCopy })
  const c = d.run({ type: 'case.create', input: { ...idor, policyId: 'ikuu', reportText: 'GET /v2/invoices/100231' } })
  return { d, c }
}

describe('case.update', () => {
  it('records each changed field as data: policy and assignee by id with their names then, credit by its choice, the report by its length', () => {
    const { d, c } = openCase()
    const updated = d.run(
      {
        type: 'case.update',
        caseId: c.id,
        revision: 1,
        patch: {
          policyId: ikuuCopy.id,
          assigneeId: ben.id,
          credit: { choice: 'named', displayName: 'Lena Fischer' },
          reportText: 'GET /v2/invoices/100231 returns another customer’s invoice',
          title: c.title,
        },
      },
      { memberId: ana.id, name: 'Ana Silva' },
    )
    expect(updated.revision).toBe(2)
    // In the order of the case's fields, one event each; the title did not change.
    const changes = updated.timeline.slice(1).map((e) => (e.type === 'field_changed' ? { field: e.field, from: e.from, to: e.to, by: e.by.name } : e))
    expect(changes).toEqual([
      { field: 'reportText', from: { length: 23 }, to: { length: 58 }, by: 'Ana Silva' },
      { field: 'assigneeId', from: null, to: { memberId: 'm-ben', name: 'Ben Okafor' }, by: 'Ana Silva' },
      { field: 'policyId', from: { policyId: 'ikuu', name: 'IKUU Responsible Disclosure' }, to: { policyId: 'p-ikuu-copy', name: 'IKUU (copy)' }, by: 'Ana Silva' },
      { field: 'credit', from: { choice: 'not_asked' }, to: { choice: 'named', displayName: 'Lena Fischer' }, by: 'Ana Silva' },
    ])
  })

  it('changes nothing, not even the revision, when every value is the one stored', () => {
    const { d, c } = openCase()
    const before = d.doc
    expect(d.run({ type: 'case.update', caseId: c.id, patch: { title: c.title, assigneeId: null } })).toBe(c)
    expect(d.doc).toBe(before)
  })

  it('takes a case off its assignee with null and keeps who it was in the timeline', () => {
    const { d, c } = openCase()
    d.run({ type: 'case.update', caseId: c.id, patch: { assigneeId: ben.id } })
    const unassigned = d.run({ type: 'case.update', caseId: c.id, patch: { assigneeId: null } })
    expect(unassigned.assigneeId).toBeUndefined()
    expect(unassigned.timeline.at(-1)).toMatchObject({ field: 'assigneeId', from: { memberId: 'm-ben', name: 'Ben Okafor' }, to: null })
  })

  it('records a name only when it is known: a policy gone or a member no longer on the team has none, never its id', () => {
    const { d, c } = openCase()
    d.doc = { ...d.doc, cases: [{ ...d.doc.cases[0]!, policyId: 'p-gone', assigneeId: 'm-gone' }] }
    const changed = d.run({ type: 'case.update', caseId: c.id, patch: { policyId: 'aimms', assigneeId: ben.id } })
    const change = (field: string) => changed.timeline.find((e) => e.type === 'field_changed' && e.field === field)
    expect(change('policyId')).toMatchObject({ from: { policyId: 'p-gone' }, to: { policyId: 'aimms', name: 'AIMMS Responsible Disclosure Policy' } })
    expect(change('assigneeId')).toMatchObject({ from: { memberId: 'm-gone' }, to: { memberId: ben.id, name: 'Ben Okafor' } })
    for (const field of ['policyId', 'assigneeId']) {
      const e = change(field)
      expect(e?.type === 'field_changed' && (e.from as { name?: string }).name).toBeUndefined()
    }
  })

  it('refuses a change made on an older revision, naming both revisions', () => {
    const { d, c } = openCase()
    d.run({ type: 'case.update', caseId: c.id, revision: 1, patch: { title: 'IDOR in /v2/invoices' } })
    const error = refusalOf(() => d.run({ type: 'case.update', caseId: c.id, revision: 1, patch: { asset: 'api' } }))
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('VD-2026-001 is now at revision 2, you edited revision 1')
  })

  it('holds an edit to the same rules as a new case: known policy, received not in the future', () => {
    const { d, c } = openCase()
    expect(refusalOf(() => d.run({ type: 'case.update', caseId: c.id, patch: { policyId: 'gone' } })).issues[0]?.path).toBe('policyId')
    const future = { at: '2027-02-10T09:00:00+01:00', timeZone: 'Europe/Amsterdam' }
    expect(refusalOf(() => d.run({ type: 'case.update', caseId: c.id, patch: { received: future } })).issues[0]?.path).toBe('received.at')
  })

  it('refuses a receipt moved after a milestone already on the timeline, and a zone the deadlines cannot count in', () => {
    const { d, c } = openCase()
    d.run({ type: 'case.recordMilestone', caseId: c.id, milestone: 'acknowledgement_sent', on: '2026-11-28T10:00:00+01:00' })
    const later = { at: '2026-11-29T10:00:00+01:00', timeZone: 'Europe/Amsterdam' }
    expect(refusalOf(() => d.run({ type: 'case.update', caseId: c.id, patch: { received: later } })).issues).toEqual([
      { path: 'received.at', message: 'A milestone on the timeline lies before this time; correct that milestone first, or enter an earlier time' },
    ])
    const nowhere = { at: '2026-11-27T10:00:00+01:00', timeZone: 'Europe/Atlantis' }
    expect(refusalOf(() => d.run({ type: 'case.update', caseId: c.id, patch: { received: nowhere } })).issues[0]?.path).toBe('received.timeZone')
  })

  it('names a case that is not there', () => {
    expect(refusalOf(() => desk().run({ type: 'case.update', caseId: 'nope', patch: { title: 'x' } })).code).toBe('not_found')
  })
})
