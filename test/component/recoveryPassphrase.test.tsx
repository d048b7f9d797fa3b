import { render, screen, within } from '@testing-library/react'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BackupTable } from '../../renderer/recovery/BackupTable'
import type { BackupList } from '../../src/store/backups'
import { isEncryptedFile } from '../../src/store/file/encryption'
import { createTestDesk } from '../support/testDesk'
import { caseInput, deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()
const passphrase = 'four unrelated words here'

beforeAll(giveElementsTheListViewportSize)

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1)

/** An encrypted store holding one case with one (encrypted) backup, its file then emptied: what a fresh start finds. */
async function emptiedEncryptedStore(): Promise<{ file: string; backups: string; backup: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-recovery-key-'))
  desks.afterTest(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'disclosure-desk.json')
  const maker = await createTestDesk({ file, watch: false })
  await value(maker.desk.cases.create(caseInput({ title: 'Encrypted-away XSS' })))
  await value(maker.desk.encryption.turnOn({ passphrase, repeat: passphrase }))
  const { backup } = await value(maker.desk.backups.create({}))
  await maker.dispose()
  const backups = join(dir, 'Disclosure Desk backups')
  // Only the encrypted backup stays (the first open's plain daily one goes), so the list is all encrypted.
  for (const name of await readdir(backups)) if (name !== backup.name) await rm(join(backups, name))
  await writeFile(file, '')
  return { file, backups, backup: backup.name }
}

describe('recovery screen: encrypted backups without a key', () => {
  it("asks for the store's passphrase, refuses a wrong one at the field, and with the right one restores the backup, still encrypted", async () => {
    const { file, backups, backup } = await emptiedEncryptedStore()
    const testDesk = await desks.open({ file, watch: false })
    const { user } = renderApp(testDesk.desk)

    const section = await screen.findByRole('region', { name: 'Restore a backup' })
    const [row] = rowsOf(within(section).getByRole('table'))
    expect(row).toHaveTextContent('Encrypted: enter the passphrase to read it')
    expect(within(row!).queryByRole('button', { name: 'Restore this backup' })).not.toBeInTheDocument()
    expect(within(section).getByText("These backups are encrypted. Enter the store's passphrase to read them.")).toBeInTheDocument()

    const field = within(section).getByLabelText('Passphrase')
    expect(field).toHaveAttribute('type', 'password')
    await user.click(within(section).getByRole('button', { name: 'Read backups' }))
    expect(within(section).getByText('Enter the passphrase of this store')).toBeInTheDocument()

    const backupBytes = await readFile(join(backups, backup))
    await user.type(field, 'four unrelated words there')
    await user.click(within(section).getByRole('button', { name: 'Read backups' }))
    expect(await within(section).findByText('That passphrase does not open these backups', {}, { timeout: 20_000 })).toBeInTheDocument()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription('That passphrase does not open these backups')
    expect(await readFile(file, 'utf8')).toBe('')
    expect(await readdir(backups)).toEqual([backup])
    expect((await readFile(join(backups, backup))).equals(backupBytes)).toBe(true)

    await user.clear(field)
    await user.type(field, passphrase)
    await user.click(within(section).getByRole('button', { name: 'Read backups' }))
    expect(await within(section).findByText('Latest good backup', {}, { timeout: 20_000 })).toBeInTheDocument()
    const [readRow] = rowsOf(within(section).getByRole('table'))
    expect(readRow).toHaveTextContent('1 case')
    expect(within(section).queryByText("These backups are encrypted. Enter the store's passphrase to read them.")).not.toBeInTheDocument()

    await user.click(within(readRow!).getByRole('button', { name: 'Restore this backup' }))
    expect(await screen.findByRole('table', { name: 'Cases' }, { timeout: 20_000 })).toBeInTheDocument()
    expect(await screen.findByText('Encrypted-away XSS')).toBeInTheDocument()
    const restored = await readFile(file)
    expect(isEncryptedFile(restored)).toBe(true)
    expect(restored.includes('Encrypted-away XSS')).toBe(false)
    expect(await value(testDesk.desk.encryption.status({}))).toEqual({ encrypted: true })
  }, 60_000)

  it('tells an encrypted backup waiting for the key by the list’s flag, not by the words of its problem', () => {
    const backup = { kind: 'daily' as const, at: '2026-12-01T09:00:00.000Z', caseCount: 3, size: 2_000 }
    const list: BackupList = {
      folder: '/backups',
      besideStore: true,
      keep: 14,
      backups: [
        { ...backup, name: 'a.json', problem: 'is encrypted, and this app holds no key for it yet', needsKey: true },
        { ...backup, name: 'b.json', problem: 'is now encrypted with a passphrase, or so its header says' },
      ],
      latestGood: null,
      failure: null,
      folderProblem: null,
    }
    render(<BackupTable list={list} busy={false} onRestore={() => undefined} />)
    const [waiting, damaged] = rowsOf(screen.getByRole('table'))
    expect(waiting).toHaveTextContent('Encrypted: enter the passphrase to read it')
    expect(damaged).toHaveTextContent('Damaged: the file is now encrypted with a passphrase, or so its header says')
    for (const row of [waiting!, damaged!]) expect(within(row).queryByRole('button', { name: 'Restore this backup' })).not.toBeInTheDocument()
  })

  it('shows no passphrase field when the backups are plain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-recovery-plain-'))
    desks.afterTest(() => rm(dir, { recursive: true, force: true }))
    const file = join(dir, 'disclosure-desk.json')
    const maker = await createTestDesk({ file, watch: false })
    await value(maker.desk.cases.create(caseInput()))
    await value(maker.desk.backups.create({}))
    await maker.dispose()
    await writeFile(file, '')
    renderApp((await desks.open({ file, watch: false })).desk)

    const section = await screen.findByRole('region', { name: 'Restore a backup' })
    expect(within(section).getByText('Latest good backup')).toBeInTheDocument()
    expect(within(section).queryByRole('button', { name: 'Read backups' })).not.toBeInTheDocument()
  }, 60_000)
})
