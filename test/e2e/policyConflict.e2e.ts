import { afterEach, describe, expect, it } from 'vitest'
import type { Policy } from '../../src/policies/policy'
import { aimmsPolicy } from '../../src/policies/presets'
import type { Store } from '../../src/store'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const ours: Policy = { ...aimmsPolicy, id: 'ours', name: 'Our disclosure policy', basedOn: 'aimms' }

type Desk = { policies: { save(r: { policy: Policy; base: Policy | null }): Promise<{ ok: boolean }> } }

/** This app on the team's own policy, and a colleague's app on the same store file (its writes reach this one through the watch). */
async function onOurPolicy(): Promise<{ app: AppHarness; colleague: Store }> {
  const harness = await launchApp()
  await harness.page.evaluate((policy) => (window as unknown as { desk: Desk }).desk.policies.save({ policy, base: null }), ours)
  const colleague = await harness.openColleagueStore()
  // The app listens for the menu's navigation once it has started: its sidebar is there then.
  await harness.page.getByRole('link', { name: 'Policies' }).first().waitFor()
  await harness.emit({ name: 'app:navigate', payload: { to: '/policies/ours' } })
  await harness.page.getByRole('heading', { level: 2, name: 'Our disclosure policy' }).waitFor()
  return { app: harness, colleague }
}

/** The colleague changes the policy as the file holds it now. */
async function colleagueSaves(colleague: Store, change: (p: Policy) => Policy) {
  await colleague.sync()
  const now = colleague.policies.list().find((p) => p.id === 'ours')!
  await colleague.policies.save(change(now), now)
}

describe('two people editing one policy of a shared store file', () => {
  it('both change the evaluation rule: the second sees both in words, chooses, and the choice is saved with the rest merged', async () => {
    const started = await onOurPolicy()
    app = started.app
    const { page } = app
    await page.getByRole('button', { name: 'Edit' }).click()
    const rule = page.getByRole('group', { name: 'Rule 1: Send evaluation' })
    await rule.getByLabel('Days').fill('10')
    await page.getByLabel('Policy name').fill('Our disclosure policy (2026)')
    await colleagueSaves(started.colleague, (p) => ({
      ...p,
      text: `${p.text}\nWe publish an advisory for every fixed problem.`,
      rules: p.rules.map((r, i) => (i === 0 ? { ...r, amount: 20, reading: 'Twenty business days, as agreed with legal.' } : r)),
    }))
    await page.getByRole('button', { name: 'Save policy' }).click()

    const clash = page.getByRole('form', { name: 'Someone else saved this policy while you were editing it' })
    await clash.waitFor()
    const part = clash.getByRole('group', { name: 'Rule: send evaluation' })
    await part.getByText(/Time limit: 10 business days/).waitFor()
    await part.getByText(/Time limit: 20 business days/).waitFor()
    await clash.getByText('They also changed Policy text; kept as they saved it.').waitFor()
    await app.screenshot('policy-conflict-1-both-versions')

    await part.getByRole('radio', { name: /^Yours/ }).check()
    await clash.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { level: 2, name: 'Our disclosure policy (2026)' }).waitFor()
    await page.getByRole('row', { name: /^Send evaluation/ }).getByText('10 business days').waitFor()
    await app.screenshot('policy-conflict-2-saved')
    await started.colleague.sync()
    const saved = started.colleague.policies.list().find((p) => p.id === 'ours')!
    expect([saved.name, saved.rules[0]?.amount, saved.text.endsWith('every fixed problem.')]).toEqual(['Our disclosure policy (2026)', 10, true])
  })

  it('a deletion after a colleague’s change shows what they changed first', async () => {
    const started = await onOurPolicy()
    app = started.app
    const { page } = app
    await page.getByRole('button', { name: 'Delete' }).click()
    await colleagueSaves(started.colleague, (p) => ({ ...p, rules: p.rules.map((r, i) => (i === 0 ? { ...r, amount: 20 } : r)) }))
    await page.getByRole('button', { name: 'Delete policy' }).click()

    const changed = page.getByRole('alert').filter({ hasText: 'Someone else changed “Our disclosure policy” since you opened it' })
    await changed.getByRole('group', { name: 'Rule: send evaluation' }).getByText(/Time limit: 20 business days/).waitFor()
    await app.screenshot('policy-conflict-3-delete-after-change')
    await changed.getByRole('button', { name: 'Keep' }).click()
    await started.colleague.sync()
    expect(started.colleague.policies.list().some((p) => p.id === 'ours')).toBe(true)
  })

  it('a policy a colleague deletes while it is edited stays in the editor with what is typed, and saving keeps it', async () => {
    const started = await onOurPolicy()
    app = started.app
    const { page } = app
    await page.getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Policy name').fill('Our disclosure policy, kept')
    await started.colleague.sync()
    await started.colleague.policies.remove('ours', started.colleague.policies.list().find((p) => p.id === 'ours'))

    await page.getByRole('status').filter({ hasText: 'Someone else deleted this policy.' }).waitFor({ timeout: 10_000 })
    expect(await page.getByLabel('Policy name').inputValue()).toBe('Our disclosure policy, kept')
    await app.screenshot('policy-conflict-4-deleted-while-edited')
    await page.getByRole('button', { name: 'Save policy' }).click()
    await page.getByRole('heading', { level: 2, name: 'Our disclosure policy, kept' }).waitFor()
    await started.colleague.sync()
    expect(started.colleague.policies.list().find((p) => p.id === 'ours')?.name).toBe('Our disclosure policy, kept')
  })
})
