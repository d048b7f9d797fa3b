import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Case } from '../../src/cases/case'
import { DeskError, userWords } from '../../src/errors'
import { shippedTemplate } from '../../src/drafts/catalog'
import { RecordEmail } from '../../src/commands/recordEmail'
import { copyPolicy, policyById } from '../../src/policies/catalog'
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

  const longId = 'An id has at most 200 characters; choose it from the list again'
  const lena = {
    title: 'IDOR in invoice API',
    reporter: { name: 'Lena Fischer', email: 'lena@fischer.example' },
    received: { at: '2026-11-27T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
  }

  it('refuses a policy rule id (a merge part’s name) or a copied-from id of 100,000 characters, at its field', async () => {
    t = await createTestDesk()
    const copy = copyPolicy(policyById('ikuu', [])!, 'p-copy', 'IKUU (copy)')
    const rule = await t.desk.policies.save({ policy: { ...copy, rules: [{ ...copy.rules[0]!, id: huge }] }, base: null })
    expect(rule.ok).toBe(false)
    if (!rule.ok) expect(rule.error.issues).toEqual([{ path: 'policy.rules.0.id', message: longId }])
    const basedOn = await t.desk.policies.save({ policy: { ...copy, basedOn: huge }, base: null })
    expect(basedOn.ok).toBe(false)
    if (!basedOn.ok) expect(basedOn.error.issues).toEqual([{ path: 'policy.basedOn', message: longId }])
    expect(await t.desk.policies.list({})).toMatchObject({ ok: true })
  })

  it('refuses a default policy id of 100,000 characters in the settings, at its field', async () => {
    t = await createTestDesk()
    const got = await t.desk.settings.get({})
    if (!got.ok) throw new Error(got.error.message)
    const saved = await t.desk.settings.update({ settings: { ...got.value, defaultPolicyId: huge }, base: got.value })
    expect(saved.ok).toBe(false)
    if (!saved.ok) expect(saved.error.issues).toEqual([{ path: 'settings.defaultPolicyId', message: longId }])
  })

  it('refuses a case naming its original, who acted, a member or policy, or a deadline’s rule by an id of 100,000 characters', async () => {
    t = await createTestDesk()
    const created = await t.desk.cases.create(lena)
    if (!created.ok) throw new Error(created.error.message)
    const c = created.value
    const first = c.timeline[0]!
    const stamp = { at: first.at, by: first.by }
    const sent = { templateId: 'acknowledgement', purpose: 'acknowledgement', language: 'en', from: 'a@example.org', to: [lena.reporter.email], subject: 'Hi', body: 'Hi' }
    const email = { ...stamp, ...sent, id: 'e-2', type: 'email_sent', on: first.at, cc: [], encrypted: false }
    const issues = (kase: unknown) => Case.safeParse(kase, { error: userWords }).error?.issues.map((i) => [i.path.join('.'), i.message])
    expect(issues({ ...c, duplicateOf: huge })).toEqual([['duplicateOf', longId]])
    expect(issues({ ...c, timeline: [{ ...first, by: { memberId: huge } }] })).toEqual([['timeline.0.by.memberId', longId]])
    const moved = { ...stamp, id: 'e-2', type: 'status_changed', from: 'received', to: 'closed', closingReason: 'duplicate', duplicateOf: huge }
    expect(issues({ ...c, timeline: [first, moved] })).toEqual([['timeline.1.duplicateOf', longId]])
    const assigned = { ...stamp, id: 'e-2', type: 'field_changed', field: 'assigneeId', from: null, to: { memberId: huge } }
    expect(issues({ ...c, timeline: [first, assigned] })).toEqual([['timeline.1.to.memberId', longId]])
    const moveTo = { ...stamp, id: 'e-2', type: 'field_changed', field: 'policyId', from: { policyId: 'ikuu' }, to: { policyId: huge } }
    expect(issues({ ...c, timeline: [first, moveTo] })).toEqual([['timeline.1.to.policyId', longId]])
    expect(issues({ ...c, timeline: [first, { ...email, forDeadline: { ruleId: huge, occurrence: 1 } }] })).toEqual([
      ['timeline.1.forDeadline.ruleId', longId],
    ])
    // The command recording it is refused the same way, before anything is recorded.
    const command = { type: 'case.recordEmail', caseId: c.id, email: sent, on: first.at }
    expect(RecordEmail.safeParse({ ...command, forDeadline: { ruleId: 'r-1', occurrence: 1 } }).success).toBe(true)
    const refused = RecordEmail.safeParse({ ...command, forDeadline: { ruleId: huge, occurrence: 1 } }, { error: userWords })
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['forDeadline.ruleId', longId]])
  })

  it('keeps a store whose ids are as long as allowed: a rule id and copied-from of 200 characters are saved and opened again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-ids-'))
    const file = join(dir, 'store.json')
    const store = await openStore(file)
    const copy = copyPolicy(policyById('ikuu', [])!, 'p-copy', 'IKUU (copy)')
    const long = 'r'.repeat(200)
    await store.run({ type: 'policy.save', policy: { ...copy, basedOn: 'b'.repeat(200), rules: copy.rules.map((r, i) => (i === 0 ? { ...r, id: long } : r)) } })
    await store.close()
    const again = await openStore(file)
    expect(again.document().policies[0]).toMatchObject({ basedOn: 'b'.repeat(200), rules: expect.arrayContaining([expect.objectContaining({ id: long })]) })
    await again.close()
  })
})
