import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { copyPolicy } from '../../src/policies/catalog'
import { aimmsPolicy } from '../../src/policies/presets'
import type { Settings } from '../../src/settings/settings'
import { createTestDesk } from '../support/testDesk'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org', role: 'Security lead' }
const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }

/**
 * This app at `path`, and a colleague's app on the same store file. This app does not watch the file: the colleague's
 * save has not reached it when it saves (as on a share whose changes arrive late), so its save is made on settings
 * older than the file's, and main merges it with theirs or refuses it as a conflict.
 */
async function twoApps(path: string, stored: (s: Settings) => Settings = (s) => s) {
  const testDesk = await desks.open({ watch: false })
  const { desk } = testDesk
  const settings = await value(desk.settings.get({}))
  await value(desk.settings.update({ settings: stored({ ...settings, team: [ana, ben] }), base: settings }))
  await value(desk.identity.set({ memberId: 'm-ana' }))
  const colleague = await createTestDesk({ file: testDesk.file })
  desks.afterTest(() => colleague.dispose())
  await value(colleague.desk.identity.set({ memberId: 'm-ben' }))
  const { user } = renderApp(desk, path)
  /** The colleague changes the settings as they stand in the file now. */
  const colleagueSaves = async (change: (s: Settings) => Settings) => {
    const now = await value(colleague.desk.settings.get({}))
    return value(colleague.desk.settings.update({ settings: change(now), base: now }))
  }
  const member = (s: Settings, id: string) => s.team.find((m) => m.id === id)
  const withMember = (s: Settings, id: string, change: object) => ({ ...s, team: s.team.map((m) => (m.id === id ? { ...m, ...change } : m)) })
  return { desk, user, colleague: colleague.desk, colleagueSaves, member, withMember }
}

/** The form of the member being edited (the add form below has the same fields). */
const memberForm = () => screen.getByRole('button', { name: 'Save member', hidden: true }).closest('form')!
const conflictForm = () => screen.getByRole('form', { name: /changed the same settings before you saved yours/ })
const part = (label: string) => within(conflictForm()).getByRole('group', { name: label })

async function openTeam() {
  const apps = await twoApps('/settings')
  await screen.findByRole('row', { name: /Ana Silva/ })
  return apps
}

