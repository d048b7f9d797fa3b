import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../electron/handlers'
import { createStoreSession } from '../../electron/storeSession'
import { dispatch } from '../../src/ipc/dispatch'
import { createTestDesk, type TestDesk } from '../support/testDesk'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

const report = {
  title: 'IDOR in the invoice API',
  reporter: { name: 'Sam Finder', email: 'sam@example.org' },
  received: { at: '2026-12-18T15:10:00.000Z', timeZone: 'Europe/Amsterdam' },
}

describe('the IPC contract in front of the handlers', () => {
  it('refuses an unknown channel without calling anything', async () => {
    const session = createStoreSession()
    const handlers = createHandlers(session, {
      chooseStoreToOpen: async () => null,
      chooseNewStoreLocation: async () => null,
      confirmAndOpenExternal: async () => false,
    })
    expect(await dispatch(handlers, 'fs:readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown channel fs:readFile', issues: [] },
    })
  })

  it('names the field and the reason when a request does not match its schema, and saves nothing', async () => {
    t = await createTestDesk()
    const result = await t.desk.cases.create({ ...report, reporter: { name: 'Sam', email: 'not-an-email' } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.issues).toEqual([{ path: 'reporter.email', message: 'Enter a valid email address' }])
    expect(result.error.message).toBe('The case was not saved. reporter.email: Enter a valid email address')
    const listed = await t.desk.cases.list({})
    expect(listed.ok && listed.value).toEqual([])
  })

  it('refuses a case that follows a policy which does not exist, naming the field', async () => {
    t = await createTestDesk()
    const result = await t.desk.cases.create({ ...report, policyId: 'no-such-policy' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'There is no policy "no-such-policy". Choose one of the policies listed.',
        issues: [{ path: 'policyId', message: 'Choose one of the policies listed' }],
      },
    })
  })

  it('turns a domain error into a result the renderer can show', async () => {
    t = await createTestDesk()
    const result = await t.desk.cases.get({ id: 'no-such-case' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('not_found')
  })

  it('lists a case with its next deadline from the policy and the pinned calendar', async () => {
    t = await createTestDesk({ now: () => new Date('2026-12-21T09:00:00Z') })
    const settings = await t.desk.settings.get({})
    if (!settings.ok) throw new Error(settings.error.message)
    await t.desk.settings.update({ ...settings.value, defaultPolicyId: 'ikuu' })
    const created = await t.desk.cases.create(report)
    if (!created.ok) throw new Error(created.error.message)
    const listed = await t.desk.cases.list({})
    if (!listed.ok) throw new Error(listed.error.message)
    // Received Fri 18 Dec 2026 16:10 in Amsterdam; two business days: Mon 21, Tue 22 Dec.
    expect(listed.value[0]?.nextDeadline).toEqual({
      label: 'Acknowledge receipt',
      state: 'upcoming',
      dueDate: '2026-12-22',
      dueAt: '2026-12-22T22:59:59.999Z',
    })
    const deadlines = await t.desk.deadlines.ofCase({ id: created.value.id })
    if (!deadlines.ok) throw new Error(deadlines.error.message)
    expect(deadlines.value.map((d) => [d.ruleId, d.state, d.dueDate])[0]).toEqual([
      expect.any(String),
      'upcoming',
      '2026-12-22',
    ])
  })

  it('keeps the acknowledgement promise when the case moves to Acknowledged', async () => {
    let clock = new Date('2026-12-21T09:00:00Z')
    t = await createTestDesk({ now: () => clock })
    const created = await t.desk.cases.create({ ...report, policyId: 'ikuu' })
    if (!created.ok) throw new Error(created.error.message)
    clock = new Date('2026-12-21T10:15:00Z')
    await t.desk.cases.transition({ id: created.value.id, revision: 1, transition: { to: 'acknowledged' } })
    const deadlines = await t.desk.deadlines.ofCase({ id: created.value.id })
    if (!deadlines.ok) throw new Error(deadlines.error.message)
    const [acknowledgement, evaluation] = deadlines.value
    expect([acknowledgement?.label, acknowledgement?.state, acknowledgement?.metAt]).toEqual([
      'Acknowledge receipt',
      'met_on_time',
      '2026-12-21T10:15:00.000Z',
    ])
    // Three business days after Mon 21 Dec: Tue 22, Wed 23, Thu 24 Dec.
    expect([evaluation?.state, evaluation?.dueDate]).toEqual(['upcoming', '2026-12-24'])
  })

  it('lists the presets first and refuses to overwrite one', async () => {
    t = await createTestDesk()
    const listed = await t.desk.policies.list({})
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.value.slice(0, 2).map((p) => [p.id, p.preset])).toEqual([
      ['aimms', true],
      ['ikuu', true],
    ])
    const aimms = listed.value[0]!
    const { preset: _preset, ...policy } = aimms
    const saved = await t.desk.policies.save(policy)
    expect(saved.ok).toBe(false)
  })

  it('gives the states of a country and its default time zone from date-holidays', async () => {
    t = await createTestDesk()
    const places = await t.desk.calendar.places({ country: 'DE' })
    if (!places.ok) throw new Error(places.error.message)
    expect(places.value.states.find((s) => s.code === 'BY')?.name).toBe('Bayern')
    expect(places.value.timeZone).toBe('Europe/Berlin')
    expect(places.value.countries.find((c) => c.code === 'NL')?.name).toBe('Netherlands')
  })

  it('opens only https and mailto links, after the shell confirms', async () => {
    t = await createTestDesk()
    const refused = await t.desk.external.open({ url: 'file:///etc/passwd' })
    expect(refused.ok).toBe(false)
    const opened = await t.desk.external.open({ url: 'https://example.org/hall-of-fame' })
    expect(opened).toEqual({ ok: true, value: { opened: true } })
    expect(t.openedLinks).toEqual(['https://example.org/hall-of-fame'])
  })
})

describe('a store shared by two team members', () => {
  it("lists a case that a colleague's app created in the same file", async () => {
    t = await createTestDesk()
    const colleague = await createTestDesk({ file: t.file })
    try {
      await colleague.desk.cases.create(report)
      const listed = await t.desk.cases.list({})
      expect(listed.ok && listed.value.map((c) => c.title)).toEqual(['IDOR in the invoice API'])
    } finally {
      await colleague.dispose()
    }
  })
})

describe('the store session', () => {
  it('reports a corrupt store for recovery, leaves it untouched, and starts a new store elsewhere', async () => {
    t = await createTestDesk()
    const corrupt = join(t.file, '..', 'corrupt.json')
    await writeFile(corrupt, '{"schemaVersion":1,"cases":[')
    t.dialogs.open = corrupt
    const state = await t.desk.store.openOther({})
    expect(state.ok && state.value.kind).toBe('recovery')
    if (state.ok && state.value.kind === 'recovery') expect(state.value.file).toBe(corrupt)
    const blocked = await t.desk.cases.list({})
    expect(!blocked.ok && blocked.error.code).toBe('store_unavailable')

    t.dialogs.create = join(t.file, '..', 'fresh.json')
    const fresh = await t.desk.store.createNew({})
    expect(fresh).toEqual({ ok: true, value: { kind: 'ready', file: t.dialogs.create, caseCount: 0 } })
    expect(await readFile(corrupt, 'utf8')).toBe('{"schemaVersion":1,"cases":[')
  })

  it('keeps the current store when the file dialog is cancelled', async () => {
    t = await createTestDesk()
    const state = await t.desk.store.openOther({})
    expect(state).toEqual({ ok: true, value: { kind: 'ready', file: t.file, caseCount: 0 } })
  })
})
