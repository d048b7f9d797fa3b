import { describe, expect, it } from 'vitest'
import { runCommand } from '../../../src/commands'
import { ana, contextAt, desk, idor, now, refusalOf, teamDocument } from './fixture'

describe('case.create', () => {
  it('opens the case in Received on the default policy and today’s calendar, created by the acting member', () => {
    const d = desk()
    const c = d.run({ type: 'case.create', input: idor })
    expect(c).toMatchObject({
      key: 'VD-2026-001',
      status: 'received',
      policyId: 'aimms',
      calendar: d.doc.settings.calendar,
      credit: { choice: 'not_asked' },
      revision: 1,
      createdAt: now.toISOString(),
      timeline: [{ type: 'created', at: now.toISOString(), by: { memberId: ana.id, name: 'Ana Silva' } }],
    })
    expect(d.doc.cases).toEqual([c])
  })

  it('numbers keys per year of the reporter’s clock: 31 Dec 23:30 +01:00 belongs to 2025, and 2026 starts at 001', () => {
    const d = desk()
    const late = d.run({ type: 'case.create', input: { ...idor, received: { at: '2025-12-31T23:30:00+01:00', timeZone: 'Europe/Amsterdam' } } })
    const first = d.run({ type: 'case.create', input: idor })
    const second = d.run({ type: 'case.create', input: idor })
    expect([late.key, first.key, second.key]).toEqual(['VD-2025-001', 'VD-2026-001', 'VD-2026-002'])
  })

  it('refuses a policy that does not exist, at the policy field', () => {
    const error = refusalOf(() => desk().run({ type: 'case.create', input: { ...idor, policyId: 'gone' } }))
    expect(error.issues).toEqual([{ path: 'policyId', message: 'This policy no longer exists; choose one of the policies listed' }])
  })

  it('refuses a received time more than five minutes ahead of now, and takes one four minutes ahead', () => {
    const at = (iso: string) => ({ ...idor, received: { at: iso, timeZone: 'Europe/Amsterdam' } })
    const error = refusalOf(() => desk().run({ type: 'case.create', input: at('2026-12-01T10:06:00+01:00') }))
    expect(error.code).toBe('invalid_input')
    expect(error.issues).toEqual([{ path: 'received.at', message: 'The report cannot have arrived in the future; enter when it came in' }])
    expect(desk().run({ type: 'case.create', input: at('2026-12-01T10:04:00+01:00') }).status).toBe('received')
  })

  it('assigns only to someone on the team', () => {
    expect(desk().run({ type: 'case.create', input: { ...idor, assigneeId: 'm-ben' } }).assigneeId).toBe('m-ben')
    expect(refusalOf(() => desk().run({ type: 'case.create', input: { ...idor, assigneeId: 'm-nobody' } })).issues[0]?.path).toBe('assigneeId')
  })

  it('says what is wrong in the user’s words, at the field, for the schema’s own rules too', () => {
    const error = refusalOf(() =>
      desk().run({ type: 'case.create', input: { ...idor, title: ' ', tags: ['x'.repeat(51)], reporter: { ...idor.reporter, email: 'lena@' } } }),
    )
    expect(error.message).toBe('The case was not saved. Enter a title. 2 more problems are marked at the fields.')
    expect(error.issues).toEqual([
      { path: 'title', message: 'Enter a title' },
      { path: 'reporter.email', message: 'Enter a valid email address' },
      { path: 'tags.0', message: 'At most 50 characters' },
    ])
  })

  it('is pure: a refusal leaves the document as it was, and the same command and context give the same case', () => {
    const doc = teamDocument()
    const before = structuredClone(doc)
    expect(() => runCommand(doc, { type: 'case.create', input: { ...idor, title: '' } }, contextAt())).toThrow()
    expect(doc).toEqual(before)
    const once = runCommand(doc, { type: 'case.create', input: idor }, contextAt())
    expect(runCommand(doc, { type: 'case.create', input: idor }, contextAt())).toEqual(once)
    expect(once.events).toEqual([{ type: 'case.changed', caseId: once.result.id }])
  })
})
