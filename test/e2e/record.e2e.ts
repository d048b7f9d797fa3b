import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

// Mon 21 Dec 2026, 10:00 in Amsterdam. The page's clock is the machine's zone (UTC here): the forms read times on it.
const now = () => new Date('2026-12-21T09:00:00Z')

/** Opens a case under IKUU (confirm receipt in 2 business days, evaluate 3 business days after that). */
async function newCase(page: Page, title: string) {
  await page.getByRole('link', { name: 'New case' }).first().click()
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Reporter name').fill('Noor Haddad')
  await page.getByLabel('Reporter email').fill('noor@example.org')
  await page.getByLabel('Received').fill('2026-12-18T16:10')
  await page.getByLabel('Time zone').selectOption('Europe/Amsterdam')
  await page.getByLabel('Policy').selectOption({ label: 'IKUU Responsible Disclosure' })
  await page.getByRole('button', { name: /^(Save|Create case)$/ }).click()
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
}

const deadline = (page: Page, name: string) => page.getByRole('list', { name: 'Deadlines' }).getByRole('listitem', { name })

describe('a record to trust, end to end', () => {
  it('refuses a milestone in the future, records a wrong one, corrects it, and the deadlines follow', async () => {
    app = await launchApp({ now })
    const { page } = app
    await newCase(page, 'Open redirect on the login page')
    const recorder = page.getByRole('form', { name: 'Record milestone' })

    await recorder.getByLabel('Milestone', { exact: true }).selectOption({ label: 'Acknowledgement sent' })
    await recorder.getByLabel('Happened on').fill('2026-12-28T10:00')
    await recorder.getByRole('button', { name: 'Record milestone' }).click()
    await recorder.getByText('This time is in the future; record a milestone once it has happened').waitFor()
    await app.screenshot('40-milestone-in-the-future')

    // Really sent on Friday; recorded by mistake as Monday morning.
    await recorder.getByLabel('Happened on').fill('2026-12-21T08:30')
    await recorder.getByRole('button', { name: 'Record milestone' }).click()
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await timeline.getByText('Acknowledgement sent on Mon 21 Dec 09:30').waitFor()
    await expect.poll(() => deadline(page, 'Send evaluation').innerText()).toContain('→ due Thu 24 Dec')

    await timeline.getByRole('button', { name: 'Correct Acknowledgement sent' }).click()
    const correction = page.getByRole('form', { name: 'Correct Acknowledgement sent' })
    await correction.getByLabel('Really happened on').fill('2026-12-18T15:40')
    await correction.getByLabel(/Reason for the correction/).fill('Sent on Friday, recorded late')
    await app.screenshot('41-correct-milestone')
    await correction.getByRole('button', { name: 'Save correction' }).click()

    await timeline
      .getByText('Corrected the date of ‘Acknowledgement sent’ from Mon 21 Dec 2026 09:30 to Fri 18 Dec 2026 16:40')
      .waitFor()
    await expect.poll(() => deadline(page, 'Send evaluation').innerText()).toContain('→ due Wed 23 Dec')
    await timeline.scrollIntoViewIfNeeded()
    await app.screenshot('42-milestone-corrected')
    await deadline(page, 'Send evaluation').scrollIntoViewIfNeeded()
    await app.screenshot('43-deadline-follows-correction')
  })

  it('publishing with promises open lists them and asks; the move can be undone and the timeline keeps both', async () => {
    app = await launchApp({ now })
    const { page } = app
    await newCase(page, 'Stored XSS in ticket subjects')
    for (const to of ['Evaluating', 'Accepted / fixing', 'Resolved']) {
      await page.getByRole('button', { name: `Move to ${to}` }).click()
      await page.getByRole('region', { name: 'Status' }).getByText(to, { exact: true }).waitFor()
    }

    await page.getByRole('button', { name: 'Move to Published' }).click()
    const dialog = page.getByRole('dialog', { name: 'Publish with promises still open?' })
    await dialog.waitFor()
    const text = await dialog.innerText()
    expect(text).toContain('Confirm credit')
    expect(text).toContain('Consult reporter on publication')
    await app.screenshot('44-publish-with-open-promises')

    await dialog.getByRole('button', { name: 'Publish anyway' }).click()
    await page.getByRole('region', { name: 'Status' }).getByText('Published', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Undo move to Published' }).waitFor()
    await app.screenshot('45-published-with-undo')

    await page.getByRole('button', { name: 'Undo move to Published' }).click()
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await timeline.getByText('Undid the move to Published').waitFor()
    expect(await timeline.innerText()).toContain('Moved from Resolved to Published')
    await timeline.scrollIntoViewIfNeeded()
    await app.screenshot('46-move-undone')
  })
})
