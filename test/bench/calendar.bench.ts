import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyDocument } from '../../src/store/document'
import { launchApp } from '../e2e/harness'
import { realisticCases } from './fixtures/realisticCases'
import { median, tenths } from './fixtures/median'

const runs = 9

// The fixture's reports arrive 2019–2025, about 40,000 deadlines over seven years: a month of 2024 holds some 500.
const firstMonth = '2024-03-01'

// In-page code is plain JavaScript text: the TypeScript runner would otherwise add helpers the page does not have.
// Resolves on the first frame after the grid shows `month` (its label) with chips in it.
const shownMonth = `(month, timeout) => new Promise((resolve, reject) => {
  const ready = () => {
    const grid = document.querySelector('[role="grid"]')
    return grid && grid.getAttribute('aria-label')?.includes(month) && grid.querySelectorAll('.deadline-chip').length > 20
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

// Page Down on the focused day, as a person switches months; the agenda is loaded already.
const measureSwitch = `async (month) => {
  const start = performance.now()
  const shown = (${shownMonth})(month, 5000)
  document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }))
  return (await shown) - start
}`

// From another screen into the month view (the agenda's query is warm, as after Today).
const measureOpen = `async ([to, month]) => {
  const start = performance.now()
  const shown = (${shownMonth})(month, 5000)
  location.hash = '#' + to
  return (await shown) - start
}`

const monthLabel = (d: Date) => d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const addMonths = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + n)
  return d
}

/**
 * The deadline calendar's month view with 10,000 cases (about 40,000 deadlines) in Chromium, built renderer and real
 * store file through the e2e bridge. Switch: from Page Down on a month to the first frame showing the next month's
 * chips. Open: from leaving the settings screen for the month view to its first frame with chips.
 */
export default async function calendarBench(): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-calendar-bench-'))
  const storeFile = join(dir, 'disclosure-desk.json')
  await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), cases: realisticCases(10_000, 42) }))
  const app = await launchApp({ storeFile })
  const { page } = app
  try {
    const monthView = `/calendar?view=month&day=${firstMonth}`
    await page.evaluate(`location.hash = ${JSON.stringify('#' + monthView)}`)
    await page.evaluate(`(${shownMonth})(${JSON.stringify(monthLabel(addMonths(firstMonth, 0)))}, 120000)`)

    const switches: number[] = []
    await page.getByRole('grid').getByRole('gridcell', { selected: true }).focus()
    for (let run = 1; run <= runs; run++) {
      switches.push(await page.evaluate<number>(`(${measureSwitch})(${JSON.stringify(monthLabel(addMonths(firstMonth, run)))})`))
    }

    const opens: number[] = []
    for (let run = 0; run < runs; run++) {
      await page.getByRole('link', { name: 'Settings' }).first().click()
      await page.getByRole('heading', { name: 'Settings' }).first().waitFor()
      const arg = JSON.stringify([monthView, monthLabel(addMonths(firstMonth, 0))])
      opens.push(await page.evaluate<number>(`(${measureOpen})(${arg})`))
    }
    return [
      { name: 'calendar-month-10k', ms: tenths(median(switches)) },
      { name: 'calendar-open-10k', ms: tenths(median(opens)) },
    ]
  } finally {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  }
}
