import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case } from '../../src/cases/case'
import { exportJson } from '../../src/export/storeExport'
import { emptyDocument, type StoreDocument } from '../../src/store/document'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const hostileTitle = '=HYPERLINK("https://evil.example","Click") <script>alert(1)</script>, "quoted"'
const hostileName = '<img src=x onerror=alert(1)> colleague’s export.json'

describe('export and import, end to end', () => {
  it('exports the store and the cases, then imports a colleague’s export after a preview, and the record says so', async () => {
    app = await launchApp({ now: () => new Date('2026-12-01T10:00:00Z') })
    const { page } = app
    const colleague = await app.openColleagueStore()
    const received = { at: '2026-11-27T16:10:00+01:00', timeZone: 'Europe/Amsterdam' }
    const reporter = { name: 'Ëve Ünal 😀', email: 'eve@example.org' }
    const xss = await colleague.cases.create({ title: 'Stored XSS in the support portal', reporter, received })
    const redirect = await colleague.cases.create({ title: 'Open redirect on login', reporter, received })

    // The colleague's cases reach this app through its watch of the file; export once it has them.
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByText('Open redirect on login').first().waitFor()
    await page.getByText('Stored XSS in the support portal').first().waitFor()
    await page.getByRole('link', { name: 'Settings' }).first().click()
    const section = page.getByRole('region', { name: 'Export and import' })
    await section.scrollIntoViewIfNeeded()
    await section.getByRole('button', { name: 'Export store…' }).click()
    await section.getByRole('status').filter({ hasText: 'Exported the store (2 cases)' }).waitFor()
    // The team's calendar is the Netherlands' (the default): semicolons, as Excel there splits a CSV file.
    const semicolons = section.getByRole('radio', { name: /^Semicolons/ })
    expect(await semicolons.isChecked()).toBe(true)
    await section.getByRole('button', { name: 'Export cases as CSV…' }).click()
    await section.getByRole('status').filter({ hasText: 'Exported 2 cases as CSV' }).waitFor()
    await app.screenshot('60-export-import-section')
    await section.getByRole('radio', { name: /^Commas/ }).check()
    await section.getByRole('button', { name: 'Export cases as CSV…' }).click()
    await expect.poll(() => app!.files.saved.length).toBe(3)
    await app.screenshot('60b-export-csv-commas')
    const [json, csv, csvCommas] = app.files.saved
    expect(json!.suggestedName).toBe('Disclosure Desk export 2026-12-01.json')
    expect(csv!.suggestedName).toBe('Disclosure Desk cases 2026-12-01.csv')
    expect(String(csv!.content).startsWith('\ufeff"Key";"Title";"Status"')).toBe(true)
    expect(String(csvCommas!.content).startsWith('\ufeff"Key","Title","Status"')).toBe(true)

    // The colleague's store: the open redirect changed there, and a case this store has never seen.
    const theirs = JSON.parse(await readFile(app.storeFile, 'utf8')) as StoreDocument
    const changed: Case = { ...theirs.cases.find((c) => c.id === redirect.id)!, title: 'Open redirect on login and logout', revision: 4, updatedAt: '2026-12-01T09:15:00.000Z' }
    const fresh: Case = { ...theirs.cases.find((c) => c.id === xss.id)!, id: 'from-the-colleague', key: 'VD-2026-041', title: hostileTitle }
    const cases = [theirs.cases.find((c) => c.id === xss.id)!, changed, fresh]
    app.files.queueImport(hostileName, await exportJson({ ...theirs, cases }, new Date('2026-11-30T17:00:00Z')))

    await section.getByRole('button', { name: 'Import…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import cases' })
    await dialog.waitFor()
    await dialog.getByText(hostileName).waitFor()
    expect(await page.locator('img, script:not([src])').count()).toBe(0)
    const row = dialog.getByRole('row', { name: /Open redirect on login/ })
    expect(await row.getByRole('radio', { name: 'Keep mine' }).isChecked()).toBe(true)
    await app.screenshot('61-import-preview')

    await row.getByRole('radio', { name: 'Take theirs' }).click()
    await dialog.getByRole('button', { name: 'Import 2 cases' }).click()
    await section.getByRole('status').filter({ hasText: 'Imported: 1 case added, 1 case replaced' }).waitFor()
    await app.screenshot('62-import-done')

    const onDisk = JSON.parse(await readFile(app.storeFile, 'utf8')) as StoreDocument
    expect(onDisk.cases.map((c) => [c.key, c.title, c.timeline.at(-1)?.type])).toEqual([
      [xss.key, 'Stored XSS in the support portal', 'created'],
      [redirect.key, 'Open redirect on login and logout', 'imported'],
      ['VD-2026-041', hostileTitle, 'imported'],
    ])

    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('row').filter({ hasText: 'Open redirect on login and logout' }).click()
    const entry = page.locator('li', { hasText: `Replaced revision 1` }).last()
    await entry.scrollIntoViewIfNeeded()
    expect(await entry.textContent()).toContain(hostileName)
    await app.screenshot('63-imported-case-timeline')
  })

  it('previews an import of thousands of cases at once, scrolling through the rows in view, each with its own choice', async () => {
    const storeFile = join(await mkdtemp(join(tmpdir(), 'disclosure-desk-many-')), 'disclosure-desk.json')
    const here = realisticCases(1_500, 3)
    await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), cases: here }))
    app = await launchApp({ storeFile, now: () => new Date('2026-12-01T10:00:00Z') })
    const { page } = app
    const changed = here.map((c, i) => ({ ...c, title: i === 1 ? hostileTitle : `${c.title} (their copy)`, revision: c.revision + 1, updatedAt: '2026-12-01T09:15:00.000Z' }))
    const fresh = realisticCases(3_000, 8).map((c, i) => ({ ...c, id: `from-the-colleague-${i}` }))
    app.files.queueImport(hostileName, await exportJson({ ...emptyDocument(), cases: [...changed, ...fresh] }, new Date('2026-11-30T17:00:00Z')))

    await page.getByRole('link', { name: 'Settings' }).first().click()
    const section = page.getByRole('region', { name: 'Export and import' })
    await section.scrollIntoViewIfNeeded()
    await section.getByRole('button', { name: 'Import…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import cases' })
    await dialog.waitFor({ timeout: 60_000 })
    const table = dialog.getByRole('table', { name: 'Here in another form' })
    expect(await table.getAttribute('aria-rowcount')).toBe('1501')
    expect(await table.getByRole('row').count()).toBeLessThan(40)
    expect(await dialog.getByRole('region', { name: 'New to this store' }).getByRole('listitem').count()).toBeLessThan(40)
    expect(await page.locator('img, script:not([src])').count()).toBe(0)
    await app.screenshot('64-import-preview-many')

    // Far down the list: the rows there are drawn once scrolled to, and keep their own choice.
    await dialog.locator('.import-table-body').evaluate((body) => (body.scrollTop = 700 * 88))
    const far = table.getByRole('row', { name: new RegExp(here[700]!.key) })
    await far.getByRole('radio', { name: 'Take theirs' }).check()
    await dialog.getByRole('button', { name: 'Import 3,001 cases' }).waitFor()
    await app.screenshot('65-import-preview-many-scrolled')
    await dialog.locator('.import-table-body').evaluate((body) => (body.scrollTop = 0))
    await dialog.locator('.import-table-body').evaluate((body) => (body.scrollTop = 700 * 88))
    expect(await far.getByRole('radio', { name: 'Take theirs' }).isChecked()).toBe(true)

    // By keyboard: Tab goes from one case's choice to the next, the rows further down drawn as the focus reaches them.
    await dialog.locator('.import-table-body').evaluate((body) => (body.scrollTop = 0))
    await table.getByRole('row', { name: new RegExp(here[0]!.key) }).getByRole('radio', { name: 'Keep mine' }).focus()
    for (let i = 0; i < 20; i++) await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowDown')
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex'))
    expect(await focusedRow()).toBe('22')
    await dialog.getByRole('button', { name: 'Import 3,002 cases' }).waitFor()
    await app.screenshot('66-import-preview-many-keyboard')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
  }, 180_000)
})
