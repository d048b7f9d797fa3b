import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { aimmsPolicy } from '../../src/policies/presets'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

async function openPolicies(path = '/policies') {
  const { desk } = await desks.open()
  const { user } = renderApp(desk, path)
  await screen.findByRole('heading', { level: 1, name: 'Policies' })
  return { desk, user }
}

const policyText = () => screen.getByRole('region', { name: 'Policy text' }).querySelector('.policy-text')!
const marks = () => [...policyText().querySelectorAll('mark')].map((m) => m.textContent)

describe('policies', { timeout: 20_000 }, () => {
  it('shows the AIMMS preset first, its rules in a table and each quoted sentence marked in its text', async () => {
    await openPolicies()

    expect(
      within(screen.getByRole('navigation', { name: 'Policies' }))
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['AIMMS Responsible Disclosure PolicyPreset · 4 rules', 'IKUU Responsible DisclosurePreset · 6 rules'])
    expect(await screen.findByRole('heading', { level: 2, name: 'AIMMS Responsible Disclosure Policy' })).toBeInTheDocument()
    const rows = within(screen.getByRole('table', { name: 'Rules' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].slice(0, 5).map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['Send evaluation', 'Received', '15 business days', 'Once', 'Evaluation sent'],
      ['Send progress update', 'Evaluation sent', '10 business days', 'Fix released', 'Progress update sent'],
      ['Confirm credit', 'Received', 'No time limit (before Published)', 'Once', 'Credit chosen on the case'],
      ['Consult reporter on publication', 'Received', 'No time limit (before Published)', 'Once', 'Reporter consulted on publication'],
    ])
    expect(marks()).toEqual([
      'We will respond to your report within 15 business days with our evaluation of the report and an expected resolution date.',
      'We will keep you informed of the progress towards resolving the problem.',
      'In the public information concerning the problem reported, we will give your name as the discoverer of the problem (unless you desire otherwise).',
      'We strive to resolve all problems as quickly as possible, and we would like to play an active role in the ultimate publication on the problem after it is resolved.',
    ])
    expect(policyText().textContent).toBe(aimmsPolicy.text)
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull()
  })

  it('copy to edit stores a policy of the team’s own, based on the preset, and opens it for editing', async () => {
    const { desk, user } = await openPolicies('/policies/aimms')

    await user.click(await screen.findByRole('button', { name: 'Copy to edit' }))

    expect(await screen.findByRole('form', { name: 'Edit AIMMS Responsible Disclosure Policy (copy)' })).toBeInTheDocument()
    const copy = (await value(desk.policies.list({}))).find((p) => p.id === 'aimms-copy-1')
    expect(copy).toEqual({ ...aimmsPolicy, id: 'aimms-copy-1', name: 'AIMMS Responsible Disclosure Policy (copy)', basedOn: 'aimms', preset: false })
    expect(screen.getByLabelText('Policy name')).toHaveValue('AIMMS Responsible Disclosure Policy (copy)')
  })

  it('an edited quote that is not in the text is refused at the quote, naming the rule by its place, not its id', async () => {
    const { desk, user } = await openPolicies('/policies/aimms')
    await user.click(await screen.findByRole('button', { name: 'Copy to edit' }))
    const rule = within(await screen.findByRole('group', { name: 'Rule 1: Send evaluation' }))

    await user.clear(rule.getByLabelText('Quoted sentence'))
    await user.type(rule.getByLabelText('Quoted sentence'), 'We will respond within 5 business days.')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    const message = 'The quoted sentence is not in the policy text; copy it from the text word for word'
    await waitFor(() => expect(rule.getByLabelText('Quoted sentence')).toHaveAccessibleDescription(`Copied word for word from the policy text. ${message}`))
    expect(screen.getByRole('alert')).toHaveTextContent(`The policy was not saved. Fix the fields marked below:Rule 1 · Quoted sentence: ${message}`)
    const stored = (await value(desk.policies.list({}))).find((p) => p.id === 'aimms-copy-1')
    expect(stored?.rules[0]?.quote).toBe(aimmsPolicy.rules[0]!.quote)
  })

  it('a refusal from the backend shows at its field in the backend’s words, named by the rule’s place, never as a path', async () => {
    const { desk, user } = await openPolicies('/policies/aimms')
    await user.click(await screen.findByRole('button', { name: 'Copy to edit' }))
    const rule = within(await screen.findByRole('group', { name: 'Rule 2: Send progress update' }))
    // As dispatch words a refusal (userWords): the path names the field, the message is a sentence for people.
    desk.policies.save = async () => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The policy “AIMMS (copy)” was not saved. Enter 3650 or less.',
        issues: [{ path: 'rules.1.amount', message: 'Enter 3650 or less' }],
      },
    })

    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    await waitFor(() => expect(rule.getByLabelText('Days')).toHaveAccessibleDescription('Empty: no time limit. Enter 3650 or less'))
    expect(screen.getByRole('alert')).toHaveTextContent('Rule 2 · Days: Enter 3650 or less')
    expect(document.body.textContent).not.toMatch(/rules\.1/)
    await waitFor(() => expect(rule.getByLabelText('Days')).toHaveFocus())

    await user.type(rule.getByLabelText('Days'), '5')
    expect(rule.getByLabelText('Days')).toHaveAccessibleDescription('Empty: no time limit.')
  })

  it('the local check words a refusal as the backend does (userWords), never as zod’s own text, and sends nothing', async () => {
    const { desk, user } = await openPolicies('/policies/aimms')
    await user.click(await screen.findByRole('button', { name: 'Copy to edit' }))
    const rule = within(await screen.findByRole('group', { name: 'Rule 1: Send evaluation' }))
    const save = vi.spyOn(desk.policies, 'save')

    await user.clear(rule.getByLabelText('Days'))
    await user.type(rule.getByLabelText('Days'), '-1')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    await waitFor(() => expect(rule.getByLabelText('Days')).toHaveAccessibleDescription('Empty: no time limit. Enter 0 or more'))
    expect(screen.getByRole('alert')).toHaveTextContent('Rule 1 · Days: Enter 0 or more')
    expect(document.body.textContent).not.toMatch(/rules\.0|Too small|expected number/)
    expect(save).not.toHaveBeenCalled()
  })

  it('a saved edit changes the rules table, and the policy can become the default for new cases', async () => {
    const { desk, user } = await openPolicies('/policies/ikuu')
    await user.click(await screen.findByRole('button', { name: 'Copy to edit' }))
    const rule = within(await screen.findByRole('group', { name: 'Rule 2: Send evaluation' }))
    await user.selectOptions(rule.getByLabelText('Unit'), 'Calendar days')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    const row = await screen.findByRole('row', { name: /^Send evaluation/ })
    expect([...row.children].map((c) => c.textContent).slice(0, 3)).toEqual(['Send evaluation', 'Acknowledgement sent', '3 calendar days (a day off moves it to the next business day)'])

    await user.click(screen.getByRole('button', { name: 'Use as default for new cases' }))
    await screen.findByText('Default for new cases')
    expect((await value(desk.settings.get({}))).defaultPolicyId).toBe('ikuu-copy-1')
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled()
  })

  it('a calendar-day rule says what happens when its last day is a day off; a business-day rule does not ask', async () => {
    const { desk, user } = await openPolicies('/policies/ikuu')
    await user.click(await screen.findByRole('button', { name: 'Copy to edit' }))
    const first = within(await screen.findByRole('group', { name: 'Rule 1: Acknowledge receipt' }))
    const second = within(screen.getByRole('group', { name: 'Rule 2: Send evaluation' }))
    expect(first.queryByLabelText('Last day on a day off')).toBeNull()
    expect(second.queryByLabelText('Last day on a day off')).toBeNull()

    await user.selectOptions(second.getByLabelText('Unit'), 'Calendar days')
    expect(second.getByLabelText('Last day on a day off')).toHaveDisplayValue('Next business day')
    await user.selectOptions(second.getByLabelText('Last day on a day off'), 'It stays')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    const row = await screen.findByRole('row', { name: /^Send evaluation/ })
    expect(row.children[2]?.textContent).toBe('3 calendar days (may end on a day off)')
    const stored = (await value(desk.policies.list({}))).find((p) => p.id === 'ikuu-copy-1')
    expect(stored?.rules[1]).toMatchObject({ unit: 'calendar_days', onDayOff: 'stays' })
  })

  it('leaving the editor with unsaved changes asks first; staying keeps them', async () => {
    const { user } = await openPolicies('/policies/aimms')
    await user.click(await screen.findByRole('button', { name: 'Copy to edit' }))
    await user.type(await screen.findByLabelText('Policy name'), ' for the portal')

    await user.click(within(screen.getByRole('navigation', { name: 'Policies' })).getByRole('link', { name: /^IKUU/ }))

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' })
    expect(dialog).toHaveTextContent('Your changes to “AIMMS Responsible Disclosure Policy (copy)” will be lost.')
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }))
    expect(screen.getByLabelText('Policy name')).toHaveValue('AIMMS Responsible Disclosure Policy (copy) for the portal')
  })

  it('shows a policy text with markup as plain text', async () => {
    const { desk } = await desks.open()
    const text = 'We reply <b>fast</b>.\n<img src=x onerror=alert(1)>We confirm receipt within two business days.'
    const quote = 'We confirm receipt within two business days.'
    const rule = { ...aimmsPolicy.rules[0]!, id: 'ack', due: 'acknowledgement' as const, quote, metBy: 'acknowledgement_sent' as const }
    await value(desk.policies.save({ policy: { id: 'ours', name: 'Ours', text, rules: [rule] }, base: null }))
    renderApp(desk, '/policies/ours')

    await screen.findByRole('heading', { level: 2, name: 'Ours' })
    expect(policyText().textContent).toBe(text)
    expect(marks()).toEqual([quote])
    expect(document.querySelector('img, b')).toBeNull()
  })
})
