import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fromRow } from '../../src/cases/summary'
import type { DeskApi } from '../../src/ipc/contract'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

async function openForm(prepare?: (desk: DeskApi) => Promise<void>) {
  const { desk } = await desks.open()
  await prepare?.(desk)
  const create = vi.spyOn(desk.cases, 'create')
  const { user } = renderApp(desk, '/cases/new')
  await screen.findByRole('heading', { level: 1, name: 'New case' })
  return { desk, create, user }
}

function setReceived(wallClock: string) {
  fireEvent.change(screen.getByLabelText('Received'), { target: { value: wallClock } })
}

// jsdom re-renders the form on every simulated keystroke: slow, so the limit is generous; speed is measured elsewhere.
describe('new case form', { timeout: 20_000 }, () => {
  it('starts with the received time set to now on this computer’s clock and zone', async () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const wallClockNow = () =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(new Date()).replace(' ', 'T')
    const before = wallClockNow()
    await openForm()
    const after = wallClockNow()

    expect([before, after]).toContain((screen.getByLabelText('Received') as HTMLInputElement).value)
    expect(screen.getByLabelText('Time zone')).toHaveValue(zone)
  })

  it('an invalid reporter email is named next to the field, and nothing is created', async () => {
    const { create, user } = await openForm()
    await user.type(screen.getByLabelText('Title'), 'Open redirect on login')
    await user.type(screen.getByLabelText('Reporter name'), 'Bram de Vries')
    await user.type(screen.getByLabelText('Reporter email'), 'bram-at-example.nl')

    await user.click(screen.getByRole('button', { name: 'Save' }))

    const email = screen.getByLabelText('Reporter email')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription('Enter a valid email address')
    expect(screen.getByRole('alert')).toHaveTextContent('The case was not saved. Check this field: Reporter email.')
    expect(create).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Title')).toHaveValue('Open redirect on login')
    await waitFor(() => expect(email).toHaveFocus())
  })

  it('an empty title and name are each named at their field', async () => {
    const { create, user } = await openForm()
    await user.type(screen.getByLabelText('Reporter email'), 'bram@example.nl')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Enter a title')
    expect(screen.getByLabelText('Reporter name')).toHaveAccessibleDescription('Enter the reporter’s name')
    expect(create).not.toHaveBeenCalled()
  })

  it('creates a valid case with exactly what was typed and opens it', async () => {
    const { desk, create, user } = await openForm(async (desk) => {
      const settings = await value(desk.settings.get({}))
      await value(desk.settings.update({ settings: { ...settings, team: [{ id: 'm-1', name: 'Iris Jansen', email: 'iris@example.com' }] }, base: settings }))
    })
    // Within the one select: a role query over the whole form (400-odd time zones) is slow in jsdom.
    await within(await screen.findByLabelText('Assignee')).findByRole('option', { name: 'Iris Jansen' })

    await user.type(screen.getByLabelText('Title'), 'Stored XSS in the support portal')
    await user.type(screen.getByLabelText('Reporter name'), 'Ada Researcher')
    await user.type(screen.getByLabelText('Reporter email'), 'ada@example.org')
    await user.type(screen.getByLabelText(/Reporter handle/), '@ada')
    await user.selectOptions(screen.getByLabelText('Preferred language'), 'nl')
    setReceived('2026-03-05T14:10')
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Amsterdam')
    await user.selectOptions(screen.getByLabelText('Channel'), 'web_form')
    await user.type(screen.getByLabelText(/Affected asset/), 'support.example.com')
    fireEvent.change(screen.getByLabelText('Report text'), { target: { value: '  Steps:\n\t1. <b>bold</b>\n' } })
    await user.click(screen.getByRole('radio', { name: 'Rating only' }))
    await user.selectOptions(screen.getByLabelText('Rating'), 'high')
    await user.selectOptions(screen.getByLabelText('Assignee'), 'm-1')
    await user.type(screen.getByLabelText(/Tags/), 'xss, portal, xss')

    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Stored XSS in the support portal' })).toBeInTheDocument()
    expect(create).toHaveBeenCalledTimes(1)
    expect(create).toHaveBeenCalledWith({
      title: 'Stored XSS in the support portal',
      reporter: { name: 'Ada Researcher', email: 'ada@example.org', handle: '@ada', language: 'nl' },
      received: { at: '2026-03-05T14:10:00+01:00', timeZone: 'Europe/Amsterdam' },
      channel: 'web_form',
      asset: 'support.example.com',
      reportText: '  Steps:\n\t1. <b>bold</b>\n',
      severity: { kind: 'rating', rating: 'high' },
      assigneeId: 'm-1',
      tags: ['xss', 'portal'],
    })
    const stored = fromRow((await value(desk.cases.list({})))[0]!)
    expect(stored.key).toBe('VD-2026-001')
  })

  it('reads the received time on the clock of the chosen zone, also in summer time', async () => {
    const { create, user } = await openForm()
    await user.type(screen.getByLabelText('Title'), 'Subdomain takeover')
    await user.type(screen.getByLabelText('Reporter name'), 'Sam Lee')
    await user.type(screen.getByLabelText('Reporter email'), 'sam@example.com')
    setReceived('2026-07-01T09:00')
    await user.selectOptions(screen.getByLabelText('Time zone'), 'America/New_York')

    await user.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { level: 1, name: 'Subdomain takeover' })
    expect(create.mock.calls[0]![0].received).toEqual({ at: '2026-07-01T09:00:00-04:00', timeZone: 'America/New_York' })
  })

  it('shows the score of a CVSS vector as it is typed: 9.8 Critical', async () => {
    const { create, user } = await openForm()
    await user.type(screen.getByLabelText('Title'), 'Remote code execution in upload')
    await user.type(screen.getByLabelText('Reporter name'), 'Ada Researcher')
    await user.type(screen.getByLabelText('Reporter email'), 'ada@example.org')
    await user.click(screen.getByRole('radio', { name: 'CVSS' }))

    const vector = screen.getByLabelText('CVSS vector')
    await user.type(vector, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H')
    expect(vector).toHaveAccessibleDescription(/lacks the base metric A/)
    await user.type(vector, '/A:H')

    expect(screen.getByRole('status', { name: 'Computed score' })).toHaveTextContent('9.8 Critical')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('heading', { level: 1, name: 'Remote code execution in upload' })
    expect(create.mock.calls[0]![0].severity).toEqual({
      kind: 'cvss',
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      score: 9.8,
      rating: 'critical',
    })
  })

  it('an invalid CVSS vector blocks saving and says why at the field', async () => {
    const { create, user } = await openForm()
    await user.type(screen.getByLabelText('Title'), 'Weak TLS')
    await user.type(screen.getByLabelText('Reporter name'), 'Ada Researcher')
    await user.type(screen.getByLabelText('Reporter email'), 'ada@example.org')
    await user.click(screen.getByRole('radio', { name: 'CVSS' }))
    await user.type(screen.getByLabelText('CVSS vector'), 'CVSS:2.0/AV:N')

    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(screen.getByLabelText('CVSS vector')).toHaveAccessibleDescription(
      expect.stringContaining('is CVSS 2.0; only CVSS 3.1 and 4.0 are supported'),
    )
    expect(create).not.toHaveBeenCalled()
  })

  it('a field the backend rejects is named at that field, not in a banner, and the typed values stay', async () => {
    const { desk, user } = await openForm()
    desk.cases.create = async () => ({
      ok: false,
      error: { code: 'invalid_input', message: 'The case was not saved: the affected asset is retired.', issues: [{ path: 'asset', message: 'This product is retired' }] },
    })
    await user.type(screen.getByLabelText('Title'), 'Old bug')
    await user.type(screen.getByLabelText('Reporter name'), 'Ada Researcher')
    await user.type(screen.getByLabelText('Reporter email'), 'ada@example.org')
    await user.type(screen.getByLabelText(/Affected asset/), 'legacy.example.com')

    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.getByLabelText(/Affected asset/)).toHaveAccessibleDescription('This product is retired'))
    expect(screen.getByRole('alert')).toHaveTextContent('The case was not saved. Check this field: Affected asset or product.')
    expect(screen.queryByText('The case was not saved: the affected asset is retired.')).not.toBeInTheDocument()
    expect(screen.getByLabelText(/Affected asset/)).toHaveValue('legacy.example.com')
    expect(screen.getByLabelText('Title')).toHaveValue('Old bug')
  })

  it('a failure that names no field is shown on this screen, and is gone once the user leaves it', async () => {
    const { desk, user } = await openForm()
    const message = 'Disclosure Desk could not write the store file: the disk is full. Nothing was saved.'
    desk.cases.create = async () => ({ ok: false, error: { code: 'store_unavailable', message, issues: [] } })
    await user.type(screen.getByLabelText('Title'), 'Old bug')
    await user.type(screen.getByLabelText('Reporter name'), 'Ada Researcher')
    await user.type(screen.getByLabelText('Reporter email'), 'ada@example.org')

    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText(message)).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Calendar' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }))
    await screen.findByRole('heading', { level: 1, name: 'Calendar' })
    expect(screen.queryByText(message)).not.toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'New case' }))
    await screen.findByRole('heading', { level: 1, name: 'New case' })
    expect(screen.queryByText(message)).not.toBeInTheDocument()
  })
})
