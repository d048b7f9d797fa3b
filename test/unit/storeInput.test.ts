import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import type { Command } from '../../src/commands'
import { DeskError } from '../../src/errors'
import { openStore, type Store } from '../../src/store'

// The store refuses bad input by itself, whoever calls it: before the lock is taken or the file read, and in the words
// the forms show, naming the field. The IPC contract checks the same schemas; these calls do not go through it.

let dir: string
let file: string
let store: Store
let ids: number
const clock = new Date('2026-03-04T09:30:00.000Z')

const idor: CaseInput = {
  title: 'IDOR in invoice API',
  reporter: { name: 'Lena Fischer', email: 'lena@fischer.example' },
  received: { at: '2026-03-02T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-store-input-'))
  file = join(dir, 'store.json')
  ids = 0
  store = await openStore(file, { now: () => clock, newId: () => `id-${++ids}` })
})
afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

/** Runs a call that must be refused as invalid input, and checks that the file did not change. */
async function refused(call: () => Promise<unknown>): Promise<DeskError> {
  const before = await readFile(file, 'utf8')
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  expect((error as DeskError).code).toBe('invalid_input')
  expect(await readFile(file, 'utf8')).toBe(before)
  return error as DeskError
}

const paths = (e: DeskError) => e.issues.map((i) => i.path)
const long = 'x'.repeat(100_000)

describe('the store refuses bad input by itself', () => {
  it('refuses a note that is not text, naming the note', async () => {
    const c = await store.cases.create(idor)
    const e = await refused(() => store.cases.addNote(c.id, 42 as never))
    expect(e.message).toMatch(/^The note was not saved\./)
    expect(paths(e)).toEqual(['text'])
    expect(store.cases.get(c.id).timeline).toHaveLength(1)
  })

  it.each([
    ['the text "2"', '2'],
    ['NaN', Number.NaN],
    ['0', 0],
    ['1.5', 1.5],
  ])('refuses a revision of %s as invalid input, not as a colleague’s change', async (_, revision) => {
    const c = await store.cases.create(idor)
    const update = await refused(() => store.cases.update(c.id, { title: 'Changed' }, revision as never))
    expect(update.code).not.toBe('conflict')
    expect(paths(update)).toEqual(['revision'])
    expect(update.message).toMatch(/revision is a whole number from 1 up/)
    const move = await refused(() => store.cases.transition(c.id, { to: 'acknowledged' }, revision as never))
    expect(paths(move)).toEqual(['revision'])
    expect(store.cases.get(c.id).title).toBe(idor.title)
  })

  it('refuses a 100,000-character time zone, naming it', async () => {
    const e = await refused(() => store.cases.create({ ...idor, received: { ...idor.received, timeZone: long } }))
    expect(paths(e)).toEqual(['input.received.timeZone'])
    expect(e.message).toBe('The case was not saved. A time zone name has at most 100 characters; choose one from the list.')
    const settings = store.settings.get()
    const s = await refused(() =>
      store.settings.update({ ...settings, calendar: { ...settings.calendar, spec: { ...settings.calendar.spec, timeZone: long } } }),
    )
    expect(paths(s)).toEqual(['settings.calendar.spec.timeZone'])
    expect(s.message).toMatch(/^The change to the settings was not saved\. A time zone name has at most 100 characters/)
    expect(store.cases.list()).toHaveLength(0)
  })

  it('refuses a 100,000-character assignee or case id, naming it', async () => {
    const create = await refused(() => store.cases.create({ ...idor, assigneeId: long }))
    expect(paths(create)).toEqual(['input.assigneeId'])
    expect(create.message).toMatch(/An id has at most 200 characters/)
    const c = await store.cases.create(idor)
    const update = await refused(() => store.cases.update(c.id, { assigneeId: long }))
    expect(paths(update)).toEqual(['patch.assigneeId'])
    const note = await refused(() => store.cases.addNote(long, 'A note'))
    expect(paths(note)).toEqual(['caseId'])
    const policy = await refused(() => store.policies.remove(long))
    expect(paths(policy)).toEqual(['policyId'])
  })

  it('refuses a command it does not know, and one that is not a command at all', async () => {
    await refused(() => store.run({ type: 'case.explode' } as unknown as Command))
    await refused(() => store.run(null as unknown as Command))
    await refused(() => store.run({ type: 'toString' } as unknown as Command))
  })

  it('still runs a valid command, and after a refusal', async () => {
    const c = await store.cases.create(idor)
    await refused(() => store.cases.addNote(c.id, 42 as never))
    const noted = await store.cases.addNote(c.id, 'Reproduced on staging.')
    expect(noted.revision).toBe(2)
    const updated = await store.cases.update(c.id, { title: 'IDOR in the invoice API' }, 2)
    expect(updated.title).toBe('IDOR in the invoice API')
    const reopened = await openStore(file)
    expect(reopened.cases.get(c.id).revision).toBe(3)
    await reopened.close()
  })
})
