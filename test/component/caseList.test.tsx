import { screen, waitFor, within } from '@testing-library/react'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Case, CaseInput } from '../../src/cases/case'
import type { DeskApi } from '../../src/ipc/contract'
import { createTestDesk } from '../support/testDesk'
import { caseInput, deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()

beforeAll(giveElementsTheListViewportSize)

async function deskWithThreeCases(): Promise<{ desk: DeskApi; cases: Case[] }> {
  const { desk } = await desks.open()
  const inputs: Partial<CaseInput>[] = [
    {
      title: 'Open redirect on login',
      reporter: { name: 'Bram de Vries', email: 'bram@example.nl', language: 'nl' },
      received: { at: '2026-02-10T09:00:00+01:00', timeZone: 'Europe/Amsterdam' },
      reportText: 'The next parameter accepts any host.',
      severity: { kind: 'rating', rating: 'medium' },
    },
    {
      title: 'SQL injection in search',
      reporter: { name: 'Chen Wei', email: 'chen@example.com', language: 'en' },
      received: { at: '2026-03-01T16:30:00+01:00', timeZone: 'Europe/Amsterdam' },
      reportText: "Sending q=' OR 1=1 -- returns every customer. Found with a periwinkle payload list.",
      severity: { kind: 'rating', rating: 'critical' },
    },
    {
      title: 'Clickjacking on settings page',
      reporter: { name: 'Alice Martin', email: 'alice@example.fr', language: 'en' },
      received: { at: '2026-01-20T11:15:00+01:00', timeZone: 'Europe/Amsterdam' },
      reportText: 'No frame-ancestors header.',
      severity: { kind: 'rating', rating: 'low' },
    },
  ]
  const cases: Case[] = []
  // One after the other, so their keys follow this order.
  for (const input of inputs) cases.push(await value(desk.cases.create(caseInput(input))))
  return { desk, cases }
}

/** The titles of the rows the table shows, top to bottom (the header row has no title link). */
function titlesShown(): string[] {
  const table = screen.getByRole('table', { name: 'Cases' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent ?? '')
}

describe('case list', () => {
  it('shows one row per case with its key, title, reporter, status and severity, newest received first', async () => {
    const { desk } = await deskWithThreeCases()
    renderApp(desk)

    await waitFor(() => expect(titlesShown()).toHaveLength(3))
    expect(titlesShown()).toEqual(['SQL injection in search', 'Open redirect on login', 'Clickjacking on settings page'])
    const first = screen.getAllByRole('row')[1]!
    expect(within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'VD-2026-002',
      'SQL injection in search',
      'Chen Wei',
      'Received',
      // The AIMMS evaluation (15 business days) is long past on the real clock; the year shows from 2027 on.
      expect.stringMatching(/^Overdue · Fri 20 Mar( 2026)?$/),
      'Critical',
      'Unassigned',
      // The screens' one formatter (src/i18n), not this computer's locale ('Mar 1, 2026'); the year shows from 2027 on.
      expect.stringMatching(/^Sun 1 Mar( 2026)?$/),
    ])
    expect(screen.getByText('3 cases')).toBeInTheDocument()
  })

  it('sorts by title when its header is clicked, and reverses on a second click', async () => {
    const { desk } = await deskWithThreeCases()
    const { user } = renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(3))

    const titleHeader = screen.getByRole('columnheader', { name: /Title/ })
    expect(titleHeader).toHaveAttribute('aria-sort', 'none')
    expect(screen.getByRole('columnheader', { name: /Received/ })).toHaveAttribute('aria-sort', 'descending')

    await user.click(within(titleHeader).getByRole('button'))
    expect(titleHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(screen.getByRole('columnheader', { name: /Received/ })).toHaveAttribute('aria-sort', 'none')
    expect(titlesShown()).toEqual(['Clickjacking on settings page', 'Open redirect on login', 'SQL injection in search'])

    await user.click(within(titleHeader).getByRole('button'))
    expect(titleHeader).toHaveAttribute('aria-sort', 'descending')
    expect(titlesShown()).toEqual(['SQL injection in search', 'Open redirect on login', 'Clickjacking on settings page'])
  })

  it('sorts by severity with critical above medium above low', async () => {
    const { desk } = await deskWithThreeCases()
    const { user } = renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(3))

    await user.click(within(screen.getByRole('columnheader', { name: /Severity/ })).getByRole('button'))
    expect(titlesShown()).toEqual(['Clickjacking on settings page', 'Open redirect on login', 'SQL injection in search'])
    await user.click(within(screen.getByRole('columnheader', { name: /Severity/ })).getByRole('button'))
    expect(titlesShown()).toEqual(['SQL injection in search', 'Open redirect on login', 'Clickjacking on settings page'])
  })

  it('filters by status: only the acknowledged case is left', async () => {
    const { desk, cases } = await deskWithThreeCases()
    const redirect = cases[0]!
    await value(desk.cases.transition({ id: redirect.id, revision: redirect.revision, transition: { to: 'acknowledged' } }))
    const { user } = renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(3))

    await user.selectOptions(screen.getByLabelText('Status'), 'acknowledged')

    expect(titlesShown()).toEqual(['Open redirect on login'])
    expect(screen.getByText('1 of 3 cases')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(titlesShown()).toHaveLength(3)
  })

  it('filters by severity and by tag', async () => {
    const { desk } = await desks.open()
    await value(desk.cases.create(caseInput({ title: 'Tagged portal bug', tags: ['portal', 'xss'] })))
    await value(desk.cases.create(caseInput({ title: 'Critical api bug', tags: ['api'], severity: { kind: 'rating', rating: 'critical' } })))
    const { user } = renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(2))

    await user.selectOptions(screen.getByLabelText('Tag'), 'portal')
    expect(titlesShown()).toEqual(['Tagged portal bug'])
    await user.selectOptions(screen.getByLabelText('Tag'), '')
    await user.selectOptions(screen.getByLabelText('Severity'), 'critical')
    expect(titlesShown()).toEqual(['Critical api bug'])
    await user.selectOptions(screen.getByLabelText('Severity'), 'unrated')
    expect(titlesShown()).toEqual(['Tagged portal bug'])
  })

  it('search finds a case by a word that only its report text contains', async () => {
    const { desk } = await deskWithThreeCases()
    const { user } = renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(3))

    await user.type(screen.getByRole('searchbox', { name: 'Search cases' }), 'Periwinkle')

    await waitFor(() => expect(titlesShown()).toEqual(['SQL injection in search']))
    await user.clear(screen.getByRole('searchbox', { name: 'Search cases' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search cases' }), 'no such words anywhere')
    await waitFor(() => expect(screen.getByText('No case matches these filters.')).toBeInTheDocument())
  })

  it('a case whose policy is gone says so in its own Next-deadline cell; the other cases count as usual', async () => {
    const seed = await createTestDesk()
    const kept = await value(seed.desk.cases.create(caseInput({ title: 'Open redirect on login' })))
    const orphan = await value(seed.desk.cases.create(caseInput({ title: 'SQL injection in search' })))
    await seed.dispose()
    const { desk } = await desks.open({ cases: [kept, { ...orphan, policyId: 'retired-policy' }] })
    renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(2))

    const cells = (title: string) => within(screen.getByRole('row', { name: new RegExp(title) })).getAllByRole('cell')
    expect(cells('SQL injection in search')[4]).toHaveTextContent('Not counted: its policy no longer exists')
    expect(cells('Open redirect on login')[4]).toHaveTextContent(/^Overdue/)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(document.body.textContent).not.toContain('retired-policy')
  })

  it('the case of a policy that is gone names it in words, in its deadlines and its edit form, never by the id', async () => {
    const seed = await createTestDesk()
    const orphan = await value(seed.desk.cases.create(caseInput({ title: 'SQL injection in search' })))
    await seed.dispose()
    const { desk } = await desks.open({ cases: [{ ...orphan, policyId: 'retired-policy' }] })
    const { user } = renderApp(desk, `/cases/${orphan.id}`)

    await screen.findByText('Promised under a policy that no longer exists')
    const deadlines = screen.getByRole('region', { name: 'Deadlines' })
    await waitFor(() => expect(within(deadlines).getByRole('alert')).toHaveTextContent('These deadlines cannot be counted: the case’s policy no longer exists. Edit the case and choose another policy.'))
    expect(document.body.textContent).not.toContain('retired-policy')
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    expect(screen.getByLabelText('Policy')).toHaveDisplayValue('A policy that no longer exists')
    expect(document.body.textContent).not.toContain('retired-policy')
  })

  it('search by key, title or reporter filters at once; report text is searched in main, and both kinds of match show', async () => {
    const { desk } = await deskWithThreeCases()
    const search = vi.spyOn(desk.cases, 'search')
    const { user } = renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(3))

    // "bram" is Bram de Vries, the reporter of one case, and a word in the report text of none.
    await user.type(screen.getByRole('searchbox', { name: 'Search cases' }), 'bram')
    expect(titlesShown()).toEqual(['Open redirect on login'])

    await user.clear(screen.getByRole('searchbox', { name: 'Search cases' }))
    // "frame" is in the clickjacking case's report ("No frame-ancestors header"); "in" is in two titles too.
    await user.type(screen.getByRole('searchbox', { name: 'Search cases' }), 'frame')
    await waitFor(() => expect(titlesShown()).toEqual(['Clickjacking on settings page']))
    expect(search.mock.calls.at(-1)).toEqual([{ text: 'frame' }])
  })

  it('opens the case when its row is clicked', async () => {
    const { desk } = await deskWithThreeCases()
    const { user } = renderApp(desk)
    await waitFor(() => expect(titlesShown()).toHaveLength(3))

    await user.click(screen.getByRole('row', { name: /Open redirect on login/ }).querySelector('[role="cell"]')!)

    expect(await screen.findByRole('heading', { level: 1, name: 'Open redirect on login' })).toBeInTheDocument()
  })

  it('with 10,000 cases renders only a window of rows and marks the first render for the benchmark', async () => {
    const seed = await createTestDesk()
    const template = await value(seed.desk.cases.create(caseInput()))
    const document = JSON.parse(await readFile(seed.file, 'utf8')) as { cases: Case[] }
    await seed.dispose()
    document.cases = Array.from({ length: 10_000 }, (_, i) => ({
      ...template,
      id: `case-${i}`,
      key: `VD-2026-${String(i + 1).padStart(5, '0')}`,
      title: `Report number ${i + 1}`,
      received: { at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), timeZone: 'UTC' },
    }))
    const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-10k-'))
    desks.afterTest(() => rm(dir, { recursive: true, force: true }))
    const file = join(dir, 'store.json')
    await writeFile(file, JSON.stringify(document))
    const testDesk = await desks.open({ file })
    performance.clearMarks('case-list-rendered')

    renderApp(testDesk.desk)

    const table = await screen.findByRole('table', { name: 'Cases' }, { timeout: 15_000 })
    expect(table).toHaveAttribute('aria-rowcount', '10001')
    const bodyRows = within(table).getAllByRole('row').length - 1
    expect(bodyRows).toBeGreaterThan(10)
    expect(bodyRows).toBeLessThan(60)
    expect(titlesShown()[0]).toBe('Report number 10000')
    expect(performance.getEntriesByName('case-list-rendered')).toHaveLength(1)
  }, 30_000)
})
