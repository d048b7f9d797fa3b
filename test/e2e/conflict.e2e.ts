import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { announcePresence, type Announcement } from '../../src/store/file/presence'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
let samsPresence: Announcement | undefined
afterEach(async () => {
  await samsPresence?.stop()
  samsPresence = undefined
  await app?.close()
  app = undefined
})

const report: CaseInput = {
  title: 'Open redirect on login',
  reporter: { name: 'Ada Researcher', email: 'ada@example.org', language: 'en' },
  received: { at: '2026-03-02T09:00:00+01:00', timeZone: 'Europe/Amsterdam' },
  channel: 'email',
  reportText: 'Steps to reproduce are attached.',
  severity: { kind: 'unrated' },
  tags: [],
}

type Desk = {
  settings: { get(r: object): Promise<{ value: Record<string, unknown> }>; update(s: unknown): Promise<{ ok: boolean }> }
  identity: { set(r: { memberId: string }): Promise<unknown> }
  cases: { create(i: unknown): Promise<{ value: { id: string } }> }
}

describe('two people on one shared store file', () => {
  it('each sees the other has it open; when both change a case’s title, the second sees both and chooses', async () => {
    app = await launchApp()
    const { page } = app
    // Ana is this app's person; Sam, on another laptop, opens the same file.
    const caseId = await page.evaluate(async (input) => {
      const desk = (window as unknown as { desk: Desk }).desk
      const settings = (await desk.settings.get({})).value
      const team = [
        { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' },
        { id: 'm-sam', name: 'Sam Rivera', email: 'sam@example.org' },
      ]
      await desk.settings.update({ settings: { ...settings, team }, base: settings })
      await desk.identity.set({ memberId: 'm-ana' })
      return (await desk.cases.create(input)).value.id
    }, report)
    const sam = await app.openColleagueStore({ memberId: 'm-sam' })
    samsPresence = announcePresence(app.storeFile, randomUUID(), () => 'Sam Rivera', { host: 'sam-laptop' })
    await samsPresence.announced
    // Ana's app starts (again) with her chosen and Sam's app already open.
    await page.reload()

    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('row').filter({ hasText: 'Open redirect on login' }).click()
    await page.getByRole('heading', { level: 1, name: 'Open redirect on login' }).waitFor()
    const sidebar = page.getByRole('complementary')
    await sidebar.getByText(/^Sam Rivera on sam-laptop since \d\d:\d\d$/).waitFor()
    await app.screenshot('60-also-open')

    // Ana starts editing; Sam saves a new title meanwhile.
    await page.getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Title').fill('Open redirect on login (any ?next= URL)')
    await page.getByLabel(/^Tags/).fill('redirect, login')
    await sam.sync()
    await sam.cases.update(caseId, { title: 'Open redirect via the next parameter', asset: 'login.example.com' }, sam.cases.get(caseId).revision)
    await page.getByRole('button', { name: 'Save' }).click()

    const conflict = page.getByRole('form', { name: 'Sam Rivera changed this case while you were editing it' })
    await conflict.waitFor()
    const title = conflict.getByRole('group', { name: 'Title' })
    await title.getByText('Open redirect on login (any ?next= URL)').waitFor()
    await title.getByText('Open redirect via the next parameter').waitFor()
    await title.getByRole('radio', { name: /^Theirs \(Sam Rivera, \d\d:\d\d\)/ }).waitFor()
    // Only Ana changed the tags, only Sam the asset: nothing to ask.
    await conflict.getByRole('group', { name: 'Tags' }).getByText('Yours is kept.').waitFor()
    await conflict.getByText('They also changed Affected asset or product; kept as they saved it.').waitFor()
    await app.screenshot('61-conflict-both-versions')

    // Saving before choosing says what to choose.
    await conflict.getByRole('button', { name: 'Save' }).click()
    await conflict.getByRole('alert').getByText('Choose yours or theirs for: Title.').waitFor()
    await title.getByRole('radio', { name: /^Yours/ }).check()
    await app.screenshot('62-conflict-chosen')
    await conflict.getByRole('button', { name: 'Save' }).click()

    await page.getByRole('heading', { level: 1, name: 'Open redirect on login (any ?next= URL)' }).waitFor()
    expect(await conflict.count()).toBe(0)
    // Both changes are on the record, each by its person; the file holds Ana's choice.
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await timeline.getByText('Open redirect via the next parameter').first().waitFor()
    await app.screenshot('63-conflict-saved')
    await sam.sync()
    const saved = sam.cases.get(caseId)
    expect(saved).toMatchObject({ title: 'Open redirect on login (any ?next= URL)', tags: ['redirect', 'login'], asset: 'login.example.com' })
    const changes = saved.timeline.flatMap((e) => (e.type === 'field_changed' ? [`${e.field} by ${e.by.name}`] : []))
    expect(changes).toEqual(['title by Sam Rivera', 'asset by Sam Rivera', 'title by Ana Silva', 'tags by Ana Silva'])

    // Sam closes the app: the line goes when Ana's window next asks.
    await samsPresence.stop()
    await page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await sidebar.getByText('Also open').waitFor({ state: 'detached' })
  })
})
