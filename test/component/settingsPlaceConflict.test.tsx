import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Settings } from '../../src/settings/settings'
import { createTestDesk } from '../support/testDesk'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

const inGermany = (s: Settings): Settings => ({
  ...s,
  calendar: { ...s.calendar, spec: { ...s.calendar.spec, country: 'DE', state: undefined, region: undefined, timeZone: undefined, overrides: [] } },
})

// The calendar's place is one part: a colleague's other country and this person's state of the old one are asked
// about together, as a place each, never saved as a state of the wrong country.
describe('a team calendar save that meets a colleague’s move to another country', { timeout: 30_000 }, () => {
  it('shows each place whole, asks, and saves the chosen one with the colleague’s closures kept', async () => {
    const testDesk = await desks.open({ watch: false })
    const { desk } = testDesk
    const settings = await value(desk.settings.get({}))
    await value(desk.settings.update({ settings: inGermany(settings), base: settings }))
    const colleague = await createTestDesk({ file: testDesk.file })
    desks.afterTest(() => colleague.dispose())
    const { user } = renderApp(desk, '/settings/calendar')
    const state = await screen.findByLabelText(/^State or province/)
    await waitFor(() => expect(within(state).getAllByRole('option').length).toBeGreaterThan(1), { timeout: 10_000 })
    await user.selectOptions(state, 'BY')
    const now = await value(colleague.desk.settings.get({}))
    const theirs = { ...now, calendar: { ...now.calendar, spec: { ...now.calendar.spec, country: 'AT', closures: ['2026-12-24'] } } }
    await value(colleague.desk.settings.update({ settings: theirs, base: now }))

    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))

    const place = await screen.findByRole('group', { name: 'Calendar: country and region' })
    expect(within(place).getByText('Germany, BY')).toBeInTheDocument()
    expect(within(place).getByText('Austria, whole country')).toBeInTheDocument()
    expect(screen.queryByRole('group', { name: /state/i })).not.toBeInTheDocument()
    await user.click(within(place).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(screen.getByRole('form', { name: /changed the same settings/ })).getByRole('button', { name: 'Save' }))

    await screen.findByRole('status')
    const { spec } = (await value(desk.settings.get({}))).calendar
    expect([spec.country, spec.state, spec.region, spec.closures]).toEqual(['DE', 'BY', undefined, ['2026-12-24']])
  })
})
