import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let apps: AppHarness[] = []
afterEach(async () => {
  for (const app of apps) await app.close()
  apps = []
})

type Stored = { calendar: { spec: object } }
type Desk = { settings: { get(r: object): Promise<{ value: Stored }>; update(r: object): Promise<{ ok: boolean }> } }

/** Two apps on one store file whose team calendar is Germany's, both on the team calendar settings. */
async function twoAppsInGermany(): Promise<[AppHarness, AppHarness]> {
  const anas = await launchApp()
  apps.push(anas)
  await anas.page.evaluate(async () => {
    const desk = (window as unknown as { desk: Desk }).desk
    const settings = (await desk.settings.get({})).value
    const spec = { ...settings.calendar.spec, country: 'DE', timeZone: undefined, overrides: [] }
    await desk.settings.update({ settings: { ...settings, calendar: { ...settings.calendar, spec } }, base: settings })
  })
  const bens = await launchApp({ storeFile: anas.storeFile })
  apps.push(bens)
  for (const { page } of [anas, bens]) {
    await page.reload()
    await page.getByRole('link', { name: 'Settings' }).first().click()
    await page.getByRole('link', { name: 'Team calendar settings' }).click()
    await page.getByLabel(/^State or province/).getByRole('option', { name: 'Bayern' }).waitFor({ state: 'attached' })
  }
  return [anas, bens]
}

// The place is one part of the settings: Ana moving the team to Austria while Ben picks a German state is one
// question, each place shown whole, never Austria with a German state refused at a field nobody chose.
describe('two people changing the team calendar’s place at once', () => {
  it('one picks another country, the other a state of the old one: asked which place, the choice saved', async () => {
    const [anas, bens] = await twoAppsInGermany()
    await anas.page.getByLabel('Country').selectOption('AT')
    await anas.page.getByRole('button', { name: 'Save team calendar' }).click()
    await anas.page.getByRole('status').getByText(/^Saved\./).waitFor()
    await bens.page.getByLabel(/^State or province/).selectOption('BY')
    await bens.page.getByRole('button', { name: 'Save team calendar' }).click()

    const conflict = bens.page.getByRole('form', { name: 'Someone else changed the same settings before you saved yours' })
    const place = conflict.getByRole('group', { name: 'Calendar: country and region' })
    await place.getByText('Germany, BY').waitFor()
    await place.getByText('Austria, whole country').waitFor()
    await bens.screenshot('settings-place-conflict-1')
    await place.getByRole('radio', { name: /^Yours/ }).click()
    await conflict.getByRole('button', { name: 'Save' }).click()

    await bens.page.getByRole('status').getByText(/^Saved\./).waitFor()
    await bens.screenshot('settings-place-conflict-2-saved')
    const { spec } = (await anas.openColleagueStore()).settings.get().calendar
    expect([spec.country, spec.state]).toEqual(['DE', 'BY'])
  })
})
