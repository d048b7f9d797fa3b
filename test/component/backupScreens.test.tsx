import { screen, waitFor, within } from '@testing-library/react'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyDocument } from '../../src/store/document'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { createTestDesk } from '../support/testDesk'
import { deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()

beforeAll(giveElementsTheListViewportSize)
const cases = realisticCases(3, 5)
const goodText = JSON.stringify({ ...emptyDocument(), cases })

/** A folder with a good store, backed up by an open on 30 November (its daily backup), as a test's own. */
async function storeWithBackup(): Promise<{ dir: string; file: string; backups: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-backups-'))
  desks.afterTest(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'disclosure-desk.json')
  await writeFile(file, goodText)
  const earlier = await createTestDesk({ file, watch: false, now: () => new Date('2026-11-30T09:00:00Z') })
  await earlier.dispose()
  return { dir, file, backups: join(dir, 'Disclosure Desk backups') }
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1)

describe('recovery screen: backups', { timeout: 30_000 }, () => {
  it('lists the backups of the broken store with date, kind and case count, the latest good one marked, and restores it in one click', async () => {
    const { file, backups } = await storeWithBackup()
    const broken = goodText.slice(0, 200)
    await writeFile(file, broken)
    const testDesk = await desks.open({ file, watch: false })
    const { user } = renderApp(testDesk.desk)

    const section = await screen.findByRole('region', { name: 'Restore a backup' })
    const [row] = rowsOf(within(section).getByRole('table'))
    expect(row).toHaveClass('backup-latest')
    expect(within(row!).getByText('Latest good backup')).toBeInTheDocument()
    expect(within(row!).getByText('Daily')).toBeInTheDocument()
    expect(within(row!).getByText('3 cases')).toBeInTheDocument()
    expect(within(row!).getByRole('cell', { name: /^\w{3} 30 Nov 2026 \d\d:\d\d/ })).toBeInTheDocument()
    expect(within(section).getByText(backups)).toBeInTheDocument()

    await user.click(within(row!).getByRole('button', { name: 'Restore this backup' }))

    expect(await screen.findByRole('table', { name: 'Cases' })).toBeInTheDocument()
    for (const c of cases) expect(await screen.findByText(c.title)).toBeInTheDocument()
    // The broken file is kept as it was, beside the backup restored.
    const kept = (await readdir(backups)).find((name) => name.includes('before-restore'))
    expect(kept).toMatch(/^disclosure-desk \d{4}-\d\d-\d\d \d{6} before-restore unreadable\.json$/)
    expect(await readFile(join(backups, kept!), 'utf8')).toBe(broken)
  })

  it('says so when the store has no backups, and still offers the other ways out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-nobackups-'))
    desks.afterTest(() => rm(dir, { recursive: true, force: true }))
    const file = join(dir, 'disclosure-desk.json')
    await writeFile(file, '')
    renderApp((await desks.open({ file, watch: false })).desk)

    expect(await screen.findByText(`There are no backups of this store in ${join(dir, 'Disclosure Desk backups')}.`)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Open another file…' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).not.toBeInTheDocument()
  })

  it('offers no restore of a damaged backup, and says what is wrong with it', async () => {
    const { file, backups } = await storeWithBackup()
    const [name] = await readdir(backups)
    await writeFile(join(backups, name!), '{"schemaVersion":3')
    await writeFile(file, '')
    renderApp((await desks.open({ file, watch: false })).desk)

    const section = await screen.findByRole('region', { name: 'Restore a backup' })
    expect(within(section).getByText('None of the backups read as a good store.', { exact: false })).toBeInTheDocument()
    const [row] = rowsOf(within(section).getByRole('table'))
    expect(row).toHaveTextContent(/Damaged: the file is cut off/)
    expect(within(row!).queryByRole('button')).not.toBeInTheDocument()
  })
})

