import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Case } from '../../src/cases/case'
import { exportJson } from '../../src/export/storeExport'
import { copyPolicy } from '../../src/policies/catalog'
import { presetPolicies } from '../../src/policies/presets'
import { emptyDocument } from '../../src/store/document'
import { createTestDesk } from '../support/testDesk'
import { caseInput, deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()
// The preview's lists draw only the rows in view, so they need a height jsdom does not lay out.
beforeAll(giveElementsTheListViewportSize)
afterEach(() => vi.useRealTimers())

const hostileName = '<img src=x onerror=alert(1)> “theirs”.json'

/** Settings on Tue 1 Dec 2026, over a store with two cases. */
async function openSettings() {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-01T10:00:00+01:00'))
  const testDesk = await desks.open()
  const { desk } = testDesk
  const first = await value(desk.cases.create(caseInput({ title: 'Stored XSS in the portal' })))
  const second = await value(desk.cases.create(caseInput({ title: 'Open redirect' })))
  const { user } = renderApp(desk, '/settings')
  const section = await screen.findByRole('region', { name: 'Export and import' })
  return { ...testDesk, user, section, first, second }
}

/**
 * A colleague's export holding `first` as it is here, `second` changed there (a new title, two revisions on), and a
 * case this store has never seen.
 */
function colleaguesExport(first: Case, second: Case): Promise<Buffer> {
  const changed: Case = { ...second, title: 'Open redirect <b>on login</b>', revision: second.revision + 2, updatedAt: '2026-12-01T08:30:00.000Z' }
  const fresh: Case = { ...first, id: 'a-case-from-elsewhere', key: 'VD-2026-101', title: 'SSRF in the PDF renderer', policyId: 'their-policy' }
  const policies = [copyPolicy(presetPolicies[0]!, 'their-policy', 'Their <i>policy</i>')]
  return exportJson({ ...emptyDocument(), policies, cases: [first, changed, fresh] }, new Date('2026-11-30T16:00:00.000Z'))
}

describe('settings: export and import', { timeout: 30_000 }, () => {
  it('exports the whole store as JSON and the cases as CSV, each named for the day, and says where it saved them', async () => {
    const { user, section, files } = await openSettings()
    await user.click(within(section).getByRole('button', { name: 'Export store…' }))
    const saved = await within(section).findByRole('status')
    expect(files.saved[0]!.suggestedName).toBe('Disclosure Desk export 2026-12-01.json')
    expect(saved).toHaveTextContent(`Exported the store (2 cases) to ${files.saved[0]!.path}.`)
    expect(JSON.parse(String(files.saved[0]!.content))).toMatchObject({ format: 'disclosure-desk-export', version: 1 })

    await user.click(within(section).getByRole('button', { name: 'Export cases as CSV…' }))
    await waitFor(() => expect(files.saved).toHaveLength(2))
    expect(files.saved[1]!.suggestedName).toBe('Disclosure Desk cases 2026-12-01.csv')
    expect(await within(section).findByRole('status')).toHaveTextContent(`Exported 2 cases as CSV to ${files.saved[1]!.path}.`)

    files.acceptSaves = false
    await user.click(within(section).getByRole('button', { name: 'Export store…' }))
    await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent('Not exported.'))
  })

  it('separates the CSV’s cells with semicolons for a team in the Netherlands unless commas are chosen', async () => {
    const { user, section, files } = await openSettings()
    const semicolons = within(section).getByRole('radio', { name: /^Semicolons \(;\): Excel in Dutch/ })
    const commas = within(section).getByRole('radio', { name: /^Commas \(,\): Excel in English/ })
    // The team's calendar is the Netherlands' (the default), where Excel splits a CSV file at semicolons; this
    // computer's language (jsdom's en-US) would suggest commas.
    expect(navigator.languages[0]).toBe('en-US')
    await waitFor(() => expect(semicolons).toBeChecked())
    expect(commas).not.toBeChecked()
    await user.click(within(section).getByRole('button', { name: 'Export cases as CSV…' }))
    await waitFor(() => expect(files.saved).toHaveLength(1))
    const csvText = (i: number) => String(files.saved[i]!.content)
    expect(csvText(0).startsWith('\ufeff"Key";"Title";"Status"')).toBe(true)
    expect(csvText(0).split('\r\n')[1]).toMatch(/^"VD-2026-\d+";"Stored XSS in the portal";"Received";/)

    await user.click(commas)
    expect(commas).toBeChecked()
    await user.click(within(section).getByRole('button', { name: 'Export cases as CSV…' }))
    await waitFor(() => expect(files.saved).toHaveLength(2))
    expect(csvText(1).startsWith('\ufeff"Key","Title","Status"')).toBe(true)
    expect(csvText(1).split('\r\n')[1]).toMatch(/^"VD-2026-\d+","Stored XSS in the portal","Received",/)
  })

  it('previews an import, keeps this store’s copy by default, takes theirs where chosen, and imports in one step', async () => {
    const { user, section, files, desk, first, second } = await openSettings()
    files.queueImport(hostileName, await colleaguesExport(first, second))
    await user.click(within(section).getByRole('button', { name: 'Import…' }))

    const dialog = await screen.findByRole('dialog', { name: 'Import cases' })
    // The file's name is text, never markup.
    expect(within(dialog).getByText(hostileName)).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    expect(dialog).toHaveTextContent('exported Mon 30 Nov 2026')
    expect(dialog).toHaveTextContent('1 case new to this store')
    expect(dialog).toHaveTextContent('1 case already here, the same: nothing to do.')
    expect(dialog).toHaveTextContent('1 case here in another form')
    expect(within(dialog).getByRole('region', { name: 'New to this store' })).toHaveTextContent('VD-2026-101 SSRF in the PDF renderer')
    expect(dialog).toHaveTextContent('Settings, policies and templates are not imported: this store keeps its own.')
    expect(dialog).toHaveTextContent(
      'Except the policy “Their <i>policy</i>”, which this store does not have: it comes along with the cases that follow it, so their deadlines can be counted.',
    )
    expect(dialog).toHaveTextContent('A backup of this store is made before anything is imported.')

    const row = within(dialog).getByRole('row', { name: new RegExp(second.key) })
    expect(row).toHaveTextContent('Revision 1, changed Tue 1 Dec 2026')
    expect(row).toHaveTextContent('Open redirect <b>on login</b>Revision 3, changed Tue 1 Dec 2026 08:30')
    const keepMine = within(row).getByRole('radio', { name: 'Keep mine' })
    expect(keepMine).toBeChecked()
    expect(within(dialog).getByRole('button', { name: 'Import 1 case' })).toBeEnabled()
    // The safe choice has the focus.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()

    await user.click(within(row).getByRole('radio', { name: 'Take theirs' }))
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 cases' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(within(section).getByRole('status')).toHaveTextContent(
      /^Imported: 1 case added, 1 case replaced by the file’s version, 1 case was already here, 1 policy the cases follow added\. The store as it was before is kept as the backup “disclosure-desk .* before-import 2 cases\.json”\.$/,
    )
    const replaced = await value(desk.cases.get({ id: second.id }))
    expect(replaced.title).toBe('Open redirect <b>on login</b>')
    expect(replaced.timeline.at(-1)).toMatchObject({ type: 'imported', fileName: hostileName, replaced: { revision: 1 } })
    const added = await value(desk.cases.get({ id: 'a-case-from-elsewhere' }))
    expect(added.timeline.at(-1)).toMatchObject({ type: 'imported', fileName: hostileName, exportedAt: '2026-11-30T16:00:00.000Z' })
    expect((await value(desk.policies.list({}))).map((p) => p.name)).toContain('Their <i>policy</i>')
    expect(await value(desk.cases.get({ id: first.id }))).toEqual(first)
  })

  it('cancelling imports nothing; a file it cannot read is refused in words, before any dialog', async () => {
    const { user, section, files, desk, first, second } = await openSettings()
    files.queueImport('theirs.json', await colleaguesExport(first, second))
    await user.click(within(section).getByRole('button', { name: 'Import…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import cases' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(within(section).getByRole('button', { name: 'Import…' })).toHaveFocus()
    expect((await value(desk.cases.list({}))).map((row) => row[2])).toEqual(['Stored XSS in the portal', 'Open redirect'])

    files.queueImport(hostileName, JSON.stringify({ format: 'disclosure-desk-export', version: 7, exportedAt: '2030-01-01T00:00:00Z', document: {} }))
    await user.click(within(section).getByRole('button', { name: 'Import…' }))
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      `The file “${hostileName}” was exported by a newer version of Disclosure Desk (export format 7; this version reads up to 1). Update the app to import it. Nothing was imported.`,
    )
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
  })

  it('previews an import of thousands of cases drawing only the rows in view, each still with its own choice', async () => {
    const seed = await createTestDesk()
    const template = await value(seed.desk.cases.create(caseInput()))
    const stored = JSON.parse(await readFile(seed.file, 'utf8')) as { cases: Case[] }
    await seed.dispose()
    const numbered = (i: number) => String(i + 1).padStart(5, '0')
    const here: Case[] = Array.from({ length: 1_200 }, (_, i) => ({ ...template, id: `case-${i}`, key: `VD-2026-${numbered(i)}`, title: `Report number ${i + 1}` }))
    const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-import-'))
    desks.afterTest(() => rm(dir, { recursive: true, force: true }))
    const file = join(dir, 'store.json')
    await writeFile(file, JSON.stringify({ ...stored, cases: here }))
    const { desk, files } = await desks.open({ file })
    const changedThere = here.map((c) => ({ ...c, title: `${c.title} <b>as they have it</b>`, revision: c.revision + 1, updatedAt: '2026-12-01T08:30:00.000Z' }))
    // The first new case's key is one this store uses already.
    const fresh = Array.from({ length: 2_000 }, (_, i) => ({ ...template, id: `new-${i}`, key: i === 0 ? 'VD-2026-00001' : `VD-2025-${numbered(i)}`, title: `Their report ${i + 1}` }))
    files.queueImport('colleague.json', await exportJson({ ...emptyDocument(), cases: [...changedThere, ...fresh] }, new Date('2026-11-30T16:00:00.000Z')))
    const { user } = renderApp(desk, '/settings')
    const section = await screen.findByRole('region', { name: 'Export and import' })
    await user.click(within(section).getByRole('button', { name: 'Import…' }))

    const dialog = await screen.findByRole('dialog', { name: 'Import cases' }, { timeout: 20_000 })
    expect(dialog).toHaveTextContent('2,000 cases new to this store')
    expect(dialog).toHaveTextContent('1,200 cases here in another form')
    const addedItems = within(within(dialog).getByRole('region', { name: 'New to this store' })).getAllByRole('listitem')
    expect(addedItems.length).toBeGreaterThan(10)
    expect(addedItems.length).toBeLessThan(60)
    expect(dialog).toHaveTextContent('One of them has a key already used here and gets the next free key; its timeline keeps the old one.')
    expect(addedItems[0]).toHaveTextContent('VD-2026-00001 (taken here: gets a new key) Their report 1')
    expect(addedItems[1]).toHaveTextContent(/^VD-2025-00002 Their report 2$/)
    expect(addedItems[0]).toHaveAttribute('aria-setsize', '2000')
    const table = within(dialog).getByRole('table', { name: 'Here in another form' })
    expect(table).toHaveAttribute('aria-rowcount', '1201')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.length).toBeGreaterThan(3)
    expect(rows.length).toBeLessThan(40)
    // A reporter's title is text, never markup.
    expect(rows[1]).toHaveTextContent('Report number 2 <b>as they have it</b>')
    expect(dialog.querySelector('b')).toBeNull()

    await user.click(within(within(table).getByRole('row', { name: /VD-2026-00002/ })).getByRole('radio', { name: 'Take theirs' }))
    expect(within(dialog).getByRole('button', { name: 'Import 2,001 cases' })).toBeEnabled()
    expect(within(within(table).getByRole('group', { name: 'Which VD-2026-00001 to keep' })).getByRole('radio', { name: 'Keep mine' })).toBeChecked()
    await user.click(within(dialog).getByRole('button', { name: 'Take all theirs' }))
    expect(within(table).getAllByRole('radio', { name: 'Take theirs' }).every((radio) => (radio as HTMLInputElement).checked)).toBe(true)
    await user.click(within(dialog).getByRole('button', { name: 'Keep all mine' }))
    await user.click(within(within(table).getByRole('row', { name: /VD-2026-00002/ })).getByRole('radio', { name: 'Take theirs' }))
    await user.click(within(dialog).getByRole('button', { name: 'Import 2,001 cases' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 20_000 })
    expect(within(section).getByRole('status')).toHaveTextContent(/^Imported: 2,000 cases added, 1 case replaced by the file’s version, 1,199 cases kept as this store has them\./)
    expect((await value(desk.cases.get({ id: 'case-1' }))).title).toBe('Report number 2 <b>as they have it</b>')
    expect((await value(desk.cases.get({ id: 'case-0' }))).title).toBe('Report number 1')
    expect((await value(desk.cases.get({ id: 'new-0' }))).key).not.toBe('VD-2026-00001')
  }, 90_000)
})
