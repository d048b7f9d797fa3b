import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TodaySection } from '../../renderer/today/TodaySection'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()
afterEach(() => {
  vi.useRealTimers()
})

// Tue 1 Dec 2026 10:00 in Amsterdam, on the page's clock and the desk's.
const tuesday = new Date('2026-12-01T09:00:00Z')
// The agenda, the case rows and the team calendar come from the desk one after the other; on a busy machine that is slow.
const slow = { timeout: 8_000 }

const ikuu = (title: string, at: string, more: Parameters<typeof caseInput>[0] = {}) =>
  caseInput({ title, received: { at, timeZone: 'Europe/Amsterdam' }, policyId: 'ikuu', ...more })

async function deskOnTuesday() {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(tuesday)
  const { desk } = await desks.open({ now: () => tuesday })
  const settings = await value(desk.settings.get({}))
  await value(desk.settings.update({ settings: { ...settings, team: [{ id: 'm-iris', name: 'Iris Jansen', email: 'iris@example.nl' }] }, base: settings }))
  // IKUU acknowledges within two business days of receipt.
  const late = await value(desk.cases.create(ikuu('Open redirect on login', '2026-11-25T10:00:00+01:00', { assigneeId: 'm-iris' })))
  const today = await value(desk.cases.create(ikuu('SQL injection in search', '2026-11-27T10:00:00+01:00')))
  const soon = await value(desk.cases.create(ikuu('Token leak in the build logs', '2026-12-01T09:00:00+01:00')))
  const asked = await value(desk.cases.create(ikuu('CSRF on the profile page', '2026-11-30T09:00:00+01:00')))
  await value(desk.cases.transition({ id: asked.id, revision: asked.revision, transition: { to: 'needs_info' } }))
  return { desk, late, today, soon, asked }
}

const list = (name: string) => screen.getByRole('list', { name })
const rowTexts = (name: string) => within(list(name)).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))

