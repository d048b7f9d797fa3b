import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BackupPrefs } from '../../src/store/backups'
import { emptyDocument } from '../../src/store/document'
import { makeBackup } from '../../src/store/file/backupFiles'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
let dir: string | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

const cases = realisticCases(6, 21)

describe('backups, end to end', () => {
  it('a broken store: the recovery screen lists its backups, one click restores the latest good one, the cases are back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-backups-e2e-'))
    const storeFile = join(dir, 'disclosure-desk.json')
    const good = JSON.stringify({ ...emptyDocument(), cases })
    await writeFile(storeFile, good)
    const prefs = BackupPrefs.parse({})
    await makeBackup({ storeFile, prefs, now: () => new Date('2026-11-27T08:15:00Z') }, 'daily')
    await makeBackup({ storeFile, prefs, now: () => new Date('2026-11-30T08:15:00Z') }, 'daily')
    // The store is cut off mid-write, as a power cut could leave it.
    const broken = good.slice(0, Math.floor(good.length / 3))
    await writeFile(storeFile, broken)

    app = await launchApp({ storeFile })
    const { page } = app
    await page.getByRole('heading', { name: 'The case store could not be opened' }).waitFor()
    const backups = page.getByRole('region', { name: 'Restore a backup' })
    await backups.getByText('Latest good backup', { exact: true }).waitFor()
    await expect.poll(() => backups.getByRole('row').count()).toBe(3)
    await app.screenshot('backups-1-recovery')

    const latest = backups.getByRole('row').filter({ hasText: 'Latest good backup' })
    expect(await latest.textContent()).toMatch(/Mon 30 Nov 2026 08:15.*Daily.*6 cases/)
    await latest.getByRole('button', { name: 'Restore this backup' }).click()

    // The app opens as at a start, on Today; the cases are in the list.
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor()
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('table', { name: 'Cases' }).waitFor()
    for (const c of cases) await page.getByText(c.title, { exact: true }).first().waitFor()
    await app.screenshot('backups-2-restored')
    const kept = (await readdir(join(dir, 'Disclosure Desk backups'))).find((name) => name.includes('before-restore'))
    expect(await readFile(join(dir, 'Disclosure Desk backups', kept!), 'utf8')).toBe(broken)

    await page.getByRole('link', { name: 'Settings' }).first().click()
    const section = page.getByRole('region', { name: 'Backups' })
    await section.getByRole('button', { name: 'Back up now' }).click()
    await section.getByText(/^Backed up: 6 cases/).waitFor()
    await section.scrollIntoViewIfNeeded()
    await app.screenshot('backups-3-settings')

    await section.getByRole('row').filter({ hasText: 'Fri 27 Nov 2026' }).getByRole('button', { name: 'Restore this backup' }).click()
    await page.getByRole('dialog').waitFor()
    await app.screenshot('backups-4-restore-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()

    const share = join(dir, 'share')
    await mkdir(share)
    app.dialogs.folder = share
    const storeSection = page.getByRole('region', { name: 'Store file' })
    await storeSection.getByRole('button', { name: 'Move to another folder…' }).click()
    await page.getByText(/^The store now lives at /).waitFor()
    await page.getByRole('region', { name: 'Store file' }).scrollIntoViewIfNeeded()
    await app.screenshot('backups-5-moved')
    expect(await readFile(join(share, 'disclosure-desk.json'), 'utf8')).toBe(await readFile(storeFile, 'utf8'))
  })
})
