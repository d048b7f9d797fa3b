import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { deskPerTest, renderApp } from './renderApp'

const desks = deskPerTest()

const sidebarLink = (name: string) => within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name })
const leaveDialog = () => screen.queryByRole('dialog', { name: 'Leave without saving?' })

describe('a half-filled form is not lost silently', { timeout: 20_000 }, () => {
  it('the new-case form asks before going to Cases: Stay keeps the text, Leave goes', async () => {
    const { desk } = await desks.open()
    const { user } = renderApp(desk, '/cases/new')
    await screen.findByRole('heading', { level: 1, name: 'New case' })
    await user.type(screen.getByLabelText('Title'), 'Open redirect on login')

    await user.click(sidebarLink('Cases'))

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' })
    expect(dialog).toHaveAccessibleDescription('Your changes to the new case will be lost.')
    expect(within(dialog).getByRole('button', { name: 'Stay' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }))
    expect(leaveDialog()).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'New case' })).toBeInTheDocument()
    expect(screen.getByLabelText('Title')).toHaveValue('Open redirect on login')

    await user.click(sidebarLink('Cases'))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'No cases yet' })).toBeInTheDocument()
  })

  it('an untouched form lets the user go without asking', async () => {
    const { desk } = await desks.open()
    const { user } = renderApp(desk, '/cases/new')
    await screen.findByRole('heading', { level: 1, name: 'New case' })
    await user.click(sidebarLink('Calendar'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Calendar' })).toBeInTheDocument()
    expect(leaveDialog()).not.toBeInTheDocument()
  })

  it('a navigation from the menu asks too, and closing the window is held back while the form has changes', async () => {
    const testDesk = await desks.open()
    const { user } = renderApp(testDesk.desk, '/cases/new')
    await screen.findByRole('heading', { level: 1, name: 'New case' })
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(closing()).toBe(false)
    await user.type(screen.getByLabelText('Reporter name'), 'Bram de Vries')
    expect(closing()).toBe(true)

    testDesk.emit({ name: 'app:navigate', payload: { to: '/policies' } })

    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Policies' })).toBeInTheDocument()
    expect(closing()).toBe(false)
  })

  it('the team calendar settings ask before leaving with a changed work week', async () => {
    const { desk } = await desks.open()
    const { user } = renderApp(desk, '/settings/calendar')
    // 250-odd countries: a role query over them is slow in jsdom on a busy machine.
  await within(await screen.findByLabelText('Country')).findByRole('option', { name: 'Germany' }, { timeout: 10_000 })
    await user.click(screen.getByRole('button', { name: 'Sat' }))

    await user.click(sidebarLink('Settings'))

    expect(await screen.findByRole('dialog')).toHaveAccessibleDescription('Your changes to the team calendar will be lost.')
    await user.click(screen.getByRole('button', { name: 'Stay' }))
    expect(screen.getByRole('button', { name: 'Sat' })).toHaveAttribute('aria-pressed', 'true')
    // Saving ends the question: what is on screen is what is stored.
    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))
    await screen.findByRole('status')
    await user.click(sidebarLink('Settings'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument()
    expect(leaveDialog()).not.toBeInTheDocument()
  })

  it('a member half-typed on the team settings asks before leaving', async () => {
    const { desk } = await desks.open()
    const { user } = renderApp(desk, '/settings')
    await screen.findByLabelText('I am')
    await user.type(screen.getByLabelText('Member name'), 'Iris')

    await user.click(sidebarLink('Cases'))

    expect(await screen.findByRole('dialog')).toHaveAccessibleDescription('Your changes to the team will be lost.')
    await user.click(screen.getByRole('button', { name: 'Leave' }))
    await waitFor(() => expect(screen.queryByLabelText('Member name')).not.toBeInTheDocument())
  })
})
