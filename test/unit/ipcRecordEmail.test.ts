import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '../../src/ipc/contract'
import { createTestDesk, type TestDesk } from '../support/testDesk'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

// Mon 21 Dec 2026, 10:00 in Amsterdam.
const monday = () => new Date('2026-12-21T09:00:00Z')

const report = {
  title: 'IDOR in the invoice API',
  reporter: { name: 'Sam Finder', email: 'sam@example.org' },
  received: { at: '2026-12-18T15:10:00.000Z', timeZone: 'Europe/Amsterdam' },
  policyId: 'ikuu',
}

const email = (purpose: 'acknowledgement' | 'evaluation') => ({
  templateId: purpose,
  purpose,
  language: 'en' as const,
  from: 'Eva de Vries <eva@example.nl>',
  to: ['Sam Finder <sam@example.org>'],
  subject: `[VD-2026-001] ${purpose}`,
  body: 'Dear Sam, …',
})

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('cases:recordEmail', () => {
  it('records the email on the timeline and meets the deadline it was drafted for, which starts the next', async () => {
    t = await createTestDesk({ now: monday })
    const c = value(await t.desk.cases.create(report))
    const sent = value(
      await t.desk.cases.recordEmail({
        id: c.id,
        revision: c.revision,
        email: email('acknowledgement'),
        on: '2026-12-21T09:00:00.000Z',
        forDeadline: { ruleId: 'acknowledgement', occurrence: 1 },
      }),
    )
    expect(sent.timeline.slice(-3).map((e) => e.type)).toEqual(['email_sent', 'milestone', 'status_changed'])
    expect(sent.status).toBe('acknowledged')
    expect(t.events).toContainEqual({ name: 'case:changed', payload: { id: c.id } })

    const deadlines = value(await t.desk.deadlines.ofCase({ id: c.id }))
    expect(deadlines.find((d) => d.due === 'acknowledgement')?.state).toBe('met_on_time')
    // IKUU: the evaluation is due three business days after the acknowledgement (Mon 21 Dec): Thu 24 Dec.
    expect(deadlines.find((d) => d.due === 'evaluation')).toMatchObject({ state: 'upcoming', dueDate: '2026-12-24' })
  })

  it('must say which revision the email was drafted on, and refuses a stale one', async () => {
    t = await createTestDesk({ now: monday })
    const c = value(await t.desk.cases.create(report))
    const unnamed = await t.desk.cases.recordEmail({ id: c.id, email: email('acknowledgement'), on: '2026-12-21T09:00:00.000Z' } as never)
    expect(!unnamed.ok && unnamed.error.issues).toEqual([{ path: 'revision', message: 'Fill this in' }])
    value(await t.desk.cases.addNote({ id: c.id, text: 'Called the reporter.' }))
    const stale = await t.desk.cases.recordEmail({ id: c.id, revision: c.revision, email: email('acknowledgement'), on: '2026-12-21T09:00:00.000Z' })
    expect(!stale.ok && stale.error.code).toBe('conflict')
  })
})

describe('cases:promiseResolution', () => {
  it('records an expected resolution date agreed outside the app on the timeline', async () => {
    t = await createTestDesk({ now: monday })
    const c = value(await t.desk.cases.create(report))
    const promised = value(await t.desk.cases.promiseResolution({ id: c.id, revision: c.revision, date: '2027-01-15' }))
    expect(promised.timeline.at(-1)).toMatchObject({ type: 'resolution_promised', date: '2027-01-15' })
    expect(promised.revision).toBe(c.revision + 1)
  })
})
