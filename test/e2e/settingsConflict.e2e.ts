import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let apps: AppHarness[] = []
afterEach(async () => {
  for (const app of apps) await app.close()
  apps = []
})

const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }
const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org', role: 'Developer' }

type Desk = {
  settings: { get(r: object): Promise<{ value: Record<string, unknown> }>; update(r: object): Promise<{ ok: boolean }> }
  identity: { set(r: { memberId: string }): Promise<unknown> }
}

/**
 * Ana's app and Ben's app, two windows of the built renderer, each with its own handlers over the same store file (as
 * two laptops on a shared folder): what one saves reaches the other through its file watch. Both on Settings.
 */
async function twoApps(): Promise<[AppHarness, AppHarness]> {
  const anas = await launchApp()
  apps.push(anas)
  await anas.page.evaluate(async (team) => {
    const desk = (window as unknown as { desk: Desk }).desk
    const settings = (await desk.settings.get({})).value
    await desk.settings.update({ settings: { ...settings, team }, base: settings })
    await desk.identity.set({ memberId: 'm-ana' })
  }, [ana, ben])
  const bens = await launchApp({ storeFile: anas.storeFile })
  apps.push(bens)
  await bens.page.evaluate(() => (window as unknown as { desk: Desk }).desk.identity.set({ memberId: 'm-ben' }))
  for (const { page } of [anas, bens]) {
    await page.reload()
    await page.getByRole('link', { name: 'Settings' }).first().click()
    await page.getByRole('row', { name: /Ben Okafor/ }).waitFor()
  }
  return [anas, bens]
}

async function addMember(page: Page, name: string, email: string) {
  await page.getByLabel('Member name').fill(name)
  await page.getByLabel('Member email').fill(email)
  await page.getByRole('button', { name: 'Add member' }).click()
}

/** The form of the member being edited (the add form below it has the same fields). */
const memberForm = (page: Page) => page.locator('form', { has: page.getByRole('button', { name: 'Save member' }) })

/** The team as the store file holds it, read by a third app opening the file. */
const storedTeam = async (app: AppHarness) => (await app.openColleagueStore()).settings.get().team

