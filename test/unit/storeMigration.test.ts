import { describe, expect, it } from 'vitest'
import { milestoneTimes } from '../../src/cases/history'
import { currentSchemaVersion, migrations } from '../../src/store/document'
import { readDocument } from '../../src/store/readDocument'
import { realisticCases } from '../bench/fixtures/realisticCases'

/** A store as version 1 wrote it: `by` a bare name (or an early member id), field changes as English text. */
function versionOne() {
  const c = realisticCases(1, 5)[0]!
  const base = { at: '2026-03-04T09:30:00.000Z' }
  const timeline = [
    { ...base, id: 'e1', by: 'Ana Silva', type: 'created' },
    { ...base, id: 'e2', by: 'm-ben', type: 'field_changed', field: 'policyId', from: 'aimms', to: 'p-copy' },
    { ...base, id: 'e3', by: 'You', type: 'field_changed', field: 'assigneeId', from: '(none)', to: 'm-ben' },
    { ...base, id: 'e4', by: 'Ana Silva', type: 'field_changed', field: 'credit', from: 'not_asked', to: 'named: Lena Fischer (https://lena.example/)' },
    { ...base, id: 'e5', by: 'Ana Silva', type: 'field_changed', field: 'title', from: 'IDOR', to: 'IDOR in invoices' },
    { ...base, id: 'e6', by: 'Ana Silva', type: 'field_changed', field: 'policyId', from: 'p-gone', to: 'aimms' },
    { ...base, id: 'e7', by: 'Ana Silva', type: 'field_changed', field: 'assigneeId', from: 'm-gone', to: '(none)' },
  ]
  return {
    schemaVersion: 1,
    settings: { team: [{ id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }, { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }] },
    policies: [{ id: 'p-copy', name: 'IKUU (copy)', text: '', rules: [] }],
    cases: [{ ...c, timeline, credit: { choice: 'named', displayName: 'Lena Fischer', cveCreditType: 'finder' } }],
  }
}

describe('store format 1 → 2', () => {
  it('names who acted by member id and name, and turns field changes whose values the text holds into data', () => {
    const migrated = migrations[1]!(versionOne()) as ReturnType<typeof versionOne>
    expect(migrated.schemaVersion).toBe(2)
    expect(migrated.cases[0]!.timeline).toEqual([
      { at: '2026-03-04T09:30:00.000Z', id: 'e1', by: { memberId: 'm-ana', name: 'Ana Silva' }, type: 'created' },
      expect.objectContaining({
        by: { memberId: 'm-ben', name: 'Ben Okafor' },
        from: { policyId: 'aimms', name: 'AIMMS Responsible Disclosure Policy' },
        to: { policyId: 'p-copy', name: 'IKUU (copy)' },
      }),
      expect.objectContaining({ by: { name: 'You' }, from: null, to: { memberId: 'm-ben', name: 'Ben Okafor' } }),
      expect.objectContaining({ type: 'field_changed', from: { choice: 'not_asked' }, to: { choice: 'named' } }),
      expect.objectContaining({ type: 'field_described', field: 'title', from: 'IDOR', to: 'IDOR in invoices' }),
      expect.objectContaining({ from: { policyId: 'p-gone' }, to: { policyId: 'aimms', name: 'AIMMS Responsible Disclosure Policy' } }),
      expect.objectContaining({ from: { memberId: 'm-gone' }, to: null }),
    ])
  })

  it('leaves out a name the file no longer knows (a policy removed, a member gone) instead of writing the id as the name', () => {
    const [policy, member] = (migrations[1]!(versionOne()) as ReturnType<typeof versionOne>).cases[0]!.timeline.slice(-2) as unknown as { from: object }[]
    expect(policy!.from).toStrictEqual({ policyId: 'p-gone' })
    expect(member!.from).toStrictEqual({ memberId: 'm-gone' })
  })

  it('opens a version 1 file as a valid version 2 document, with the credit choice counting as confirmed', () => {
    const read = readDocument(JSON.stringify(versionOne()))
    if (!read.ok) throw new Error(read.problem)
    expect(read.doc.schemaVersion).toBe(currentSchemaVersion)
    expect(milestoneTimes(read.doc.cases[0]!).get('credit_confirmed')).toEqual([Date.parse('2026-03-04T09:30:00.000Z')])
  })
})

describe('store format 2 → 3', () => {
  /** A format 2 store as the previous version wrote it: no templates. */
  function versionTwo() {
    const c = realisticCases(1, 7)[0]!
    return { schemaVersion: 2, settings: { team: [{ id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }] }, policies: [], cases: [c] }
  }

  it('adds an empty list of the team’s templates, so drafts use the shipped ones, and changes nothing else', () => {
    const before = versionTwo()
    const migrated = migrations[2]!(before)
    expect(migrated).toEqual({ ...before, schemaVersion: 3, templates: [] })
  })

  it('opens a format 2 file as a valid current document, the team members without role or signature and no organisation', () => {
    const read = readDocument(JSON.stringify(versionTwo()))
    if (!read.ok) throw new Error(read.problem)
    expect(read.doc).toMatchObject({ schemaVersion: currentSchemaVersion, templates: [], settings: { organisation: '' } })
    expect(read.doc.settings.team[0]).toEqual({ id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' })
    expect(read.doc.cases[0]!.mail).toBeUndefined()
  })
})
