import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Policy } from '../../src/policies/policy'
import { aimmsPolicy } from '../../src/policies/presets'
import { createTestDesk } from '../support/testDesk'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()
const ours: Policy = { ...aimmsPolicy, id: 'ours', name: 'Ours', basedOn: 'aimms' }
const evaluation = aimmsPolicy.rules[0]!
const added = ' We publish an advisory for every fixed problem.'

/**
 * This app on the team's own policy, and a colleague's app on the same store file. The colleague's saves reach this
 * app through the file watch, as in the app; this app's save says which policy its edit was made on.
 */
async function twoApps({ edit = true }: { edit?: boolean } = {}) {
  const testDesk = await desks.open()
  const { desk } = testDesk
  await value(desk.policies.save({ policy: ours, base: null }))
  const colleague = await createTestDesk({ file: testDesk.file })
  desks.afterTest(() => colleague.dispose())
  const { user } = renderApp(desk, '/policies/ours')
  await screen.findByRole('heading', { level: 2, name: 'Ours' })
  if (edit) {
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await screen.findByRole('form', { name: 'Edit Ours' })
  }
  /** The colleague changes the policy as it stands in the file now. */
  const colleagueSaves = async (change: (p: Policy) => Policy) => {
    const { preset: _, ...now } = (await value(colleague.desk.policies.list({}))).find((p) => p.id === 'ours')!
    return value(colleague.desk.policies.save({ policy: change(now), base: now }))
  }
  const stored = async () => (await value(desk.policies.list({}))).find((p) => p.id === 'ours')
  return { desk, user, colleague: colleague.desk, colleagueSaves, stored }
}

const withRule = (p: Policy, index: number, change: Partial<Policy['rules'][number]>): Policy => ({
  ...p,
  rules: p.rules.map((r, i) => (i === index ? { ...r, ...change } : r)),
})
const rule = (name: string) => within(screen.getByRole('group', { name }))
const clashForm = () => screen.getByRole('form', { name: 'Someone else saved this policy while you were editing it' })
const part = (label: string) => within(clashForm()).getByRole('group', { name: label })

