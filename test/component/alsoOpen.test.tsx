import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { PresenceEntry } from '../../src/store/presenceEntry'
import { deskPerTest, renderApp } from './renderApp'

const desks = deskPerTest()

/** The app over a real desk whose 'store:presence' answers what the test says (the test desk announces no one). */
async function appWithOthers(others: PresenceEntry[]) {
  const { desk } = await desks.open()
  const answers = vi.spyOn(desk.store, 'presence').mockResolvedValue({ ok: true, value: others })
  renderApp(desk, '/cases')
  await screen.findByRole('heading', { level: 1 })
  return { answers }
}

const sidebar = () => screen.getByRole('complementary')
const today = (time: string) => `${new Date().toISOString().slice(0, 10)}T${time}:00.000Z`

describe('who else has the store open', { timeout: 20_000 }, () => {
  it('says who, on which computer, since when, in a quiet line of the sidebar', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    twoDaysAgo.setUTCHours(10, 1, 0, 0)
    await appWithOthers([
      { name: 'Sam', host: 'sam-laptop', since: today('09:12') },
      { host: 'ws-2', since: twoDaysAgo.toISOString() },
    ])
    const line = await within(sidebar()).findByText('Also open')
    const fact = line.parentElement!
    expect(fact).toHaveTextContent('Sam on sam-laptop since 09:12')
    // Nobody chosen under "You are" there; open since an earlier day, which is named.
    expect(fact).toHaveTextContent(/Someone on ws-2 since [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} 10:01/)
  })

  it('shows nothing when nobody else has it open', async () => {
    const { answers } = await appWithOthers([])
    await waitFor(() => expect(answers).toHaveBeenCalled())
    expect(within(sidebar()).queryByText('Also open')).not.toBeInTheDocument()
  })

  it('asks again when the window comes forward, and shows a hostile name as text', async () => {
    const { answers } = await appWithOthers([])
    await waitFor(() => expect(answers).toHaveBeenCalledTimes(1))
    const hostile = '<img src=x onerror=alert(1)>'
    answers.mockResolvedValue({ ok: true, value: [{ name: hostile, host: 'evil<b>host</b>', since: today('08:00') }] })

    fireEvent.focus(window)

    expect(await within(sidebar()).findByText(`${hostile} on evil<b>host</b> since 08:00`)).toBeInTheDocument()
    expect(document.querySelector('.sidebar img, .sidebar b')).toBeNull()
  })
})
