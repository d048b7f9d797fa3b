import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

// Mon 21 Dec 2026, 10:00 in Amsterdam.
const now = () => new Date('2026-12-21T09:00:00Z')
const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }
const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }

describe('who am I on a shared store', () => {
  it("shows each colleague's actions under their own name, and this app's under the person chosen here", async () => {
    app = await launchApp({ now })
    const { page } = app
    // Ben's app, on the same shared file, puts the team in; this app hears it through the file watch.
    const bensApp = await app.openColleagueStore({ memberId: ben.id })
    await bensApp.settings.update({ ...bensApp.settings.get(), team: [ana, ben] })

    await page.getByRole('link', { name: 'Settings' }).first().click()
    const iAm = page.getByLabel('I am')
    await iAm.getByRole('option', { name: 'Ana Silva' }).waitFor({ state: 'attached' })
    await iAm.selectOption({ label: 'Ana Silva' })
    await page.getByRole('complementary').getByText('Ana Silva').waitFor()

    await page.getByRole('link', { name: 'New case' }).first().click()
    await page.getByLabel('Title').fill('IDOR in the invoice API')
    await page.getByLabel('Reporter name').fill('Noor Haddad')
    await page.getByLabel('Reporter email').fill('noor@example.org')
    await page.getByLabel('Received').fill('2026-12-18T16:10')
    await page.getByLabel('Time zone').selectOption('Europe/Amsterdam')
    await page.getByRole('button', { name: /^(Save|Create case)$/ }).click()
    await page.getByRole('heading', { level: 1, name: 'IDOR in the invoice API' }).waitFor()

    await bensApp.sync()
    const [kase] = bensApp.cases.list()
    await bensApp.cases.addNote(kase!.id, 'Reproduced on staging.')
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await timeline.getByText('Reproduced on staging.').waitFor({ timeout: 10_000 })

    const who = await timeline.locator('.timeline-who').allInnerTexts()
    expect(who).toEqual(['Ana Silva', 'Ben Okafor'])
    // Neither person went into the shared file: each app keeps its own.
    expect(bensApp.settings.get().currentMemberId).toBeUndefined()
    await timeline.scrollIntoViewIfNeeded()
    await app.screenshot('70-shared-store-names')
  })
})
