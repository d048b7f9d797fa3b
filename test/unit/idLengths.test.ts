import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Case } from '../../src/cases/case'
import { DeskError, userWords } from '../../src/errors'
import { shippedTemplate } from '../../src/drafts/catalog'
import { openStore } from '../../src/store'
import { createTestDesk, type TestDesk } from '../support/testDesk'

// An id is made by the app (a UUID, a template's short name); one of 100,000 characters is a bug or an attack, and
// is refused by its length, naming the field, before anything else looks at it.

const huge = 'a'.repeat(100_000)
const shipped = shippedTemplate('acknowledgement')!

let t: TestDesk | undefined
let dir: string | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

describe('ids of at most a sensible length', () => {
  it('refuses a 100,000-character id over IPC, at the field, for a case and for a template removal', async () => {
    t = await createTestDesk()
    const get = await t.desk.cases.get({ id: huge })
    expect(get).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'id', message: 'An id has at most 200 characters; choose it from the list again' }] } })
    const remove = await t.desk.templates.remove({ id: huge, base: shipped })
    expect(remove.ok).toBe(false)
    if (!remove.ok) expect(remove.error.issues).toEqual([{ path: 'id', message: 'An id has at most 200 characters; choose it from the list again' }])
  })

  it('refuses a 100,000-character template id by its length alone, over IPC and through the store API', async () => {
    t = await createTestDesk()
    const saved = await t.desk.templates.save({ template: { ...shipped, id: huge }, base: null })
    expect(saved.ok).toBe(false)
    if (!saved.ok) {
      expect(saved.error.issues).toEqual([{ path: 'template.id', message: 'A template id has at most 80 characters' }])
      expect(saved.error.message).toBe('The template was not saved. A template id has at most 80 characters.')
    }
    dir = await mkdtemp(join(tmpdir(), 'desk-ids-'))
    const store = await openStore(join(dir, 'store.json'))
    const refused = await store.run({ type: 'template.save', template: { ...shipped, id: huge } }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(DeskError)
    expect((refused as DeskError).issues).toEqual([{ path: 'template.id', message: 'A template id has at most 80 characters' }])
    const removal = await store.run({ type: 'template.remove', templateId: huge }).catch((e: unknown) => e)
    expect((removal as DeskError).issues).toEqual([{ path: 'templateId', message: 'A template id has at most 80 characters' }])
    expect(store.document().templates).toEqual([])
    await store.close()
  })

  it('refuses a timeline event id of 100,000 characters, and one naming another event by such an id', async () => {
    t = await createTestDesk()
    const created = await t.desk.cases.create({
      title: 'IDOR in invoice API',
      reporter: { name: 'Lena Fischer', email: 'lena@fischer.example' },
      received: { at: '2026-11-27T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
    })
    if (!created.ok) throw new Error(created.error.message)
    const c = created.value
    const first = c.timeline[0]!
    const withLongId = Case.safeParse({ ...c, timeline: [{ ...first, id: huge }] }, { error: userWords })
    expect(withLongId.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['timeline.0.id', 'An event id has at most 200 characters']])
    const withdrawn = { id: 'e-2', at: first.at, by: first.by, type: 'event_withdrawn', eventId: huge }
    const naming = Case.safeParse({ ...c, timeline: [first, withdrawn] }, { error: userWords })
    expect(naming.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['timeline.1.eventId', 'An event id has at most 200 characters']])
    const correction = await t.desk.cases.withdrawEvent({ id: c.id, eventId: huge, reason: 'Wrong' })
    expect(correction.ok).toBe(false)
    if (!correction.ok) expect(correction.error.issues.map((i) => i.path)).toEqual(['eventId'])
  })
})
