import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { fromRow } from '../../src/cases/summary'
import { openStore } from '../../src/store'
import { caseInput, deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()

beforeAll(giveElementsTheListViewportSize)
afterEach(() => vi.useRealTimers())

const row = (title: string) => screen.getByRole('row', { name: new RegExp(title) })
const cellOf = (title: string, column: string) => {
  const table = screen.getByRole('table', { name: 'Cases' })
  const index = within(table).getAllByRole('columnheader').findIndex((h) => h.textContent?.startsWith(column))
  return within(row(title)).getAllByRole('cell')[index]!
}

describe('the screens stay true while the app is open', { timeout: 20_000 }, () => {
  it('a team member renamed elsewhere is renamed in the open case list at once', async () => {
    const { desk } = await desks.open()
    const settings = await value(desk.settings.get({}))
    await value(desk.settings.update({ settings: { ...settings, team: [{ id: 'm-1', name: 'Iris Jansen', email: 'iris@example.com' }] }, base: settings }))
    await value(desk.cases.create(caseInput({ title: 'Open redirect on login', assigneeId: 'm-1' })))
    renderApp(desk)
    await waitFor(() => expect(cellOf('Open redirect on login', 'Assignee')).toHaveTextContent('Iris Jansen'))

    // Another window's save: this screen did not make it, and only hears 'settings:changed'.
    const current = await value(desk.settings.get({}))
    await value(desk.settings.update({ settings: { ...current, team: [{ ...current.team[0]!, name: 'Iris de Jong' }] }, base: current }))

    await waitFor(() => expect(cellOf('Open redirect on login', 'Assignee')).toHaveTextContent('Iris de Jong'))
  })

  it('a member removed elsewhere reads "(removed)" on the cases they are on, and is no longer offered for new cases', async () => {
    const { desk } = await desks.open()
    const settings = await value(desk.settings.get({}))
    const team = [
      { id: 'm-1', name: 'Ana Silva', email: 'ana@example.com' },
      { id: 'm-2', name: 'Iris Jansen', email: 'iris@example.com' },
    ]
    const withTeam = await value(desk.settings.update({ settings: { ...settings, team }, base: settings }))
    await value(desk.cases.create(caseInput({ title: 'Open redirect on login', assigneeId: 'm-1' })))
    const { user } = renderApp(desk)
    await waitFor(() => expect(cellOf('Open redirect on login', 'Assignee')).toHaveTextContent('Ana Silva'))

    await value(desk.settings.update({ settings: { ...withTeam, team: [{ ...team[0]!, removed: true }, team[1]!] }, base: withTeam }))

    await waitFor(() => expect(cellOf('Open redirect on login', 'Assignee')).toHaveTextContent('Ana Silva (removed)'))
    await user.click(screen.getByRole('button', { name: 'New case' }))
    const assignee = await screen.findByLabelText('Assignee')
    expect(within(assignee).getAllByRole('option').map((o) => o.textContent)).toEqual(['Unassigned', 'Iris Jansen'])
  })

  it('a case changed elsewhere ("case:changed") shows its new title in the open list', async () => {
    const { desk } = await desks.open()
    const created = await value(desk.cases.create(caseInput({ title: 'Open redirect on login' })))
    renderApp(desk)
    await waitFor(() => expect(row('Open redirect on login')).toBeInTheDocument())

    await value(desk.cases.update({ id: created.id, revision: created.revision, patch: { title: 'Open redirect after login' } }))

    await waitFor(() => expect(row('Open redirect after login')).toBeInTheDocument())
    expect(screen.queryByRole('row', { name: /Open redirect on login/ })).not.toBeInTheDocument()
  })

  it('a colleague’s save to the shared store file shows in the open list', async () => {
    const testDesk = await desks.open({ watch: true })
    await value(testDesk.desk.cases.create(caseInput({ title: 'Open redirect on login' })))
    renderApp(testDesk.desk)
    await waitFor(() => expect(row('Open redirect on login')).toBeInTheDocument())

    const colleague = await openStore(testDesk.file)
    await colleague.cases.create(caseInput({ title: 'SQL injection in search' }))
    await colleague.close()

    await waitFor(() => expect(row('SQL injection in search')).toBeInTheDocument(), { timeout: 8_000 })
    expect(screen.getByText('2 cases')).toBeInTheDocument()
  })

  it('"Due today" turns "Overdue" when the day changes, without a reload', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-02T09:30:00+01:00'))
    const testDesk = await desks.open()
    await value(testDesk.desk.cases.create(caseInput({ title: 'Open redirect on login', received: { at: '2026-03-02T09:00:00+01:00', timeZone: 'Europe/Amsterdam' } })))
    const due = fromRow((await value(testDesk.desk.cases.list({})))[0]!).nextDeadline!.dueDate!
    vi.setSystemTime(new Date(`${due}T16:00:00+01:00`))
    renderApp(testDesk.desk)
    await waitFor(() => expect(cellOf('Open redirect on login', 'Next deadline')).toHaveTextContent('Due today'))

    const nextDay = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    vi.setSystemTime(new Date(`${nextDay}T00:00:30+01:00`))
    testDesk.emit({ name: 'clock:dayChanged', payload: { today: nextDay } })

    await waitFor(() => expect(cellOf('Open redirect on login', 'Next deadline')).toHaveTextContent(/^Overdue/))
  })

  it('the menu opens a screen through the desk’s "app:navigate"', async () => {
    const testDesk = await desks.open()
    renderApp(testDesk.desk)
    await screen.findByRole('heading', { level: 1, name: 'No cases yet' })

    testDesk.emit({ name: 'app:navigate', payload: { to: '/calendar' } })

    expect(await screen.findByRole('heading', { level: 1, name: 'Calendar' })).toBeInTheDocument()
  })
})
