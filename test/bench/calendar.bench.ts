import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyDocument } from '../../src/store/document'
import { launchApp } from '../e2e/harness'
import { agendaCases } from './fixtures/agendaCases'
import { median, tenths } from './fixtures/median'

const runs = 9

// The app's own clock, not the harness's fixed one: Playwright's fake clock also runs requestAnimationFrame, which
// would add its tick to every figure. The month the calendar opens on is today's, on the team's (default) clock.
const todaysMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date())

// The fixture's reports arrive evenly from 2019 until today, some 420 entries a month (about 40,000 for 10,000 cases):
// every month shows three chips on each working day and "+N more". 2024's entries are all met, so the months measured
// are nearly the same whatever day the bench runs; today's month has the open cases' deadlines as well.
const firstMonth = { day: '2024-03-01', label: 'March 2024' }
const monthsAfter = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m) => `${m} 2024`)
// Fewer than this many chips: the month is not drawn yet (or the fixture changed and this measures something else).
const fullChips = 40

// In-page code is plain JavaScript text: the TypeScript runner would otherwise add helpers the page does not have.
// Resolves with the time of the first frame after the grid shows `month` (its label) with more than `chips` chips.
const shownMonth = `([month, chips, timeout]) => new Promise((resolve, reject) => {
  const ready = () => {
    const grid = document.querySelector('[role="grid"]')
    return grid?.getAttribute('aria-label') === month && grid.querySelectorAll('.deadline-chip').length > chips
  }
  const done = () => requestAnimationFrame(() => resolve(performance.now()))
  if (ready()) return done()
  const timer = setTimeout(() => reject(new Error('the month ' + month + ' did not show within ' + timeout + ' ms')), timeout)
  const observer = new MutationObserver(() => {
    if (!ready()) return
    observer.disconnect()
    clearTimeout(timer)
    done()
  })
  observer.observe(document.body, { childList: true, subtree: true, attributes: true })
})`

// A key on the grid's focused day, as a person moves through months; the agenda is loaded already.
const measureKey = `async ([key, month, chips]) => {
  const start = performance.now()
  const shown = (${shownMonth})([month, chips, 5000])
  document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  return (await shown) - start
}`

// From another screen to the calendar through the sidebar (the agenda's query is warm, as after Today).
const measureOpen = `async (month) => {
  const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim().startsWith('Calendar'))
  const start = performance.now()
  const shown = (${shownMonth})([month, 0, 5000])
  link.click()
  return (await shown) - start
}`

const inPage = (fn: string, arg: unknown) => `(${fn})(${JSON.stringify(arg)})`

/**
 * The deadline calendar's month view with 10,000 cases in Chromium (built renderer, real store file through the e2e
 * bridge). Month: from Page Down on the focused day to the first frame that shows the next month's chips, through
 * 2024 (the entries and the chips a month shows are in the figure's line). Open: from the click on "Calendar" in the
 * sidebar (on Settings) to the first frame of today's month with its chips: the screen filters and buckets every
 * entry again as it mounts.
 */
export default async function calendarBench(): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-calendar-bench-'))
  const storeFile = join(dir, 'disclosure-desk.json')
  await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), cases: agendaCases(10_000, 42, new Date()) }))
  const app = await launchApp({ storeFile })
  const { page } = app
  try {
    await page.getByRole('link', { name: /^Calendar/ }).first().click({ timeout: 120_000 })
    await page.evaluate(inPage(shownMonth, [todaysMonth, 0, 120_000]))
    await page.evaluate(`location.hash = ${JSON.stringify(`#/calendar?day=${firstMonth.day}`)}`)
    await page.evaluate(inPage(shownMonth, [firstMonth.label, fullChips, 5000]))
    await page.getByRole('grid').getByRole('gridcell', { selected: true }).focus()

    const switches: number[] = []
    const chips: number[] = []
    for (const month of monthsAfter.slice(0, runs)) {
      switches.push(await page.evaluate<number>(inPage(measureKey, ['PageDown', month, fullChips])))
      chips.push(await page.getByRole('grid').locator('.deadline-chip').count())
    }
    const entries = await page.evaluate<number>(`(async () => (await window.desk.agenda.list({})).value.length)()`)

    const opens: number[] = []
    for (let run = 0; run < runs; run++) {
      await page.getByRole('link', { name: 'Settings' }).first().click()
      await page.getByRole('heading', { name: 'Settings' }).first().waitFor()
      opens.push(await page.evaluate<number>(inPage(measureOpen, todaysMonth)))
    }
    return [
      { name: 'calendar-month-10k', ms: tenths(median(switches)), entries, chips: median(chips) },
      { name: 'calendar-open-10k', ms: tenths(median(opens)), entries },
    ]
  } finally {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  }
}
