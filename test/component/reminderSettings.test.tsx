import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

async function openReminders() {
  const { desk } = await desks.open()
  const view = renderApp(desk, '/settings')
  const section = await screen.findByRole('region', { name: 'Reminders' })
  await within(section).findByRole('checkbox', { name: 'Show desktop reminders' })
  return { desk, section, ...view }
}

describe('settings: reminders', { timeout: 20_000 }, () => {
  it('turns reminders off and on again, saved for this installation and said so', async () => {
    const { desk, user, section } = await openReminders()
    const box = within(section).getByRole('checkbox', { name: 'Show desktop reminders' })
    expect(box).toBeChecked()
    expect(within(section).getByRole('radio', { name: 'All cases' })).toBeChecked()

    await user.click(box)
    await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent('Saved: reminders are off.'))
    expect(await value(desk.reminders.get({}))).toEqual({ enabled: false, scope: 'all' })
    expect(box).not.toBeChecked()
    // Off: which cases is no question, until they are on again.
    expect(within(section).getByRole('radio', { name: 'All cases' })).toBeDisabled()

    await user.click(box)
    await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent('Saved: reminders are on for all cases.'))
    expect(await value(desk.reminders.get({}))).toEqual({ enabled: true, scope: 'all' })
  })

  it('"Only cases assigned to me" waits until someone is chosen under "I am", and says so', async () => {
    const { desk, user, section } = await openReminders()
    const mine = within(section).getByRole('radio', { name: 'Only cases assigned to me' })
    expect(mine).toBeDisabled()
    expect(mine).toHaveAccessibleDescription('To be reminded of your cases only, first choose yourself under “I am” (Team, above).')

    await user.type(screen.getByLabelText('Member name'), 'Iris Jansen')
    await user.type(screen.getByLabelText('Member email'), 'iris@example.com')
    await user.click(screen.getByRole('button', { name: 'Add member' }))
    const iAm = screen.getByLabelText('I am')
    await user.selectOptions(iAm, await within(iAm).findByRole('option', { name: 'Iris Jansen' }))

    await waitFor(() => expect(mine).toBeEnabled())
    await user.click(mine)
    expect(await within(section).findByText('Saved: reminders are on for the cases assigned to you.')).toBeInTheDocument()
    expect(await value(desk.reminders.get({}))).toEqual({ enabled: true, scope: 'mine' })

    // Nobody chosen again: the choice stays, and the note says no reminders show.
    await user.selectOptions(iAm, 'Nobody chosen')
    await waitFor(() =>
      expect(mine).toHaveAccessibleDescription(
        'Nobody is chosen under “I am” (Team, above), so no reminders show. Choose yourself there, or remind of all cases.',
      ),
    )
    expect(mine).toBeChecked()
  })

  it('a save that fails says why at the control, and the setting stays as it was', async () => {
    const { desk, user, section } = await openReminders()
    vi.spyOn(desk.reminders, 'set').mockResolvedValue({
      ok: false,
      error: { code: 'internal', message: 'Could not write installation.json (disk full).', issues: [] },
    })
    const box = within(section).getByRole('checkbox', { name: 'Show desktop reminders' })
    await user.click(box)
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Could not write installation.json (disk full). The reminder settings were not changed.',
    )
    expect(box).toHaveAccessibleDescription(expect.stringContaining('The reminder settings were not changed.'))
    expect(box).toBeChecked()
    expect(await value(desk.reminders.get({}))).toEqual({ enabled: true, scope: 'all' })
  })

  it('leads to the team calendar settings', async () => {
    const { user } = await openReminders()
    const card = screen.getByRole('region', { name: 'Team calendar' })
    await user.click(within(card).getByRole('link', { name: 'Team calendar settings' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Team calendar' })).toBeInTheDocument()
  })
})
