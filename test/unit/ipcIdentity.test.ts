import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '../../src/ipc/contract'
import { emptyDocument } from '../../src/store/document'
import { createTestDesk, type TestDesk } from '../support/testDesk'

const desks: TestDesk[] = []
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.dispose()
})
const open = async (options?: Parameters<typeof createTestDesk>[0]) => {
  const desk = await createTestDesk({ now: monday, ...options })
  desks.push(desk)
  return desk
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const monday = () => new Date('2026-12-21T09:00:00Z')
const report = {
  title: 'IDOR in the invoice API',
  reporter: { name: 'Sam Finder', email: 'sam@example.org' },
  received: { at: '2026-12-18T15:10:00.000Z', timeZone: 'Europe/Amsterdam' },
}
const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }
const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }

/** Two colleagues' apps on one shared store file, each installation with its own user data folder. */
async function sharedStore() {
  const anasApp = await open()
  const settings = value(await anasApp.desk.settings.get({}))
  value(await anasApp.desk.settings.update({ settings: { ...settings, team: [ana, ben] }, base: settings }))
  const bensApp = await open({ file: anasApp.file })
  return { anasApp, bensApp }
}

describe('who am I, per installation', () => {
  it("records each colleague's notes on a shared store under their own name", async () => {
    const { anasApp, bensApp } = await sharedStore()
    expect(value(await anasApp.desk.identity.set({ memberId: ana.id }))).toEqual({ memberId: ana.id })
    expect(value(await bensApp.desk.identity.set({ memberId: ben.id }))).toEqual({ memberId: ben.id })

    const created = value(await anasApp.desk.cases.create(report))
    value(await bensApp.desk.cases.addNote({ id: created.id, text: 'Reproduced on staging.' }))
    value(await anasApp.desk.cases.addNote({ id: created.id, text: 'Fix is in review.' }))

    const timeline = value(await anasApp.desk.cases.get({ id: created.id })).timeline
    expect(timeline.map((e) => [e.type, e.by])).toEqual([
      ['created', { memberId: ana.id, name: 'Ana Silva' }],
      ['note', { memberId: ben.id, name: 'Ben Okafor' }],
      ['note', { memberId: ana.id, name: 'Ana Silva' }],
    ])
    // Each app still says who it is; nothing about either person went into the shared file.
    expect(value(await anasApp.desk.identity.get({}))).toEqual({ memberId: ana.id })
    expect(value(await bensApp.desk.identity.get({}))).toEqual({ memberId: ben.id })
    expect(value(await anasApp.desk.settings.get({})).currentMemberId).toBeUndefined()
  })

  it('keeps the choice across a restart of the app', async () => {
    const { anasApp } = await sharedStore()
    value(await anasApp.desk.identity.set({ memberId: ana.id }))
    await anasApp.restart()
    expect(value(await anasApp.desk.identity.get({}))).toEqual({ memberId: ana.id })
    const created = value(await anasApp.desk.cases.create(report))
    expect(created.timeline[0]!.by).toEqual({ memberId: ana.id, name: 'Ana Silva' })
  })

  it('refuses someone not on the team at the "I am" field, and keeps the previous choice', async () => {
    const { anasApp } = await sharedStore()
    value(await anasApp.desk.identity.set({ memberId: ana.id }))
    const refused = await anasApp.desk.identity.set({ memberId: 'm-stranger' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'memberId', message: 'Choose yourself from the team list' }] } })
    expect(value(await anasApp.desk.identity.get({}))).toEqual({ memberId: ana.id })
  })

  it('acts as nobody (no name, "Someone" on the timeline) once this person is removed from the team, or when nobody is chosen', async () => {
    const { anasApp } = await sharedStore()
    value(await anasApp.desk.identity.set({ memberId: ben.id }))
    const settings = value(await anasApp.desk.settings.get({}))
    value(await anasApp.desk.settings.update({ settings: { ...settings, team: [ana] }, base: settings }))
    expect(value(await anasApp.desk.identity.get({}))).toEqual({ memberId: null })
    expect(value(await anasApp.desk.cases.create(report)).timeline[0]!.by).toEqual({})

    value(await anasApp.desk.identity.set({ memberId: null }))
    expect(value(await anasApp.desk.identity.get({}))).toEqual({ memberId: null })
  })

  it('counts a broken identities file in the user data folder as no choice made, and writes it whole again', async () => {
    const { anasApp } = await sharedStore()
    // The desk's temporary folder is its user data folder.
    const kept = join(dirname(anasApp.file), 'identities.json')
    await writeFile(kept, '{"half a')
    expect(value(await anasApp.desk.identity.get({}))).toEqual({ memberId: null })
    value(await anasApp.desk.identity.set({ memberId: ana.id }))
    expect(JSON.parse(await readFile(kept, 'utf8'))).toEqual({ [anasApp.file]: ana.id })
  })

  it("takes the choice an older version kept in the file only on a store whose team is that one person", async () => {
    const single = await open()
    await writeFile(single.file, JSON.stringify({ ...emptyDocument(), settings: { ...emptyDocument().settings, team: [ana], currentMemberId: ana.id } }))
    await single.restart()
    expect(value(await single.desk.identity.get({}))).toEqual({ memberId: ana.id })

    const shared = await open()
    await writeFile(shared.file, JSON.stringify({ ...emptyDocument(), settings: { ...emptyDocument().settings, team: [ana, ben], currentMemberId: ana.id } }))
    await shared.restart()
    expect(value(await shared.desk.identity.get({}))).toEqual({ memberId: null })
    const created = value(await shared.desk.cases.create(report))
    expect(created.timeline[0]!.by).toEqual({})
    // The file is not rewritten to forget the old choice; this installation just does not borrow it.
    expect(JSON.parse(await readFile(shared.file, 'utf8')).settings.currentMemberId).toBe(ana.id)
  })
})
