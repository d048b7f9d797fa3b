import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

async function openSettings() {
  const { desk } = await desks.open()
  const settings = await value(desk.settings.get({}))
  await value(desk.settings.update({ settings: { ...settings, team: [{ id: 'm-1', name: 'Iris Jansen', email: 'iris@example.com' }] }, base: settings }))
  const { user } = renderApp(desk, '/settings')
  await screen.findByRole('row', { name: /Iris Jansen/ })
  return { desk, user }
}

describe('settings: who drafts go out from', { timeout: 20_000 }, () => {
  it('a member gets a role and a signature of several lines, kept as typed', async () => {
    const { desk, user } = await openSettings()
    await user.click(screen.getByRole('button', { name: 'Edit Iris Jansen' }))
    await user.type(screen.getAllByLabelText(/^Role/)[0]!, '  Security lead ')
    fireEvent.change(screen.getAllByLabelText(/^Signature/)[0]!, {
      target: { value: 'Iris Jansen\n  Security lead, Example B.V.\nPGP: 0x1234ABCD\n\n' },
    })
    await user.click(screen.getByRole('button', { name: 'Save member' }))

    const row = (await screen.findByText('Own signature')).closest('tr')!
    expect(within(row).getByText('Security lead')).toBeInTheDocument()
    expect((await value(desk.settings.get({}))).team).toEqual([
      {
        id: 'm-1',
        name: 'Iris Jansen',
        email: 'iris@example.com',
        role: 'Security lead',
        signature: 'Iris Jansen\n  Security lead, Example B.V.\nPGP: 0x1234ABCD',
      },
    ])
  })

  it('a role cleared again is no role in the file, not an empty one', async () => {
    const { desk, user } = await openSettings()
    const settings = await value(desk.settings.get({}))
    await value(desk.settings.update({ settings: { ...settings, team: [{ ...settings.team[0]!, role: 'Security lead' }] }, base: settings }))
    await within(await screen.findByRole('row', { name: /Iris Jansen/ })).findByText('Security lead')

    await user.click(screen.getByRole('button', { name: 'Edit Iris Jansen' }))
    await user.clear(screen.getAllByLabelText(/^Role/)[0]!)
    await user.click(screen.getByRole('button', { name: 'Save member' }))

    await waitFor(async () => expect((await value(desk.settings.get({}))).team).toEqual([{ id: 'm-1', name: 'Iris Jansen', email: 'iris@example.com' }]))
  })

  it('a signature over 5,000 characters is refused at its field and nothing is saved', async () => {
    const { desk, user } = await openSettings()
    const update = vi.spyOn(desk.settings, 'update')
    await user.click(screen.getByRole('button', { name: 'Edit Iris Jansen' }))
    const signature = screen.getAllByLabelText(/^Signature/)[0]!
    fireEvent.change(signature, { target: { value: 'x'.repeat(5001) } })
    await user.click(screen.getByRole('button', { name: 'Save member' }))

    expect(signature).toHaveAccessibleDescription(/At most 5,000 characters/)
    expect(update).not.toHaveBeenCalled()
  })

  it('saves the organisation drafts name, trimmed, and says so', async () => {
    const { desk, user } = await openSettings()
    const organisation = screen.getByLabelText('Organisation')
    expect(screen.getByRole('button', { name: 'Save organisation' })).toBeDisabled()
    await user.type(organisation, ' Example B.V. ')
    await user.click(screen.getByRole('button', { name: 'Save organisation' }))

    // The reminders' live region is on the same screen: the organisation's form has its own.
    expect(await within(organisation.closest('form')!).findByRole('status')).toHaveTextContent('Saved')
    expect((await value(desk.settings.get({}))).organisation).toBe('Example B.V.')
    expect(screen.getByLabelText('Organisation')).toHaveValue('Example B.V.')
  })

  it('an organisation over 200 characters is refused by the backend at the field', async () => {
    const { desk } = await openSettings()
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'O'.repeat(201) } })
    fireEvent.click(screen.getByRole('button', { name: 'Save organisation' }))

    await waitFor(() => expect(screen.getByLabelText('Organisation')).toHaveAccessibleDescription(/At most 200 characters/))
    expect((await value(desk.settings.get({}))).organisation).toBe('')
  })
})
