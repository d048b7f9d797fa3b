import { readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

// Mon 21 Dec 2026, 10:00 in Amsterdam: the week of Christmas, so the month and the week show the team's holidays.
const now = () => new Date('2026-12-21T09:00:00Z')

const sizes = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1024', width: 1024, height: 700 },
] as const

/** The sample cases, loaded from the case list as a person would; their deadlines are dated around `now`. */
async function withSamples(app: AppHarness): Promise<void> {
  const { page } = app
  await page.getByRole('link', { name: /^Cases/ }).first().click()
  await page.getByRole('button', { name: 'Load sample cases' }).click()
  await page.getByRole('button', { name: 'Remove sample cases' }).waitFor()
}

describe('today and the deadline calendar, end to end', () => {
  it('shows Today, the agenda, the week and the month of the sample cases at two window sizes', async () => {
    app = await launchApp({ now })
    const { page } = app
    await withSamples(app)
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await page.getByRole('link', { name: /^Today/ }).first().click()
      await page.getByRole('heading', { name: 'Overdue' }).waitFor()
      await app.screenshot(`90-today-${size.name}`)

      await page.getByRole('link', { name: /^Calendar/ }).first().click()
      await page.getByRole('heading', { name: 'Calendar', exact: true }).waitFor()
      await page.getByRole('tab', { name: 'Agenda' }).click()
      await page.getByRole('region', { name: 'Agenda' }).getByRole('link', { name: /^Open VD-2026-\d{3}$/ }).first().waitFor()
      await app.screenshot(`91-agenda-${size.name}`)

      await page.getByRole('tab', { name: 'Week' }).click()
      await page.getByText('Week 52').first().waitFor()
      await app.screenshot(`92-week-${size.name}`)

      await page.getByRole('tab', { name: 'Month' }).click()
      await page.getByText('December 2026').first().waitFor()
      await page.getByText('Christmas Day').first().waitFor()
      await app.screenshot(`93-month-${size.name}`)
    }
  })

  it('opens a case from its chip in the month', async () => {
    app = await launchApp({ now })
    const { page } = app
    await withSamples(app)
    await page.getByRole('link', { name: /^Calendar/ }).first().click()
    await page.getByRole('tab', { name: 'Month' }).click()
    // A chip's label says its tone, key, what is due and who has it; its tooltip adds the case's title.
    const chip = page.getByRole('grid', { name: 'December 2026' }).getByRole('link', { name: /: VD-2026-\d{3}, / }).first()
    const title = (await chip.getAttribute('title'))!.split('\n')[1]!
    await chip.click()
    await page.getByRole('heading', { level: 1 }).filter({ hasText: title }).waitFor()
    await app.screenshot('95-case-from-chip')
  })

  it('moves the focused day with the arrow keys and the month with Page Down', async () => {
    app = await launchApp({ now })
    const { page } = app
    await withSamples(app)
    await page.getByRole('link', { name: /^Calendar/ }).first().click()
    await page.getByRole('tab', { name: 'Month' }).click()
    await page.getByRole('grid', { name: 'December 2026' }).getByRole('gridcell', { selected: true }).focus()
    const focusedDay = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['day'])
    expect(await focusedDay()).toBe('2026-12-21')
    await page.keyboard.press('ArrowRight')
    await expect.poll(focusedDay).toBe('2026-12-22')
    await page.keyboard.press('ArrowDown')
    await expect.poll(focusedDay).toBe('2026-12-29')
    await page.keyboard.press('PageDown')
    await page.getByRole('grid', { name: 'January 2027' }).waitFor()
    await expect.poll(focusedDay).toBe('2027-01-29')
    await page.keyboard.press('PageUp')
    await page.getByRole('grid', { name: 'December 2026' }).waitFor()
    await expect.poll(focusedDay).toBe('2026-12-29')
  })

  it('exports the open deadlines to an ICS file that leaves case titles out by default', async () => {
    app = await launchApp({ now })
    const { page } = app
    await withSamples(app)
    await page.getByRole('link', { name: /^Calendar/ }).first().click()
    await page.getByRole('button', { name: 'Export .ics…' }).click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.getByLabel('Leave out case titles and reporter names').isChecked()).toBe(true)
    await app.screenshot('94-ics-export-dialog')
    await dialog.getByRole('button', { name: /^Save/ }).click()
    const saidSaved = await dialog.getByText(/Saved \d+ events/).innerText()

    expect(app.files.saved).toHaveLength(1)
    const saved = app.files.saved[0]!
    expect(saved.suggestedName).toBe('Disclosure Desk deadlines.ics')
    const text = await readFile(saved.path, 'utf8')
    const calendar = new ICAL.Component(ICAL.parse(text))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.length).toBe(Number(/Saved (\d+) events/.exec(saidSaved)![1]))
    expect(events.length).toBeGreaterThan(5)
    for (const event of events) expect(event.summary).toMatch(/^VD-2026-\d{3}: /)
    expect(text).not.toContain('HYPERLINK')
    expect(text).not.toContain('Stored XSS')
    expect(text).not.toContain('Tomasz Nowak')
  })
})
