import { screen, within } from '@testing-library/react'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { isEncryptedFile, unlockEncoding } from '../../src/store/file/encryption'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()
const passphrase = 'marble kettle orbit sparrow'

describe('Settings → Encryption', () => {
  it('turns encryption on after checking the passphrase at its fields, and changing it asks for the current one', async () => {
    const testDesk = await desks.open({ watch: false })
    await value(testDesk.desk.cases.create(caseInput({ title: 'Kept secret' })))
    const { user } = renderApp(testDesk.desk, '/settings')
    const section = await screen.findByRole('region', { name: 'Encryption' })
    const inSection = within(section)
    expect(await inSection.findByText('Not encrypted.')).toBeInTheDocument()

    await user.click(inSection.getByRole('button', { name: 'Turn on encryption…' }))
    expect(inSection.getByText('There is no way to recover a lost passphrase.')).toBeInTheDocument()
    const typed = inSection.getByLabelText('Passphrase')
    expect(typed).toHaveFocus()
    await user.type(typed, 'eleven char')
    await user.type(inSection.getByLabelText('Repeat the passphrase'), 'something else')
    await user.click(inSection.getByRole('button', { name: 'Encrypt the store' }))
    expect(inSection.getByText('Use at least 12 characters')).toBeInTheDocument()
    expect(inSection.getByText('This is not the same as the passphrase above')).toBeInTheDocument()
    expect(isEncryptedFile(await readFile(testDesk.file))).toBe(false)

    await user.clear(typed)
    await user.type(typed, passphrase)
    await user.clear(inSection.getByLabelText('Repeat the passphrase'))
    await user.type(inSection.getByLabelText('Repeat the passphrase'), passphrase)
    await user.click(inSection.getByRole('button', { name: 'Encrypt the store' }))
    expect(await inSection.findByText('Saved: the store file is now encrypted.', {}, { timeout: 20_000 })).toBeInTheDocument()
    expect(inSection.getByText('Encrypted with a passphrase.')).toBeInTheDocument()
    const encrypted = await readFile(testDesk.file)
    expect(isEncryptedFile(encrypted)).toBe(true)
    expect(encrypted.includes('Kept secret')).toBe(false)

    await user.click(inSection.getByRole('button', { name: 'Change passphrase…' }))
    await user.type(inSection.getByLabelText('Current passphrase'), 'not the passphrase at all')
    await user.type(inSection.getByLabelText('New passphrase'), 'a brand new passphrase')
    await user.type(inSection.getByLabelText('Repeat the new passphrase'), 'a brand new passphrase')
    await user.click(inSection.getByRole('button', { name: 'Change passphrase' }))
    const current = inSection.getByLabelText('Current passphrase')
    expect(
      await inSection.findByText('That passphrase does not open this store; nothing was changed', {}, { timeout: 20_000 }),
    ).toBeInTheDocument()
    expect(current).toHaveAttribute('aria-invalid', 'true')
    expect((await readFile(testDesk.file)).equals(encrypted)).toBe(true)
    expect((await unlockEncoding(encrypted, passphrase)).decode(encrypted)).toContain('Kept secret')
  }, 90_000)
})
