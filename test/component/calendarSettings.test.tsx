import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { timeZoneOf } from '../../src/calendar'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

/** The team calendar settings over a store whose Dutch calendar counts only what date-holidays types as public. */
async function openCalendar() {
  const { desk } = await desks.open()
  const settings = await value(desk.settings.get({}))
  await value(desk.settings.update({ settings: { ...settings, calendar: { ...settings.calendar, spec: { ...settings.calendar.spec, overrides: [] } } }, base: settings }))
  const { user } = renderApp(desk, '/settings/calendar')
  await screen.findByRole('heading', { level: 1, name: 'Team calendar' })
  // 250-odd countries: a role query over them is slow in jsdom on a busy machine.
  await within(await screen.findByLabelText('Country')).findByRole('option', { name: 'Germany' }, { timeout: 10_000 })
  expect(screen.getByLabelText('Country')).toHaveValue('NL')
  return { desk, user }
}

async function showYear(user: Awaited<ReturnType<typeof openCalendar>>['user'], year: number) {
  await user.clear(screen.getByLabelText('Year'))
  await user.type(screen.getByLabelText('Year'), String(year))
  return screen.findByRole('table', { name: `Holidays in ${year}` })
}

const holidayRow = (table: HTMLElement, name: string) => within(table).getByRole('row', { name: new RegExp(`^\\S+ \\d+ \\S+ ${name} `) })

describe('team calendar settings', { timeout: 20_000 }, () => {
  it('lists the Dutch holidays of 2027 with Good Friday, typed as a school holiday, not counted', async () => {
    const { user } = await openCalendar()
    const table = await showYear(user, 2027)

    const rows = within(table)
      .getAllByRole('row')
      .slice(1, 6)
      .map((row) => within(row).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['Fri 1 Jan', "New Year's Day", 'Public', 'Counted'],
      ['Fri 26 Mar', 'Good Friday', 'School', 'Not counted'],
      ['Sun 28 Mar', 'Easter Sunday', 'Public', 'Counted'],
      ['Mon 29 Mar', 'Easter Monday', 'Public', 'Counted'],
      ['Tue 27 Apr', "King's Day", 'Public', 'Counted'],
    ])
  })

  it('counting Good Friday as non-working shows it counted and saves an override for rule "easter -2"', async () => {
    const { desk, user } = await openCalendar()
    const table = await showYear(user, 2027)

    await user.selectOptions(within(table).getByLabelText('Good Friday: every year'), 'Count as non-working')
    await waitFor(() => expect(within(holidayRow(table, 'Good Friday')).getByText('Counted')).toBeInTheDocument())
    expect((await value(desk.settings.get({}))).calendar.spec.overrides).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))

    expect(await screen.findByRole('status')).toHaveTextContent('Saved. New cases are counted on this team calendar; existing cases keep theirs.')
    expect((await value(desk.settings.get({}))).calendar.spec.overrides).toEqual([
      { rule: 'easter -2', name: 'Good Friday', treatAs: 'non_working' },
    ])
  })

  it('changing the country to Germany loads its states, clears the Dutch zone and saves the place’s own, Germany’s', async () => {
    const { desk, user } = await openCalendar()

    await user.selectOptions(screen.getByLabelText('Country'), 'DE')

    const state = screen.getByLabelText(/^State or province/)
    await waitFor(() => expect(state).toBeEnabled())
    const states = within(state).getAllByRole('option').map((o) => o.textContent)
    expect(states.slice(0, 4)).toEqual(['Whole country', 'Baden-Württemberg', 'Bayern', 'Berlin'])
    expect(states).toHaveLength(17)
    expect(screen.getByLabelText('Time zone')).toHaveValue('')
    expect(screen.getByLabelText('Time zone')).toHaveAttribute('placeholder', 'Europe/Berlin')

    await user.selectOptions(state, 'BY')
    const region = screen.getByLabelText(/^Region/)
    await waitFor(() => expect(region).toBeEnabled())
    expect(within(region).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Whole state',
      'Predominantly catholic communities',
      'Predominantly protestant communities',
      'Stadt Augsburg',
    ])

    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))
    await screen.findByRole('status')
    const { spec } = (await value(desk.settings.get({}))).calendar
    // No zone of its own: the place's, so a colleague's later move of the place moves the zone with it.
    expect([spec.country, spec.state, spec.region, spec.timeZone, timeZoneOf(spec)]).toEqual(['DE', 'BY', undefined, undefined, 'Europe/Berlin'])
  })

  it('refuses a week without working days and an unknown time zone, at their fields, and saves nothing', async () => {
    const { desk, user } = await openCalendar()
    const update = vi.spyOn(desk.settings, 'update')

    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await user.click(screen.getByRole('button', { name: day }))
    await user.clear(screen.getByLabelText('Time zone'))
    await user.type(screen.getByLabelText('Time zone'), 'Europe/Amsterdamm')
    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))

    expect(screen.getByRole('alert')).toHaveTextContent('The team calendar was not saved. Check: Work week, Time zone.')
    expect(screen.getByText('Choose at least one working day')).toBeInTheDocument()
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(
      'Empty: the place’s own zone, Europe/Amsterdam. “Europe/Amsterdamm” is not a time zone; choose one from the list, e.g. Europe/Amsterdam',
    )
    expect(update).not.toHaveBeenCalled()
  })

  it('refuses a fixed offset such as +01:00 as the main process does: a zone follows its clock changes, an offset does not', async () => {
    const { desk, user } = await openCalendar()
    const update = vi.spyOn(desk.settings, 'update')

    await user.clear(screen.getByLabelText('Time zone'))
    await user.type(screen.getByLabelText('Time zone'), '+01:00')
    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))

    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(
      'Empty: the place’s own zone, Europe/Amsterdam. “+01:00” is not a time zone; choose one from the list, e.g. Europe/Amsterdam',
    )
    expect(update).not.toHaveBeenCalled()
  })

  it('adds a company shutdown as a range of closure days and saves each day', async () => {
    const { desk, user } = await openCalendar()

    await user.type(screen.getByLabelText('Closures: first day'), '2026-12-28')
    await user.type(screen.getByLabelText('Closures: last day'), '2026-12-31')
    await user.click(screen.getByRole('button', { name: 'Add closure' }))
    expect(within(screen.getByRole('list', { name: 'Closures' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Mon 28 Dec 2026×',
      'Tue 29 Dec 2026×',
      'Wed 30 Dec 2026×',
      'Thu 31 Dec 2026×',
    ])
    await user.click(screen.getByRole('button', { name: 'Remove Wed 30 Dec 2026' }))
    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))

    await screen.findByRole('status')
    expect((await value(desk.settings.get({}))).calendar.spec.closures).toEqual(['2026-12-28', '2026-12-29', '2026-12-31'])
  })
})