describe('a policy save that meets a colleague’s save of the same policy', { timeout: 60_000 }, () => {
  it('merges without asking when they changed another rule: my name and their time limit are both kept', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    await user.clear(screen.getByLabelText('Policy name'))
    await user.type(screen.getByLabelText('Policy name'), 'Ours, renamed')
    await colleagueSaves((p) => withRule(p, 1, { amount: 20 }))

    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    await screen.findByRole('heading', { level: 2, name: 'Ours, renamed' })
    expect(screen.queryByRole('form', { name: /while you were editing it/ })).not.toBeInTheDocument()
    expect(screen.getByRole('row', { name: /^Send progress update/ }).children[2]).toHaveTextContent('20 business days')
    const saved = await stored()
    expect([saved?.name, saved?.rules[1]?.amount, saved?.rules[0]]).toEqual(['Ours, renamed', 20, evaluation])
  })

  it('shows both versions of a rule both changed in words, asks, and saves the choice with their other change kept', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    await user.clear(rule('Rule 1: Send evaluation').getByLabelText('Days'))
    await user.type(rule('Rule 1: Send evaluation').getByLabelText('Days'), '10')
    await user.type(screen.getByLabelText('Policy name'), ' (2026)')
    const hostile = '<img src=x onerror=alert(1)> as <b>they</b> read it'
    await colleagueSaves((p) => ({ ...withRule(p, 0, { amount: 20, reading: hostile }), text: p.text + added }))

    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    expect(await screen.findByRole('heading', { name: 'Someone else saved this policy while you were editing it' })).toHaveFocus()
    const clash = part('Rule: send evaluation')
    const [mine, theirs] = within(clash).getAllByRole('radio').map((r) => r.closest('label')!)
    expect(mine).toHaveTextContent('Time limit: 10 business days')
    expect(mine).toHaveTextContent(`Quoted sentence: “${evaluation.quote}”`)
    expect(theirs).toHaveTextContent('Time limit: 20 business days')
    expect(theirs).toHaveTextContent(`Our reading: ${hostile}`)
    expect(document.querySelector('.clash-choices img, .clash-choices b')).toBeNull()
    expect(part('Policy name')).toHaveTextContent('Yours is kept.')
    expect(clashForm()).toHaveTextContent('They also changed Policy text; kept as they saved it.')

    // Back to the form: everything typed is there, and saving again compares again.
    await user.click(screen.getByRole('button', { name: 'Back to my edits' }))
    expect(rule('Rule 1: Send evaluation').getByLabelText('Days')).toHaveValue(10)
    await user.click(screen.getByRole('button', { name: 'Save policy' }))
    await screen.findByRole('form', { name: /while you were editing it/ })

    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))
    expect(within(clashForm()).getByRole('alert')).toHaveTextContent('Choose yours or theirs for: Rule: send evaluation.')
    await user.click(within(part('Rule: send evaluation')).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { level: 2, name: 'Ours (2026)' })
    const saved = await stored()
    expect([saved?.rules[0]?.amount, saved?.rules[0]?.reading, saved?.text]).toEqual([10, evaluation.reading, aimmsPolicy.text + added])
  })

  it('asks again when the colleague saves once more before the choice is saved', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    await user.clear(rule('Rule 1: Send evaluation').getByLabelText('Days'))
    await user.type(rule('Rule 1: Send evaluation').getByLabelText('Days'), '10')
    await colleagueSaves((p) => withRule(p, 0, { amount: 20 }))
    await user.click(screen.getByRole('button', { name: 'Save policy' }))
    await screen.findByRole('form', { name: /while you were editing it/ })
    await user.click(screen.getByRole('button', { name: 'Take all theirs' }))
    await colleagueSaves((p) => withRule(p, 0, { amount: 25 }))
    await user.click(screen.getByRole('button', { name: 'Keep all mine' }))

    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(part('Rule: send evaluation')).toHaveTextContent('Time limit: 25 business days'))
    expect(within(part('Rule: send evaluation')).getByRole('radio', { name: /^Yours/ })).not.toBeChecked()
    await user.click(within(part('Rule: send evaluation')).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))
    await screen.findByRole('table', { name: 'Rules' })
    expect((await stored())?.rules[0]?.amount).toBe(10)
  })

  it('a merged policy refused at a field goes back to the form on their version, with the refusal at that field', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    // This person rewords the sentence rule 1 quotes, and the quote with it; the colleague adds a sentence.
    const reworded = 'We will respond to your report within 10 business days.'
    fireEvent.change(screen.getByLabelText('Policy text'), { target: { value: aimmsPolicy.text.replace(evaluation.quote, reworded) } })
    fireEvent.change(rule('Rule 1: Send evaluation').getByLabelText('Quoted sentence'), { target: { value: reworded } })
    await colleagueSaves((p) => ({ ...p, text: p.text + added }))
    await user.click(screen.getByRole('button', { name: 'Save policy' }))
    await screen.findByRole('form', { name: /while you were editing it/ })

    // Their text, my quote: the quote is no longer in the text.
    await user.click(within(part('Policy text')).getByRole('radio', { name: /^Theirs/ }))
    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))

    const quote = within(await screen.findByRole('group', { name: 'Rule 1: Send evaluation' })).getByLabelText('Quoted sentence')
    await waitFor(() => expect(quote).toHaveAccessibleDescription(/The quoted sentence is not in the policy text/))
    expect(screen.queryByRole('form', { name: /while you were editing it/ })).not.toBeInTheDocument()
    expect(screen.getByLabelText('Policy text')).toHaveValue(aimmsPolicy.text + added)
    expect(quote).toHaveValue(reworded)
    // Fixed on their version, it saves without another comparison.
    fireEvent.change(quote, { target: { value: evaluation.quote } })
    await user.click(screen.getByRole('button', { name: 'Save policy' }))
    await screen.findByRole('table', { name: 'Rules' })
    expect((await stored())?.text).toBe(aimmsPolicy.text + added)
  })

  it('keeps both rules when this person and the colleague each add one to the policy', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    const count = ours.rules.length
    await user.click(screen.getByRole('button', { name: 'Add rule' }))
    const mine = rule(`Rule ${count + 1}: Acknowledge receipt`)
    fireEvent.change(mine.getByLabelText('Quoted sentence'), { target: { value: evaluation.quote } })
    // The colleague's editor adds theirs as the next rule too: under an id an editor that numbers its rules gives it.
    const theirs = { ...evaluation, id: `rule-${count + 1}`, due: 'progress_update' as const, amount: 20 }
    await colleagueSaves((p) => ({ ...p, rules: [...p.rules, theirs] }))

    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    await screen.findByRole('table', { name: 'Rules' })
    expect(screen.queryByRole('form', { name: /while you were editing it/ })).not.toBeInTheDocument()
    const saved = (await stored())!
    expect(saved.rules).toHaveLength(count + 2)
    expect(saved.rules[count]).toEqual(theirs)
    expect(saved.rules[count + 1]).toMatchObject({ due: 'acknowledgement', quote: evaluation.quote, amount: 5 })
    expect(saved.rules[count + 1]!.id).not.toBe(theirs.id)
  })

  it('a save merged with the colleague’s but refused at a field shows the refusal on their version, with my edits', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    // Made on the text with the added sentence: the editor follows the colleague's save while nothing is typed.
    await colleagueSaves((p) => ({ ...p, text: p.text + added }))
    await waitFor(() => expect(screen.getByLabelText('Policy text')).toHaveValue(aimmsPolicy.text + added), { timeout: 10_000 })
    // This person adds a rule quoting the added sentence; the colleague takes it out of the text again.
    await user.click(screen.getByRole('button', { name: 'Add rule' }))
    const mine = rule(`Rule ${ours.rules.length + 1}: Acknowledge receipt`)
    fireEvent.change(mine.getByLabelText('Quoted sentence'), { target: { value: added.trim() } })
    await colleagueSaves((p) => ({ ...p, text: aimmsPolicy.text }))

    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    const quote = mine.getByLabelText('Quoted sentence')
    await waitFor(() => expect(quote).toHaveAccessibleDescription(/The quoted sentence is not in the policy text/))
    expect(screen.getByRole('alert')).toHaveTextContent('The policy was not saved.')
    expect(screen.getByLabelText('Policy text')).toHaveValue(aimmsPolicy.text)
    expect(quote).toHaveValue(added.trim())
    expect(screen.queryByRole('form', { name: /while you were editing it/ })).not.toBeInTheDocument()
    // Fixed on their text, it saves on their version without a comparison.
    fireEvent.change(quote, { target: { value: evaluation.quote } })
    await user.click(screen.getByRole('button', { name: 'Save policy' }))
    await screen.findByRole('table', { name: 'Rules' })
    const saved = (await stored())!
    expect([saved.text, saved.rules.length, saved.rules.at(-1)?.quote]).toEqual([aimmsPolicy.text, ours.rules.length + 1, evaluation.quote])
  })

  it('a deletion after a colleague’s change shows what they changed and asks again; Delete anyway deletes it', async () => {
    const { user, colleagueSaves, stored } = await twoApps({ edit: false })
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    await colleagueSaves((p) => ({ ...p, name: 'Ours, as Ben named it' }))
    await user.click(screen.getByRole('button', { name: 'Delete policy' }))

    const changed = await screen.findByRole('alert', { name: 'Someone else changed “Ours” since you opened it' })
    expect(within(changed).getByRole('group', { name: 'Policy name' })).toHaveTextContent('When you opened itOursNowOurs, as Ben named it')
    expect(await stored()).toBeDefined()

    await user.click(within(changed).getByRole('button', { name: 'Delete anyway' }))
    await waitFor(async () => expect(await stored()).toBeUndefined())
  })

  it('keeps what is typed when a colleague deletes the policy meanwhile, and a save stores it again', async () => {
    const { user, colleague, stored } = await twoApps()
    await user.type(screen.getByLabelText('Policy name'), ' (kept)')
    await value(colleague.policies.remove({ id: 'ours', base: ours }))

    expect(await screen.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent('Someone else deleted this policy. What you typed is still here')
    expect(screen.getByLabelText('Policy name')).toHaveValue('Ours (kept)')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    await screen.findByRole('heading', { level: 2, name: 'Ours (kept)' })
    expect((await stored())?.name).toBe('Ours (kept)')
  })

  it('with nothing typed, the editor follows a colleague’s save, and an edit made then is saved on their version', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    await colleagueSaves((p) => ({ ...p, name: 'Ours, as Ben named it' }))

    await waitFor(() => expect(screen.getByLabelText('Policy name')).toHaveValue('Ours, as Ben named it'), { timeout: 10_000 })
    await user.clear(screen.getByLabelText('Policy name'))
    await user.type(screen.getByLabelText('Policy name'), 'Ours, as Ana named it')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    await screen.findByRole('heading', { level: 2, name: 'Ours, as Ana named it' })
    expect((await stored())?.name).toBe('Ours, as Ana named it')
  })
})