describe('two people changing the team settings of one shared store file', () => {
  it('each adds a different member: both are on the team in both apps, nobody is asked', async () => {
    const [anas, bens] = await twoApps()
    // Both start typing before either saves.
    await anas.page.getByLabel('Member name').fill('Carl Berg')
    await bens.page.getByLabel('Member name').fill('Dana Wit')
    await addMember(anas.page, 'Carl Berg', 'carl@example.org')
    await anas.page.getByRole('row', { name: /Carl Berg/ }).waitFor()
    await addMember(bens.page, 'Dana Wit', 'dana@example.org')

    for (const { page } of [bens, anas]) {
      await page.getByRole('row', { name: /Dana Wit/ }).waitFor({ timeout: 10_000 })
      await page.getByRole('row', { name: /Carl Berg/ }).waitFor({ timeout: 10_000 })
      expect(await page.getByRole('form', { name: /changed the same settings/ }).count()).toBe(0)
    }
    await bens.screenshot('settings-conflict-1-both-added')
    const team = await storedTeam(anas)
    expect(team.map((m) => [m.name, m.removed ?? false])).toEqual([
      ['Ana Silva', false],
      ['Ben Okafor', false],
      ['Carl Berg', false],
      ['Dana Wit', false],
    ])
  })

  it('both change one member’s role: the second sees yours and theirs, chooses, and the choice is saved', async () => {
    const [anas, bens] = await twoApps()
    for (const { page } of [anas, bens]) await page.getByRole('button', { name: 'Edit Ben Okafor' }).click()
    await memberForm(anas.page).getByLabel(/^Role/).fill('Engineering lead')
    await anas.page.getByRole('button', { name: 'Save member' }).click()
    await anas.page.getByRole('row', { name: /Ben Okafor.*Engineering lead/ }).waitFor()
    // Ben's form started from "Developer"; Ana's save reaches his app meanwhile, his typing stays.
    await memberForm(bens.page).getByLabel(/^Role/).fill('Backend developer')
    await memberForm(bens.page).getByLabel(/^Signature/).fill('Ben\nBackend, Example B.V.')
    await bens.page.getByRole('button', { name: 'Save member' }).click()

    const conflict = bens.page.getByRole('form', { name: 'Someone else changed the same settings before you saved yours' })
    await conflict.waitFor()
    const role = conflict.getByRole('group', { name: 'Team: Ben Okafor’s role' })
    await role.getByText('Backend developer').waitFor()
    await role.getByText('Engineering lead').waitFor()
    await conflict.getByRole('group', { name: 'Team: Ben Okafor’s signature' }).getByText('Yours is kept.').waitFor()
    await bens.screenshot('settings-conflict-2-yours-theirs')

    await conflict.getByRole('button', { name: 'Save' }).click()
    await conflict.getByRole('alert').getByText('Choose yours or theirs for: Team: Ben Okafor’s role.').waitFor()
    await role.getByRole('radio', { name: 'Yours' }).check()
    await bens.screenshot('settings-conflict-3-chosen')
    await conflict.getByRole('button', { name: 'Save' }).click()

    await conflict.waitFor({ state: 'detached' })
    await bens.page.getByRole('row', { name: /Ben Okafor.*Backend developer/ }).waitFor()
    await bens.screenshot('settings-conflict-4-saved')
    // Ana's app shows Ben's choice through its watch.
    await anas.page.getByRole('row', { name: /Ben Okafor.*Backend developer/ }).waitFor({ timeout: 10_000 })
    const stored = (await storedTeam(anas)).find((m) => m.name === 'Ben Okafor')
    expect(stored).toMatchObject({ role: 'Backend developer', signature: 'Ben\nBackend, Example B.V.' })
  })

  it('on the team calendar, both change the time zone: asked about that only, the rest of both kept', async () => {
    const [anas, bens] = await twoApps()
    for (const { page } of [anas, bens]) {
      await page.getByRole('link', { name: 'Team calendar settings' }).click()
      await page.getByLabel('Country').getByRole('option', { name: 'Germany' }).waitFor({ state: 'attached' })
    }
    await anas.page.getByLabel('Time zone').fill('Europe/London')
    await anas.page.getByLabel('End of working day').fill('18:00')
    await anas.page.getByRole('button', { name: 'Save team calendar' }).click()
    await anas.page.getByRole('status').getByText(/^Saved\./).waitFor()
    // Ben's form has his own changes, so Ana's save does not replace them there.
    await bens.page.getByLabel('Time zone').fill('Europe/Brussels')
    await bens.page.getByRole('button', { name: 'Sat', exact: true }).click()
    await bens.page.getByRole('button', { name: 'Save team calendar' }).click()

    const conflict = bens.page.getByRole('form', { name: 'Someone else changed the same settings before you saved yours' })
    const zone = conflict.getByRole('group', { name: 'Calendar: time zone' })
    await zone.getByText('Europe/Brussels').waitFor()
    await zone.getByText('Europe/London').waitFor()
    await conflict.getByRole('group', { name: 'Calendar: work week' }).getByText('Yours is kept.').waitFor()
    await conflict.getByText('They also changed Calendar: end of working day; kept as they saved it.').waitFor()
    await bens.screenshot('settings-conflict-5-calendar')
    await conflict.getByRole('button', { name: 'Take all theirs' }).click()
    await conflict.getByRole('button', { name: 'Save' }).click()

    await bens.page.getByRole('status').getByText(/^Saved\./).waitFor()
    expect(await bens.page.getByLabel('Time zone').inputValue()).toBe('Europe/London')
    expect(await bens.page.getByLabel('End of working day').inputValue()).toBe('18:00')
    await bens.screenshot('settings-conflict-6-calendar-saved')
    // Ana's form, with nothing typed since her save, follows Ben's Saturday through its watch.
    await anas.page.getByRole('button', { name: 'Sat', exact: true, pressed: true }).waitFor({ timeout: 10_000 })
    const { calendar } = (await anas.openColleagueStore()).settings.get()
    expect([calendar.spec.timeZone, calendar.endOfWorkingDay, calendar.spec.workWeek]).toEqual(['Europe/London', '18:00', [1, 2, 3, 4, 5, 6]])
  })
})