describe('settings: backups and moving the store', { timeout: 30_000 }, () => {
  it('backs up now and lists it; restoring asks first, keeps the store as it is, and says what it did', async () => {
    const { file, backups } = await storeWithBackup()
    const testDesk = await desks.open({ file, watch: false })
    const { user } = renderApp(testDesk.desk, '/settings')
    const section = await screen.findByRole('region', { name: 'Backups' })
    expect(await within(section).findByText(backups)).toBeInTheDocument()
    expect(within(section).getByText(/Next to the store file \(the default\)/)).toBeInTheDocument()

    await user.click(within(section).getByRole('button', { name: 'Back up now' }))
    expect(await within(section).findByText(/^Backed up: 3 cases, as “disclosure-desk .* manual 3 cases\.json”\.$/)).toBeInTheDocument()
    const table = within(section).getByRole('table')
    await waitFor(() => expect(rowsOf(table).map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toContain('Made by hand'))

    await value(testDesk.desk.samples.load({}))
    // Yesterday's daily backup (this open made today's too).
    const daily = rowsOf(table).find((r) => /30 Nov 2026/.test(r.textContent ?? ''))!
    await user.click(within(daily).getByRole('button', { name: 'Restore this backup' }))
    const dialog = screen.getByRole('dialog', { name: /^Restore the backup of \w{3} 30 Nov 2026 \d\d:\d\d\?$/ })
    expect(dialog).toHaveTextContent('The store goes back to how it was then (3 cases), for everyone who opens it.')
    expect(dialog).toHaveTextContent('Nothing is lost: the store as it is now is backed up first')
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }))

    // The store opens afresh (every screen with it), and the Backups section says what was done.
    expect(await screen.findByText(/^Restored the backup of .*\. The store as it was before is kept as the backup “disclosure-desk .* before-restore \d+ cases\.json”\.$/, undefined, { timeout: 5000 })).toBeInTheDocument()
    expect(await value(testDesk.desk.app.state({}))).toMatchObject({ kind: 'ready', caseCount: 3 })
  })

  it('chooses the folder and goes back to the one next to the store; a count of 0 is refused at the field', async () => {
    const { dir, file } = await storeWithBackup()
    const testDesk = await desks.open({ file, watch: false })
    const { user } = renderApp(testDesk.desk, '/settings')
    const section = await screen.findByRole('region', { name: 'Backups' })
    const chosen = join(dir, 'on the share')
    testDesk.dialogs.folder = chosen
    await user.click(await within(section).findByRole('button', { name: 'Choose folder…' }))
    expect(await within(section).findByText(chosen)).toBeInTheDocument()
    expect(within(section).getByText('No backups yet.', { exact: false })).toBeInTheDocument()
    await user.click(within(section).getByRole('button', { name: 'Next to the store file' }))
    expect(await within(section).findByText(join(dir, 'Disclosure Desk backups'))).toBeInTheDocument()

    const keep = within(section).getByLabelText('Backups to keep of each kind')
    await user.clear(keep)
    await user.type(keep, '0')
    await user.click(within(section).getByRole('button', { name: 'Save' }))
    expect(await within(section).findByText('Keep at least 1 backup.')).toBeInTheDocument()
    expect(keep).toHaveAttribute('aria-invalid', 'true')
    await user.clear(keep)
    await user.type(keep, '5')
    await user.click(within(section).getByRole('button', { name: 'Save' }))
    expect(await within(section).findByText('Saved.')).toBeInTheDocument()
    expect((await value(testDesk.desk.backups.list({}))).keep).toBe(5)
  })

  it('moves the store to another folder and says where it is now and that the old file was left', async () => {
    const { dir, file } = await storeWithBackup()
    const testDesk = await desks.open({ file, watch: false })
    const { user } = renderApp(testDesk.desk, '/settings')
    const share = join(dir, 'share')
    await mkdir(share)
    testDesk.dialogs.folder = share
    const storeSection = await screen.findByRole('region', { name: 'Store file' })
    await user.click(within(storeSection).getByRole('button', { name: 'Move to another folder…' }))

    const to = join(share, 'disclosure-desk.json')
    const moved = await screen.findByText(/^The store now lives at /)
    expect(moved).toHaveTextContent(`The store now lives at ${to}, and opens from there from now on. The file at ${file} was left as it was`)
    expect(within(screen.getByRole('region', { name: 'Store file' })).getByText(to)).toBeInTheDocument()
    expect(moved).toHaveTextContent(`The backups made so far stay in ${join(dir, 'Disclosure Desk backups')}; new ones go next to the new file.`)
    expect(await readFile(to, 'utf8')).toBe(goodText)
    expect(await readFile(file, 'utf8')).toBe(goodText)
  })

  it('says why a move was refused, and the store stays where it was', async () => {
    const { dir, file } = await storeWithBackup()
    const testDesk = await desks.open({ file, watch: false })
    const { user } = renderApp(testDesk.desk, '/settings')
    testDesk.dialogs.folder = dir
    const storeSection = await screen.findByRole('region', { name: 'Store file' })
    await user.click(within(storeSection).getByRole('button', { name: 'Move to another folder…' }))
    expect(await screen.findByText(`The store is already in ${dir}. Nothing was moved; choose another folder.`)).toBeInTheDocument()
    expect(await value(testDesk.desk.app.state({}))).toMatchObject({ file })
  })
})
