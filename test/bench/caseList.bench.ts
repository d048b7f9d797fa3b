import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyDocument } from '../../src/store/document'
import { launchApp } from '../e2e/harness'
import { realisticCases } from './fixtures/realisticCases'
import { median, tenths } from './fixtures/median'

const runs = 9

// In-page code is plain JavaScript text: the TypeScript runner would otherwise add helpers the page does not have.
const measureRender = `(async () => {
  const link = [...document.querySelectorAll('a')].find((a) => a.textContent.trim().startsWith('Cases'))
  const start = performance.now()
  const shown = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no rows within 5 s of opening the list')), 5000)
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('[role="row"]').length > 5) {
        observer.disconnect()
        resolve()
      }
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
  link.click()
  await shown
  await new Promise((resolve) => requestAnimationFrame(resolve))
  return performance.now() - start
})()`

const measureKeystroke = `async (key) => {
  const input = document.querySelector('input[aria-label="Search cases"]')
  const start = performance.now()
  const changed = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('the list did not change within 5 s of the keystroke')), 5000)
    const observer = new MutationObserver(() => {
      observer.disconnect()
      resolve()
    })
    observer.observe(document.querySelector('[role="grid"], [role="table"], table') ?? document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    })
  })
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, key)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await changed
  await new Promise((resolve) => requestAnimationFrame(resolve))
  return performance.now() - start
}`


/**
 * The case list with 10,000 cases in Chromium (built renderer, real store file through the e2e bridge).
 * Render: from the click on "Cases" (the summaries are already loaded, as they are after start-up) to the first frame
 * that shows rows. Keystroke: from one character typed in the search box to the first frame after the list changed.
 * Payload: the bytes of one serialized cases:list response.
 */
export default async function caseListBench(): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-list-bench-'))
  const storeFile = join(dir, 'disclosure-desk.json')
  await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), cases: realisticCases(10_000, 42) }))
  const app = await launchApp({ storeFile })
  const { page } = app
  try {
    // The app opens on Today; the list's rows are loaded from its sidebar link, as a person would.
    await page.getByRole('link', { name: 'Cases' }).first().click({ timeout: 120_000 })
    await page.getByRole('row').nth(5).waitFor({ timeout: 120_000 })

    const renders: number[] = []
    for (let run = 0; run < runs; run++) {
      await page.getByRole('link', { name: 'Settings' }).first().click()
      await page.getByRole('heading', { name: 'Settings' }).first().waitFor()
      renders.push(await page.evaluate<number>(measureRender))
    }

    const keystrokes: number[] = []
    const search = page.getByLabel('Search cases')
    // Letters that some but not all of the 10,000 fixture cases contain, so each keystroke changes the list.
    for (const letter of 'qzjkwyqzj'.slice(0, runs)) {
      await search.fill('')
      await page.getByRole('row').nth(5).waitFor()
      keystrokes.push(await page.evaluate<number>(`(${measureKeystroke})(${JSON.stringify(letter)})`))
    }
    // What one cases:list call carries to the renderer, serialized as it arrives there.
    const payloadBytes = await page.evaluate<number>(
      `(async () => new TextEncoder().encode(JSON.stringify(await window.desk.cases.list({}))).length)()`,
    )
    const shown = await page.getByRole('row').count()
    if (shown > 200) throw new Error(`the list is not virtualized: ${shown} rows in the page`)
    return [
      { name: 'list-render-10k', ms: tenths(median(renders)) },
      { name: 'list-search-keystroke-10k', ms: tenths(median(keystrokes)) },
      { name: 'list-payload-10k', bytes: payloadBytes },
    ]
  } finally {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  }
}
