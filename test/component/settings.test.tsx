import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

async function openSettings() {
  const { desk } = await desks.open()
  const { user } = renderApp(desk, '/settings')
  await screen.findByLabelText('I am')
  return { desk, user }
}

async function addMember(user: Awaited<ReturnType<typeof openSettings>>['user'], name: string, email: string) {
  await user.type(screen.getByLabelText('Member name'), name)
  await user.type(screen.getByLabelText('Member email'), email)
  await user.click(screen.getByRole('button', { name: 'Add member' }))
}

const sidebar = () => screen.getByRole('complementary')

describe('settings: team', { timeout: 20_000 }, () => {
  it('adds a team member, who becomes "I am" and an assignee choice', async () => {
    const { desk, user } = await openSettings()
    await addMember(user, 'Iris Jansen', 'iris@example.com')

    const row = await screen.findByRole('row', { name: /Iris Jansen/ })
    expect(within(row).getByText('iris@example.com')).toBeInTheDocument()
    expect(screen.getByLabelText('Member name')).toHaveValue('')

    await user.selectOptions(screen.getByLabelText('I am'), await within(screen.getByLabelText('I am')).findByRole('option', { name: 'Iris Jansen' }))
    await waitFor(() => expect(within(sidebar()).getByText('Iris Jansen')).toBeInTheDocument())
    const settings = await value(desk.settings.get({}))
    expect(settings.team).toEqual([{ id: expect.any(String), name: 'Iris Jansen', email: 'iris@example.com' }])
    // "I am" is kept by this installation, not in the shared file.
    expect(await value(desk.identity.get({}))).toEqual({ memberId: settings.team[0]!.id })
    expect(settings.currentMemberId).toBeUndefined()

    await user.click(screen.getByRole('link', { name: 'New case' }))
    expect(await within(await screen.findByLabelText('Assignee')).findByRole('option', { name: 'Iris Jansen' })).toBeInTheDocument()
  })

  it('refuses a member without a valid email, at the field, and saves nothing', async () => {
    const { desk, user } = await openSettings()
    const update = vi.spyOn(desk.settings, 'update')
    await addMember(user, 'Iris Jansen', 'iris')
    expect(screen.getByLabelText('Member email')).toHaveAccessibleDescription('Enter a valid email address')
    expect(update).not.toHaveBeenCalled()
  })

  it('edits and removes a member; removing yourself clears "I am"', async () => {
    const { desk, user } = await openSettings()
    await addMember(user, 'Iris Jansen', 'iris@example.com')
    await user.selectOptions(screen.getByLabelText('I am'), await within(screen.getByLabelText('I am')).findByRole('option', { name: 'Iris Jansen' }))

    await user.click(await screen.findByRole('button', { name: 'Edit Iris Jansen' }))
    const nameFields = screen.getAllByLabelText('Member name')
    await user.clear(nameFields[0]!)
    await user.type(nameFields[0]!, 'Iris de Jong')
    await user.click(screen.getByRole('button', { name: 'Save member' }))
    await user.click(await screen.findByRole('button', { name: 'Remove Iris de Jong' }))
    await user.click(screen.getByRole('button', { name: 'Remove' }))

    await waitFor(() => expect(screen.queryByRole('row', { name: /Iris de Jong/ })).not.toBeInTheDocument())
    const settings = await value(desk.settings.get({}))
    // Kept, marked removed: the cases and timeline entries naming her still say who it was.
    expect([settings.team, settings.currentMemberId]).toEqual([
      [{ id: expect.any(String), name: 'Iris de Jong', email: 'iris@example.com', removed: true }],
      undefined,
    ])
    expect(within(sidebar()).getByText('Nobody chosen')).toBeInTheDocument()
    expect(screen.getByText(/Removed from the team: Iris de Jong\./)).toBeInTheDocument()
    expect(within(screen.getByLabelText('I am')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nobody chosen'])
  })
})
