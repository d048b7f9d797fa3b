import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

// Mon 21 Dec 2026, 10:00 in Amsterdam: the Monday after a report that came in on Friday afternoon.
const now = () => new Date('2026-12-21T09:00:00Z')

describe('deadlines, calendar and policies, end to end', () => {
  it('shows the holidays of the team calendar and lets a holiday be counted every year', async () => {
    app = await launchApp({ now })
    const { page } = app
    // The holidays live under Settings now; the sidebar's Calendar is the deadline calendar.
    await page.getByRole('link', { name: 'Settings' }).first().click()
    await page.getByRole('link', { name: 'Team calendar settings' }).click()
    await page.getByRole('heading', { name: 'Team calendar', exact: true }).waitFor()
    await page.getByLabel('Year', { exact: true }).fill('2027')
    const table = page.getByRole('table', { name: 'Holidays in 2027' })
    await table.getByRole('row').filter({ hasText: 'Good Friday' }).waitFor()
    await app.screenshot('20-calendar-settings')
    await page.getByRole('table', { name: 'Holidays in 2027' }).scrollIntoViewIfNeeded()
    await app.screenshot('21-calendar-holidays-2027')
    const goodFriday = await table.getByRole('row').filter({ hasText: 'Good Friday' }).innerText()
    expect(goodFriday).toContain('Counted')
  })

  it('makes IKUU the default, then shows a case’s deadlines with their policy sentences, in the detail and the list', async () => {
    app = await launchApp({ now })
    const { page } = app
    await page.getByRole('link', { name: 'Policies' }).first().click()
    await page.getByRole('navigation', { name: 'Policies' }).getByRole('link', { name: /IKUU/ }).click()
    await page.getByRole('table', { name: 'Rules' }).waitFor()
    await app.screenshot('22-policy-ikuu')
    await page.getByRole('button', { name: 'Use as default for new cases' }).click()
    await page.getByText('Default for new cases').waitFor()
    // The screen shows the saved settings; the file is written under the store's lock, which can take a moment.
    await expect
      .poll(async () => (JSON.parse(await readFile(app!.storeFile, 'utf8')) as { settings: { defaultPolicyId: string } }).settings.defaultPolicyId, {
        timeout: 5000,
      })
      .toBe('ikuu')

    await page.getByRole('link', { name: 'New case' }).first().click()
    await page.getByLabel('Title').fill('Open redirect on the login page')
    await page.getByLabel('Reporter name').fill('Noor Haddad')
    await page.getByLabel('Reporter email').fill('noor@example.org')
    await page.getByLabel('Received').fill('2026-12-18T16:10')
    await page.getByLabel('Time zone').selectOption('Europe/Amsterdam')
    await page.getByRole('button', { name: /^(Save|Create case)$/ }).click()

    const deadlines = page.getByRole('list', { name: 'Deadlines' })
    const acknowledgement = deadlines.getByRole('listitem', { name: 'Acknowledge receipt' })
    await acknowledgement.waitFor()
    const text = await acknowledgement.innerText()
    expect(text).toContain('Tue 22 Dec 2026 23:59 (Europe/Amsterdam)')
    expect(text).toContain('Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec')
    expect(text).toContain('Our Information Desk will confirm receipt within two business days.')
    // The new case reaches the list (and the sidebar's count) through the store's case:changed event alone.
    await page.locator('.nav-count').filter({ hasText: /^1$/ }).waitFor()
    await app.screenshot('23-case-deadlines')

    await page.getByRole('link', { name: 'Cases' }).first().click()
    const row = page.getByRole('row').filter({ hasText: 'Open redirect on the login page' })
    await row.waitFor()
    expect(await row.innerText()).toContain('Tomorrow')
    await app.screenshot('24-case-list-next-deadline')
  })
})
