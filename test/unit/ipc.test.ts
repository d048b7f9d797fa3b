import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../electron/handlers'
import { identityBook } from '../../electron/identities'
import { installationState } from '../../electron/installationState'
import { createStoreSession } from '../../electron/storeSession'
import { fromRow, type CaseSummary } from '../../src/cases/summary'
import type { Case } from '../../src/cases/case'
import type { EventName, Result } from '../../src/ipc/contract'
import { dispatch } from '../../src/ipc/dispatch'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { createFakeShell, createTestDesk, type TestDesk } from '../support/testDesk'

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
/** The case list as the renderer reads it: rows turned back into summaries. */
async function listCases(desk: TestDesk): Promise<CaseSummary[]> {
  const listed = await desk.desk.cases.list({})
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value.map(fromRow)
}

/** Monday after the report came in: a received time in the future would be refused. */
const monday = () => new Date('2026-12-21T09:00:00Z')

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('the IPC contract in front of the handlers', () => {
  it('refuses an unknown channel without calling anything', async () => {
    const session = createStoreSession({ identities: identityBook(tmpdir()), installation: installationState(tmpdir()) })
    const handlers = createHandlers(session, createFakeShell(false, tmpdir()).shell)
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
    // No field path reaches the person: the message is in their words, the path is for the form.
    expect(result.error.message).toBe('The case was not saved. Enter a valid email address.')
    expect(await listCases(t)).toEqual([])
  })

  it("answers a handler's bug with what to do, never its raw text, and logs the detail in main", async () => {
    const session = createStoreSession({ identities: identityBook(tmpdir()), installation: installationState(tmpdir()) })
    const real = createHandlers(session, createFakeShell(false, tmpdir()).shell)
    const handlers = {
      ...real,
      'cases:addNote': async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'timeline')")
      },
      // An answer that is not a Case: its zod error names paths such as "revision".
      'cases:get': async () => ({ id: 'c1', revision: 'two' }) as never,
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const failed = await dispatch(handlers, 'cases:addNote', { id: 'c1', text: 'Hello' })
      expect(failed).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message:
            'Disclosure Desk hit an internal error and did not finish this action; nothing was saved. Try again, and restart the app if it happens again.',
          issues: [],
        },
      })
      const misshapen = await dispatch(handlers, 'cases:get', { id: 'c1' })
      expect(!misshapen.ok && misshapen.error.code).toBe('internal')
      // The handler ran to its end, so a change may be saved: the person is told to look before trying again.
      expect(!misshapen.ok && misshapen.error.message).toMatch(/may have been saved; check whether it was before you try again/)
      expect(JSON.stringify([failed, misshapen])).not.toMatch(/timeline'|revision|expected|Invalid/)
      expect(logged.mock.calls.map(([what, detail]) => [what, (detail as Error).name])).toEqual([
        ['IPC channel cases:addNote failed:', 'TypeError'],
        ['IPC channel cases:get answered outside the contract:', 'ZodError'],
      ])
    } finally {
      logged.mockRestore()
    }
  })

  it("refuses a case change's fields by the command's own rules and words, the same over IPC as in the store", async () => {
    t = await createTestDesk({ now: monday })
    const c = value(await t.desk.cases.create(report))
    const issues = async (result: Promise<Result<unknown>>) => {
      const r = await result
      return r.ok ? [] : r.error.issues
    }
    expect(await issues(t.desk.cases.addNote({ id: c.id, text: '   ' }))).toEqual([{ path: 'text', message: 'Write a note first' }])
    expect(await issues(t.desk.cases.recordMilestone({ id: c.id, milestone: 'acknowledgement_sent', on: 'Monday morning' }))).toEqual([
      { path: 'on', message: 'Enter the date and time it happened' },
    ])
    expect(await issues(t.desk.cases.correctEvent({ id: c.id, eventId: c.timeline[0]!.id, text: '' }))).toEqual([
      { path: 'text', message: 'Write the corrected note' },
    ])
    expect(await issues(t.desk.cases.withdrawEvent({ id: c.id, eventId: c.timeline[0]!.id, reason: 'x'.repeat(10_001) }))).toEqual([
      { path: 'reason', message: 'Use at most 10,000 characters' },
    ])
    // A screen always says which revision it changes.
    expect(await issues(t.desk.cases.update({ id: c.id, patch: { title: 'IDOR' } } as never))).toEqual([{ path: 'revision', message: 'Fill this in' }])
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
    await t.desk.settings.update({ settings: { ...settings.value, defaultPolicyId: 'ikuu' }, base: settings.value })
    const created = await t.desk.cases.create(report)
    if (!created.ok) throw new Error(created.error.message)
    const listed = await listCases(t)
    // Received Fri 18 Dec 2026 16:10 in Amsterdam; two business days: Mon 21, Tue 22 Dec.
    expect(listed[0]?.nextDeadline).toEqual({
      due: 'acknowledgement',
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
    expect([acknowledgement?.due, acknowledgement?.state, acknowledgement?.kept?.at]).toEqual([
      'acknowledgement',
      'met_on_time',
      '2026-12-21T10:15:00.000Z',
    ])
    // Three business days after Mon 21 Dec: Tue 22, Wed 23, Thu 24 Dec.
    expect([evaluation?.state, evaluation?.dueDate]).toEqual(['upcoming', '2026-12-24'])
  })

  it('lists the presets first, marked as presets', async () => {
    t = await createTestDesk()
    const listed = await t.desk.policies.list({})
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.value.slice(0, 2).map((p) => [p.id, p.preset])).toEqual([
      ['aimms', true],
      ['ikuu', true],
    ])
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

describe('the case list', () => {
  it('sends rows without the report text, and finds a case by its report text in main', async () => {
    const cases = realisticCases(3, 7)
    cases[1] = { ...cases[1]!, reportText: `${cases[1]!.reportText} The Quokka parameter leaks.` }
    t = await createTestDesk({ cases, now: () => new Date('2026-01-05T09:00:00Z') })
    const listed = await t.desk.cases.list({})
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.value.map(fromRow).map((row) => row.id)).toEqual(cases.map((c) => c.id))
    expect(JSON.stringify(listed.value)).not.toContain('Quokka')

    expect(await t.desk.cases.search({ text: 'quokka PARAMETER' })).toEqual({ ok: true, value: { ids: [cases[1]!.id] } })
    expect(await t.desk.cases.search({ text: cases[2]!.key.toLowerCase() })).toEqual({ ok: true, value: { ids: [cases[2]!.id] } })
    expect(await t.desk.cases.search({ text: 'quokka nowhere' })).toEqual({ ok: true, value: { ids: [] } })
  })

  it('lists a case whose policy is gone with that problem in its row, and every other case normally', async () => {
    // Just received: nothing done yet, so every countable case has a promise to keep.
    const cases = realisticCases(3, 11).map((c) => ({
      ...c,
      status: 'received' as const,
      closingReason: undefined,
      timeline: c.timeline.slice(0, 1),
      revision: 1,
      updatedAt: c.createdAt,
    }))
    cases[0] = { ...cases[0]!, policyId: 'gone-policy' }
    t = await createTestDesk({ cases, now: () => new Date('2026-01-05T09:00:00Z') })
    const [broken, ...others] = await listCases(t)
    // Data the renderer words, never a sentence naming the policy's id.
    expect(broken?.problem).toBe('policy_missing')
    expect(broken?.nextDeadline).toBeUndefined()
    for (const row of others) {
      expect(row.problem).toBeUndefined()
      expect(row.nextDeadline).toMatchObject({ due: expect.any(String), dueDate: expect.any(String) })
    }
    // Its deadlines are refused instead of counted (the case screen words that itself when the policy is gone).
    const deadlines = await t.desk.deadlines.ofCase({ id: cases[0]!.id })
    expect(!deadlines.ok && deadlines.error.code).toBe('not_found')
  })
})

describe('a case whose deadlines cannot be counted', () => {
  /** One case, received Friday under IKUU, in a store where `change` broke it as an older file or a removal would. */
  async function deskWithCase(change: (c: Case) => Case): Promise<Case> {
    const seed = await createTestDesk({ now: monday, watch: false })
    const created = value(await seed.desk.cases.create({ ...report, policyId: 'ikuu' }))
    await seed.dispose()
    t = await createTestDesk({ cases: [change(created)], now: monday })
    return created
  }
  const closeAsSpam = { to: 'closed', closingReason: 'spam' } as const

  it('whose policy is gone still offers its next milestones and previews a move with no promises; only its deadlines are refused', async () => {
    const c = await deskWithCase((c) => ({ ...c, policyId: 'gone-policy' }))
    expect(value(await t!.desk.cases.nextMilestones({ id: c.id }))).toContain('acknowledgement_sent')
    expect(value(await t!.desk.cases.previewTransition({ id: c.id, transition: closeAsSpam }))).toEqual({
      openPromises: [],
      becomeOverdue: [],
      becomeNotApplicable: [],
    })
    const deadlines = await t!.desk.deadlines.ofCase({ id: c.id })
    expect(!deadlines.ok && deadlines.error.message).toBe(
      `Case ${c.key} follows the policy "gone-policy", which no longer exists. Choose another policy for the case.`,
    )
  })

  it('whose pinned calendar is gone previews a move with no promises, while its deadlines say why they cannot be counted', async () => {
    const c = await deskWithCase((c) => ({ ...c, calendar: { ...c.calendar, spec: { ...c.calendar.spec, country: 'XX' } } }))
    expect(value(await t!.desk.cases.previewTransition({ id: c.id, transition: closeAsSpam }))).toEqual({
      openPromises: [],
      becomeOverdue: [],
      becomeNotApplicable: [],
    })
    const deadlines = await t!.desk.deadlines.ofCase({ id: c.id })
    expect(!deadlines.ok && deadlines.error.message).toMatch(/^The deadlines of case VD-\d{4}-001 cannot be counted: the calendar it was pinned to is not usable/)
    // A move the lifecycle does not allow is still refused as such, not taken for a counting problem.
    const refused = await t!.desk.cases.previewTransition({ id: c.id, transition: { to: 'published' } })
    expect(!refused.ok && refused.error.code).toBe('invalid_transition')
  })

  it('still previews the promises a move leaves open on a case that can be counted', async () => {
    const c = await deskWithCase((c) => c)
    const preview = value(await t!.desk.cases.previewTransition({ id: c.id, transition: closeAsSpam }))
    expect(preview.openPromises.map((d) => d.due)).toContain('acknowledgement')
  })
})

describe('events to the renderer', () => {
  const heard = (desk: TestDesk, names: EventName[]) => {
    const got: [EventName, unknown][] = []
    for (const name of names) desk.desk.events.on(name, (payload) => got.push([name, payload]))
    return got
  }

  it('tells the listeners which case changed, after a change made through a handler', async () => {
    t = await createTestDesk({ now: monday })
    const got = heard(t, ['case:changed', 'cases:changed', 'settings:changed'])
    const created = await t.desk.cases.create(report)
    if (!created.ok) throw new Error(created.error.message)
    await t.desk.cases.addNote({ id: created.value.id, text: 'Asked for the affected invoice ids' })
    expect(got).toEqual([
      ['case:changed', { id: created.value.id }],
      ['case:changed', { id: created.value.id }],
    ])
  })

  it('says many cases changed when the samples load, and the settings changed when they are saved', async () => {
    t = await createTestDesk()
    const got = heard(t, ['case:changed', 'cases:changed', 'settings:changed', 'policies:changed'])
    await t.desk.samples.load({})
    const settings = await t.desk.settings.get({})
    if (!settings.ok) throw new Error(settings.error.message)
    await t.desk.settings.update({ settings: { ...settings.value, defaultPolicyId: 'ikuu' }, base: settings.value })
    expect(got).toEqual([
      ['cases:changed', {}],
      ['settings:changed', {}],
    ])
  })

  it('sends nothing for a refused change, and stops calling a listener once it unsubscribed', async () => {
    t = await createTestDesk({ now: monday })
    const got: unknown[] = []
    const stop = t.desk.events.on('case:changed', (payload) => got.push(payload))
    const refused = await t.desk.cases.addNote({ id: 'no-such-case', text: 'Hello' })
    expect(refused.ok).toBe(false)
    stop()
    expect((await t.desk.cases.create(report)).ok).toBe(true)
    expect(got).toEqual([])
  })

  it("says the store changed on disk when a colleague's app wrote the shared file", async () => {
    t = await createTestDesk({ watch: true, now: monday })
    const got = heard(t, ['store:changedOnDisk', 'cases:changed'])
    const colleague = await createTestDesk({ file: t.file, now: monday })
    try {
      await colleague.desk.cases.create(report)
      await vi.waitFor(() => expect(got).toEqual([['cases:changed', {}], ['store:changedOnDisk', {}]]), { timeout: 5000 })
      expect((await listCases(t)).map((c) => c.title)).toEqual(['IDOR in the invoice API'])
    } finally {
      await colleague.dispose()
    }
  })
})

describe('a store shared by two team members', () => {
  it("lists a case that a colleague's app created in the same file, taken in by the file watch", async () => {
    t = await createTestDesk({ now: monday })
    const colleague = await createTestDesk({ file: t.file, now: monday })
    try {
      const created = value(await colleague.desk.cases.create(report))
      await vi.waitFor(async () => expect((await listCases(t!)).map((c) => c.title)).toEqual(['IDOR in the invoice API']), { timeout: 5000 })
      expect(value(await t.desk.cases.get({ id: created.id })).title).toBe('IDOR in the invoice API')
    } finally {
      await colleague.dispose()
    }
  })

  it('answers a read from the document it holds, without reading the file per request (60–300 ms at 10,000 cases)', async () => {
    const session = createStoreSession({ identities: identityBook(tmpdir()), installation: installationState(tmpdir()), now: monday })
    const handlers = createHandlers(session, createFakeShell(false, tmpdir()).shell, monday)
    const file = join(await mkdtemp(join(tmpdir(), 'disclosure-desk-')), 'store.json')
    await session.open(file)
    try {
      const created = value(await dispatch(handlers, 'cases:create', report)) as Case
      const sync = vi.spyOn(session.store(), 'sync')
      for (const [channel, request] of [
        ['cases:list', {}],
        ['cases:get', { id: created.id }],
        ['settings:get', {}],
        ['deadlines:ofCase', { id: created.id }],
        ['cases:nextMilestones', { id: created.id }],
      ] as const) {
        expect((await dispatch(handlers, channel, request)).ok).toBe(true)
      }
      expect(sync).not.toHaveBeenCalled()
    } finally {
      await session.close()
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
