import { readFile, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { isEncryptedFile } from '../../src/store/file/encryption'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const passphrase = 'harbour lantern pebble orchard'

describe('an encrypted store emptied by a power cut, end to end', () => {
  it('reads its encrypted backups with the passphrase on the recovery screen and restores the latest, still encrypted', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('button', { name: 'Load sample cases' }).click()
    await page.getByRole('button', { name: 'Remove sample cases' }).waitFor()
    await page.getByRole('link', { name: 'Settings' }).first().click()
    const encryption = page.getByRole('region', { name: 'Encryption' })
    await encryption.getByRole('button', { name: 'Turn on encryption…' }).click()
    await encryption.getByLabel('Passphrase', { exact: true }).fill(passphrase)
    await encryption.getByLabel('Repeat the passphrase').fill(passphrase)
    await encryption.getByRole('button', { name: 'Encrypt the store' }).click()
    await encryption.getByText('Saved: the store file is now encrypted.').waitFor({ timeout: 30_000 })
    const backups = page.getByRole('region', { name: 'Backups' })
    await backups.getByRole('button', { name: 'Back up now' }).click()
    await backups.getByText('Backed up').waitFor({ timeout: 30_000 })

    await writeFile(app.storeFile, '')
    await app.restart()
    await page.getByText('These backups are encrypted').waitFor({ timeout: 30_000 })
    await page.getByText('Encrypted: enter the passphrase to read it').waitFor()
    await app.screenshot('recovery-passphrase-1-asked')
    await page.getByLabel('Passphrase').fill('not the passphrase at all')
    await page.getByRole('button', { name: 'Read backups' }).click()
    await page.getByText('That passphrase does not open these backups').waitFor({ timeout: 30_000 })
    expect((await readFile(app.storeFile)).byteLength).toBe(0)
    await app.screenshot('recovery-passphrase-2-wrong')

    await page.getByLabel('Passphrase').fill(passphrase)
    await page.getByRole('button', { name: 'Read backups' }).click()
    const latest = page.getByRole('row').filter({ hasText: 'Latest good backup' })
    await latest.filter({ hasText: '12 cases' }).waitFor({ timeout: 30_000 })
    await app.screenshot('recovery-passphrase-3-read')
    await latest.getByRole('button', { name: 'Restore this backup' }).click()
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByText('12 cases').first().waitFor({ timeout: 30_000 })
    expect(isEncryptedFile((await readFile(app.storeFile)).subarray(0, 4096))).toBe(true)
  })
})