describe('a settings save that meets a colleague’s save', { timeout: 30_000 }, () => {
  it('adds this person’s new member to the one the colleague added meanwhile, without asking', async () => {
    const { desk, user, colleagueSaves } = await openTeam()
    await user.type(screen.getByLabelText('Member name'), 'Iris Jansen')
    await user.type(screen.getByLabelText('Member email'), 'iris@example.org')
    await colleagueSaves((s) => ({ ...s, team: [...s.team, { id: 'm-carl', name: 'Carl Berg', email: 'carl@example.org' }] }))

    await user.click(screen.getByRole('button', { name: 'Add member' }))

    expect(await screen.findByRole('row', { name: /Iris Jansen/ })).toBeInTheDocument()
    expect(screen.getByRole('row', { name: /Carl Berg/ })).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: /changed the same settings/ })).not.toBeInTheDocument()
    expect(screen.getByLabelText('Member name')).toHaveValue('')
    const saved = await value(desk.settings.get({}))
    expect(saved.team.map((m) => [m.name, m.removed ?? false])).toEqual([
      ['Ana Silva', false],
      ['Ben Okafor', false],
      ['Carl Berg', false],
      ['Iris Jansen', false],
    ])
  })

  it('shows yours and theirs for a member’s role both changed, asks, and saves the choice with the rest of both kept', async () => {
    const { desk, user, colleagueSaves, member, withMember } = await openTeam()
    await user.click(screen.getByRole('button', { name: 'Edit Ana Silva' }))
    const form = memberForm()
    await user.clear(within(form).getByLabelText(/^Role/))
    await user.type(within(form).getByLabelText(/^Role/), 'Head of security')
    await user.clear(within(form).getByLabelText('Member email'))
    await user.type(within(form).getByLabelText('Member email'), 'ana.silva@example.org')
    await colleagueSaves((s) => ({ ...withMember(s, 'm-ana', { role: 'CISO' }), organisation: 'Example B.V.' }))

    await user.click(within(form).getByRole('button', { name: 'Save member' }))

    expect(await screen.findByRole('heading', { name: 'Someone else changed the same settings before you saved yours' })).toHaveFocus()
    const role = part('Team: Ana Silva’s role')
    expect(within(role).getByText('Head of security')).toBeInTheDocument()
    expect(within(role).getByText('CISO')).toBeInTheDocument()
    expect(within(role).getByRole('radio', { name: /^Yours/ })).not.toBeChecked()
    // Only this person changed the email: kept without asking; only the colleague the organisation: named, kept.
    expect(within(part('Team: Ana Silva’s email')).queryByRole('radio')).not.toBeInTheDocument()
    expect(part('Team: Ana Silva’s email')).toHaveTextContent('Yours is kept.')
    expect(conflictForm()).toHaveTextContent('They also changed Organisation; kept as they saved it.')
    // The member form waits, hidden, with what was typed.
    expect(within(form).getByLabelText(/^Role/)).toHaveValue('Head of security')
    expect(form).not.toBeVisible()

    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))
    expect(within(conflictForm()).getByRole('alert')).toHaveTextContent('Choose yours or theirs for: Team: Ana Silva’s role.')
    expect(within(role).getByRole('radio', { name: /^Yours/ })).toHaveFocus()
    await user.click(within(role).getByRole('radio', { name: /^Theirs/ }))
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: /changed the same settings/ })).not.toBeInTheDocument())
    expect(screen.queryByRole('button', { name: 'Save member' })).not.toBeInTheDocument()
    const row = screen.getByRole('row', { name: /Ana Silva/ })
    expect(row).toHaveTextContent('ana.silva@example.org')
    expect(row).toHaveTextContent('CISO')
    const saved = await value(desk.settings.get({}))
    expect(member(saved, 'm-ana')).toEqual({ ...ana, email: 'ana.silva@example.org', role: 'CISO' })
    expect(saved.organisation).toBe('Example B.V.')
  })

  it('asks again when the colleague saves once more before the choice is saved, and keeps mine when chosen', async () => {
    const { desk, user, colleagueSaves, member, withMember } = await openTeam()
    await user.click(screen.getByRole('button', { name: 'Edit Ben Okafor' }))
    await user.type(within(memberForm()).getByLabelText(/^Role/), 'Engineer')
    await colleagueSaves((s) => withMember(s, 'm-ben', { role: 'Developer' }))
    await user.click(screen.getByRole('button', { name: 'Save member' }))
    await screen.findByRole('form', { name: /changed the same settings/ })
    await user.click(screen.getByRole('button', { name: 'Keep all mine' }))
    await colleagueSaves((s) => withMember(s, 'm-ben', { role: 'Tester' }))

    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(within(part('Team: Ben Okafor’s role')).getByText('Tester')).toBeInTheDocument())
    expect(within(part('Team: Ben Okafor’s role')).getByRole('radio', { name: /^Yours/ })).not.toBeChecked()
    await user.click(within(part('Team: Ben Okafor’s role')).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('form', { name: /changed the same settings/ })).not.toBeInTheDocument())
    expect(member(await value(desk.settings.get({})), 'm-ben')?.role).toBe('Engineer')
  })

  it('goes back to the member form with everything typed; saving again compares again', async () => {
    const { desk, user, colleagueSaves, member, withMember } = await openTeam()
    await user.click(screen.getByRole('button', { name: 'Edit Ben Okafor' }))
    await user.type(within(memberForm()).getByLabelText(/^Role/), 'Engineer')
    await colleagueSaves((s) => withMember(s, 'm-ben', { role: 'Developer' }))
    await user.click(screen.getByRole('button', { name: 'Save member' }))
    await screen.findByRole('form', { name: /changed the same settings/ })

    await user.click(screen.getByRole('button', { name: 'Back to my edits' }))

    expect(screen.queryByRole('form', { name: /changed the same settings/ })).not.toBeInTheDocument()
    const save = screen.getByRole('button', { name: 'Save member' })
    expect(save).toBeVisible()
    await waitFor(() => expect(save).toHaveFocus())
    expect(within(memberForm()).getByLabelText(/^Role/)).toHaveValue('Engineer')
    expect(member(await value(desk.settings.get({})), 'm-ben')?.role).toBe('Developer')
    await user.click(save)
    expect(await screen.findByRole('form', { name: /changed the same settings/ })).toBeInTheDocument()
  })

  it('shows a refusal of the merged settings at the field: the colleague added someone with the same email', async () => {
    const { desk, user, colleagueSaves } = await openTeam()
    await user.type(screen.getByLabelText('Member name'), 'Iris Jansen')
    await user.type(screen.getByLabelText('Member email'), 'iris@example.org')
    await colleagueSaves((s) => ({ ...s, team: [...s.team, { id: 'm-iris', name: 'Iris J.', email: 'iris@example.org' }] }))

    await user.click(screen.getByRole('button', { name: 'Add member' }))

    await waitFor(() => expect(screen.getByLabelText('Member email')).toHaveAccessibleDescription(/already has this email address/))
    expect(screen.getByLabelText('Member name')).toHaveValue('Iris Jansen')
    expect((await value(desk.settings.get({}))).team.filter((m) => m.email === 'iris@example.org')).toHaveLength(1)
  })

  it('asks about the organisation both changed; taking theirs shows theirs in the field', async () => {
    const { desk, user, colleagueSaves } = await openTeam()
    await user.type(screen.getByLabelText('Organisation'), 'Example Ltd')
    await colleagueSaves((s) => ({ ...s, organisation: 'Example B.V.' }))
    await user.click(screen.getByRole('button', { name: 'Save organisation' }))
    await screen.findByRole('form', { name: /changed the same settings/ })
    expect(within(part('Organisation')).getByText('Example Ltd')).toBeInTheDocument()
    expect(within(part('Organisation')).getByText('Example B.V.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Take all theirs' }))
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: /changed the same settings/ })).not.toBeInTheDocument())
    expect(screen.getByLabelText('Organisation')).toHaveValue('Example B.V.')
    expect(screen.getByRole('button', { name: 'Save organisation' })).toBeDisabled()
    expect((await value(desk.settings.get({}))).organisation).toBe('Example B.V.')
  })

  it('on the team calendar, asks about the time zone both changed and keeps the rest of both', async () => {
    const { desk, user, colleagueSaves } = await twoApps('/settings/calendar')
    await within(await screen.findByLabelText('Country')).findByRole('option', { name: 'Germany' }, { timeout: 10_000 })
    await user.clear(screen.getByLabelText('Time zone'))
    await user.type(screen.getByLabelText('Time zone'), 'Europe/Brussels')
    await colleagueSaves((s) => ({
      ...s,
      calendar: { ...s.calendar, endOfWorkingDay: '18:00', spec: { ...s.calendar.spec, timeZone: 'Europe/London' } },
    }))

    await user.click(screen.getByRole('button', { name: 'Save team calendar' }))

    const zone = await screen.findByRole('group', { name: 'Calendar: time zone' })
    expect(within(zone).getByText('Europe/Brussels')).toBeInTheDocument()
    expect(within(zone).getByText('Europe/London')).toBeInTheDocument()
    expect(screen.getByRole('form', { name: 'Team calendar settings', hidden: true })).not.toBeVisible()
    await user.click(within(zone).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    expect(await screen.findByRole('status')).toHaveTextContent('Saved. New cases are counted on this team calendar')
    expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/Brussels')
    const { calendar } = await value(desk.settings.get({}))
    expect([calendar.spec.timeZone, calendar.endOfWorkingDay]).toEqual(['Europe/Brussels', '18:00'])
  })

  describe('a team calendar stored without a time zone of its own (the place’s)', () => {
    const placeZone = (s: Settings): Settings => ({ ...s, calendar: { ...s.calendar, spec: { ...s.calendar.spec, timeZone: undefined } } })
    /** This person makes Saturday a working day, on the calendar as first stored; the zone field stays empty. */
    async function saturdayAfter(colleague: (s: Settings['calendar']['spec']) => Partial<Settings['calendar']['spec']>) {
      const apps = await twoApps('/settings/calendar', placeZone)
      await within(await screen.findByLabelText('Country')).findByRole('option', { name: 'Germany' }, { timeout: 10_000 })
      expect(screen.getByLabelText('Time zone')).toHaveAttribute('placeholder', 'Europe/Amsterdam')
      await apps.user.click(screen.getByRole('button', { name: 'Sat' }))
      await apps.colleagueSaves((s) => ({ ...s, calendar: { ...s.calendar, spec: { ...s.calendar.spec, ...colleague(s.calendar.spec) } } }))
      await apps.user.click(screen.getByRole('button', { name: 'Save team calendar' }))
      expect(await screen.findByRole('status')).toHaveTextContent('Saved.')
      expect(screen.queryByRole('form', { name: /changed the same settings/ })).not.toBeInTheDocument()
      return (await value(apps.desk.settings.get({}))).calendar.spec
    }

    it('a colleague’s move to Germany keeps Germany’s zone: the Dutch one is not saved as this person’s change', async () => {
      const spec = await saturdayAfter(() => ({ country: 'DE', state: undefined, region: undefined }))
      expect([spec.country, spec.timeZone, spec.workWeek]).toEqual(['DE', undefined, [1, 2, 3, 4, 5, 6]])
    })

    it('a zone the colleague chose is kept without asking', async () => {
      const spec = await saturdayAfter(() => ({ timeZone: 'Europe/London' }))
      expect([spec.timeZone, spec.workWeek]).toEqual(['Europe/London', [1, 2, 3, 4, 5, 6]])
    })
  })

  it('making a policy the default while a colleague made another one the default asks which stays', async () => {
    const { desk, user, colleague, colleagueSaves } = await twoApps('/policies/ikuu')
    await screen.findByRole('heading', { level: 2, name: 'IKUU Responsible Disclosure' }, { timeout: 10_000 })
    // The colleague adds a policy of the team's own and makes it the default; this app has not seen either yet.
    await value(colleague.policies.save({ policy: copyPolicy(aimmsPolicy, 'ours', 'Our policy'), base: null }))
    await colleagueSaves((s) => ({ ...s, defaultPolicyId: 'ours' }))

    await user.click(screen.getByRole('button', { name: 'Use as default for new cases' }))

    const choice = await screen.findByRole('group', { name: 'Default policy' })
    expect(within(choice).getByText('IKUU Responsible Disclosure')).toBeInTheDocument()
    expect(within(choice).getByText('Our policy')).toBeInTheDocument()
    // No form behind it: going back is not changing the default.
    expect(within(conflictForm()).getByRole('button', { name: 'Cancel' })).toBeInTheDocument()
    await user.click(within(choice).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Default for new cases')).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: /changed the same settings/ })).not.toBeInTheDocument()
    expect((await value(desk.settings.get({}))).defaultPolicyId).toBe('ikuu')
  })

  it('shows a colleague’s names and values as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const { user, colleagueSaves, withMember } = await openTeam()
    await user.click(screen.getByRole('button', { name: 'Edit Ben Okafor' }))
    await user.type(within(memberForm()).getByLabelText(/^Role/), 'Engineer')
    await colleagueSaves((s) => withMember(s, 'm-ben', { name: hostile, role: '<b>Lead</b>' }))
    await user.click(screen.getByRole('button', { name: 'Save member' }))

    const role = await screen.findByRole('group', { name: `Team: ${hostile}’s role` })
    expect(within(role).getByText('<b>Lead</b>')).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('.clash-choices b')).toBeNull()
  })
})