describe('Today, the home screen', { timeout: 20_000 }, () => {
  it('opens at / and lists what is overdue, due today, due in the next 5 business days and waiting for the reporter', async () => {
    const { desk, late, today, soon, asked } = await deskOnTuesday()
    renderApp(desk, '/')

    await screen.findByRole('heading', { level: 1, name: 'Today' }, slow)
    await waitFor(() => expect(screen.getByText('Tue 1 Dec 2026 · 1 overdue · 1 due today')).toBeInTheDocument(), slow)
    await waitFor(() => list('Overdue'), slow)
    expect(rowTexts('Overdue')).toEqual([`${late.key}: Acknowledgement`])
    const overdue = within(list('Overdue')).getByRole('listitem')
    expect(within(overdue).getByText('Due Fri 27 Nov · 4 days late')).toBeInTheDocument()
    expect(within(overdue).getByText('Iris Jansen')).toBeInTheDocument()
    expect(within(overdue).getByText('Open redirect on login')).toBeInTheDocument()
    expect(within(overdue).getByRole('link', { name: late.key })).toHaveAttribute('href', `/cases/${late.id}`)
    // The one action: the draft of that deadline's email, the template chosen by the draft screen.
    expect(within(overdue).getByRole('link', { name: 'Draft the acknowledgement' })).toHaveAttribute(
      'href',
      `/cases/${late.id}/draft?deadline=acknowledgement%3A1`,
    )

    expect(rowTexts('Due today')).toEqual([`${today.key}: Acknowledgement`])
    expect(within(list('Due today')).getByText('Due today')).toBeInTheDocument()
    expect(within(list('Due today')).getByText('Unassigned')).toBeInTheDocument()

    // Five business days after Tue 1 Dec is Tue 8 Dec; the weekend does not count.
    await waitFor(() => expect(screen.getByText('until Tue 8 Dec')).toBeInTheDocument(), slow)
    expect(rowTexts('Due in the next 5 business days')).toEqual([`${soon.key}: Acknowledgement`])
    expect(within(list('Due in the next 5 business days')).getByText('Due Thu 3 Dec · in 2 days')).toBeInTheDocument()

    expect(rowTexts('Waiting for the reporter')).toEqual([asked.key])
    const waiting = within(list('Waiting for the reporter')).getByRole('listitem')
    // Asking the reporter stops the acknowledgement's clock; the row says which clock stands still.
    expect(within(waiting).getByText('Acknowledgement paused')).toBeInTheDocument()
    expect(within(waiting).getByRole('link', { name: 'Open case' })).toHaveAttribute('href', `/cases/${asked.id}`)
  })

  it('shows the number of overdue deadlines in the navigation on every screen', async () => {
    const { desk } = await deskOnTuesday()
    renderApp(desk, '/policies')
    const nav = await screen.findByRole('navigation', { name: 'Main' }, slow)
    expect(await within(nav).findByRole('img', { name: '1 overdue deadline' }, slow)).toHaveTextContent('1')
    expect(within(nav).getAllByRole('link')[0]).toHaveAccessibleName('Today 1 overdue deadline')
  })

  it('"Mine" keeps the cases assigned to the person chosen under "You are"; the address holds the choice', async () => {
    const { desk, late, today } = await deskOnTuesday()
    await value(desk.identity.set({ memberId: 'm-iris' }))
    const { user } = renderApp(desk, '/today?assignee=mine')

    expect(await screen.findByText('Showing the cases assigned to you, Iris Jansen.', {}, slow)).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Mine' })).toBeChecked()
    await waitFor(() => list('Overdue'), slow)
    expect(rowTexts('Overdue')).toEqual([`${late.key}: Acknowledgement`])
    expect(screen.queryByRole('list', { name: 'Due today' })).toBeNull()
    expect(screen.getByText('Nothing is due today.')).toBeInTheDocument()
    expect(screen.getByText('No case is waiting for the reporter.')).toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: 'Everyone' }))

    expect(rowTexts('Due today')).toEqual([`${today.key}: Acknowledgement`])
    expect(screen.queryByText('Showing the cases assigned to you, Iris Jansen.')).toBeNull()
  })

  it('without anyone chosen under "You are", "Mine" cannot be chosen, and an address asking for it says why it is empty', async () => {
    const { desk, late } = await deskOnTuesday()
    const { user } = renderApp(desk, '/today?assignee=mine')
    expect(
      await screen.findByText('Nobody is chosen under “You are” in the settings, so no case counts as yours.', {}, slow),
    ).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Mine' })).toBeDisabled()
    await waitFor(() => expect(screen.getByText('Nothing is overdue.')).toBeInTheDocument(), slow)

    await user.click(screen.getByRole('radio', { name: 'Everyone' }))

    expect(screen.getByRole('radio', { name: 'Everyone' })).toBeChecked()
    expect(rowTexts('Overdue')).toEqual([`${late.key}: Acknowledgement`])
  })

  it('a store without cases says where to start, and loading the sample cases fills the lists', async () => {
    const { desk } = await desks.open()
    const { user } = renderApp(desk, '/')
    expect(await screen.findByText('No cases yet, so nothing is due', {}, slow)).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'Main' })
    await within(nav).findByRole('img', { name: 'No overdue deadlines' })
    expect(screen.getByRole('button', { name: 'New case' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Load sample cases' }))

    await waitFor(() => expect(screen.getByRole('heading', { name: 'Overdue' })).toBeInTheDocument(), slow)
    expect(screen.getByRole('heading', { name: 'Waiting for the reporter' })).toBeInTheDocument()
  })

  it('a long list renders its first 20 rows and 50 more at a time', async () => {
    const user = userEvent.setup({ delay: null })
    const keys = Array.from({ length: 75 }, (_, i) => `VD-2026-${String(i + 1).padStart(3, '0')}`)
    render(<TodaySection title="Overdue" tone="overdue" rows={keys} row={(k) => <li key={k}>{k}</li>} empty="Nothing is overdue." />)
    expect(within(list('Overdue')).getAllByRole('listitem')).toHaveLength(20)
    expect(screen.getByLabelText('75 listed')).toHaveTextContent('75')

    await user.click(screen.getByRole('button', { name: 'Show 50 more of 55' }))
    expect(within(list('Overdue')).getAllByRole('listitem')).toHaveLength(70)
    await user.click(screen.getByRole('button', { name: 'Show 5 more of 5' }))

    expect(within(list('Overdue')).getAllByRole('listitem').at(-1)).toHaveTextContent('VD-2026-075')
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull()
  })
})
