import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const passphrase = 'harbour lantern pebble orchard'

describe('encryption at rest, end to end', () => {
  it('turns encryption on in the settings; the next start asks for the passphrase, refuses a wrong one and opens with the right one', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('button', { name: 'Load sample cases' }).click()
    await page.getByRole('button', { name: 'Remove sample cases' }).waitFor()
    expect((await readFile(app.storeFile)).includes('HYPERLINK')).toBe(true)

    await page.getByRole('link', { name: 'Settings' }).first().click()
    const section = page.getByRole('region', { name: 'Encryption' })
    await section.getByText('Not encrypted.').waitFor()
    await section.getByRole('button', { name: 'Turn on encryption…' }).click()
    await section.getByLabel('Passphrase', { exact: true }).fill('too short')
    await section.getByLabel('Repeat the passphrase').fill('not the same')
    await section.getByRole('button', { name: 'Encrypt the store' }).click()
    await section.getByText('Use at least 12 characters').waitFor()
    await section.getByText('This is not the same as the passphrase above').waitFor()
    await section.getByRole('button', { name: 'Encrypt the store' }).scrollIntoViewIfNeeded()
    await app.screenshot('encryption-1-turn-on-refused')

    await section.getByLabel('Passphrase', { exact: true }).fill(passphrase)
    await section.getByLabel('Repeat the passphrase').fill(passphrase)
    await section.getByRole('button', { name: 'Encrypt the store' }).click()
    await section.getByText('Saved: the store file is now encrypted.').waitFor({ timeout: 30_000 })
    await section.getByText('Encrypted with a passphrase.').waitFor()
    await section.scrollIntoViewIfNeeded()
    await app.screenshot('encryption-2-on')
    const encrypted = await readFile(app.storeFile)
    expect(encrypted.subarray(0, 28).toString('latin1')).toBe('DISCLOSURE-DESK-ENCRYPTED 1\n')
    expect(encrypted.includes('HYPERLINK')).toBe(false)

    await app.restart()
    await page.getByRole('heading', { level: 1, name: 'This case store is encrypted' }).waitFor()
    await app.screenshot('encryption-3-unlock')

    await page.getByLabel('Passphrase').fill('harbour lantern pebble orchid')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByText('That passphrase does not open this store').waitFor({ timeout: 30_000 })
    await app.screenshot('encryption-4-wrong-passphrase')
    expect((await readFile(app.storeFile)).equals(encrypted)).toBe(true)

    await page.getByLabel('Passphrase').fill(passphrase)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('link', { name: 'Cases' }).first().click({ timeout: 30_000 })
    await page.getByRole('row').filter({ hasText: 'HYPERLINK' }).waitFor()
    await app.screenshot('encryption-5-unlocked')
    expect((await readFile(app.storeFile)).subarray(0, 28).toString('latin1')).toBe('DISCLOSURE-DESK-ENCRYPTED 1\n')

    // A new passphrase asks for the current one first; a wrong one changes nothing.
    await page.getByRole('link', { name: 'Settings' }).first().click()
    await section.getByRole('button', { name: 'Change passphrase…' }).click()
    await section.getByLabel('Current passphrase').fill('not what it is')
    await section.getByLabel('New passphrase', { exact: true }).fill('meadow copper violin tundra')
    await section.getByLabel('Repeat the new passphrase').fill('meadow copper violin tundra')
    await section.getByRole('button', { name: 'Change passphrase' }).click()
    await section.getByText('That passphrase does not open this store; nothing was changed').waitFor({ timeout: 30_000 })
    await section.getByRole('button', { name: 'Change passphrase' }).scrollIntoViewIfNeeded()
    await app.screenshot('encryption-6-change-wrong-current')
    const before = await readFile(app.storeFile)
    await section.getByLabel('Current passphrase').fill(passphrase)
    await section.getByRole('button', { name: 'Change passphrase' }).click()
    await section.getByText('Saved: the store file is now encrypted with the new passphrase.', { exact: false }).waitFor({ timeout: 30_000 })
    const after = await readFile(app.storeFile)
    expect(after.equals(before)).toBe(false)
    expect(after.subarray(0, 28).toString('latin1')).toBe('DISCLOSURE-DESK-ENCRYPTED 1\n')
  }, 120_000)
})
