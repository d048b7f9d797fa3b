import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const now = () => new Date('2026-11-23T10:00:00Z')

describe('editing screens, end to end', () => {
  it('edits a case, refuses an invalid email at its field, and closes a case as a duplicate of another', async () => {
    app = await launchApp({ now })
    const { page } = app
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('button', { name: 'Load sample cases' }).click()
    await page.getByRole('row').filter({ hasText: 'SQL injection in product search' }).click()
    await page.getByRole('heading', { name: /SQL injection/ }).waitFor()

    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    await page.getByLabel('Reporter email').fill('not an email')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText('Enter a valid email address').first().waitFor()
    await app.screenshot('30-case-edit-invalid')
    // Choosing the credit is what keeps the promise to confirm it; the field says so.
    await page.getByLabel('Credit choice').scrollIntoViewIfNeeded()
    await page.getByText('keeps the promise to confirm credit').waitFor()
    await app.screenshot('30b-case-edit-credit')
    await page.getByLabel('Reporter email').fill('aiko@example.org')
    await page.getByLabel('Title').fill('SQL injection in the product search filter')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('heading', { name: 'SQL injection in the product search filter' }).waitFor()

    await page.getByRole('button', { name: 'Close case…' }).click()
    await page.getByLabel('Closing reason').selectOption('duplicate')
    await page.getByLabel('Original case').fill('VD-2026-011')
    await app.screenshot('31-close-as-duplicate')
    await page.getByRole('form', { name: 'Close case' }).getByRole('button', { name: 'Close case' }).click()
    // Its deadlines were still running: closing asks first.
    const dialog = page.getByRole('dialog', { name: 'Close with promises still open?' })
    await dialog.waitFor()
    await app.screenshot('31b-close-with-open-promises')
    await dialog.getByRole('button', { name: 'Close anyway' }).click()
    await page.getByRole('link', { name: 'VD-2026-011' }).first().waitFor()
    await app.screenshot('32-closed-duplicate')

    const doc = JSON.parse(await readFile(app.storeFile, 'utf8')) as {
      cases: { key: string; id: string; title: string; status: string; closingReason?: string; duplicateOf?: string; reporter: { email: string } }[]
    }
    const original = doc.cases.find((c) => c.key === 'VD-2026-011')!
    const closed = doc.cases.find((c) => c.title === 'SQL injection in the product search filter')!
    expect([closed.status, closed.closingReason, closed.duplicateOf, closed.reporter.email]).toEqual([
      'closed',
      'duplicate',
      original.id,
      'aiko@example.org',
    ])
  })

  it('copies a preset policy to edit it', async () => {
    app = await launchApp({ now })
    const { page } = app
    await page.getByRole('link', { name: 'Policies' }).first().click()
    await page.getByRole('button', { name: 'Copy to edit' }).click()
    await page.getByLabel('Policy name').waitFor()
    expect(await page.getByLabel('Policy name').inputValue()).toBe('AIMMS Responsible Disclosure Policy (copy)')
    await app.screenshot('33-policy-editor')

    // A refusal is named by the rule's place and the field's label, at the field: never 'rules.0.amount' or schema text.
    const rule = page.getByRole('group', { name: 'Rule 1: Send evaluation' })
    await rule.getByLabel('Days').fill('-1')
    await page.getByRole('button', { name: 'Save policy' }).click()
    const words = 'Enter 0 or more'
    await page.getByRole('alert').filter({ hasText: `Rule 1 · Days: ${words}` }).waitFor()
    await rule.getByText(words).waitFor()
    expect(await page.locator('.content').innerText()).not.toMatch(/rules\.0|Too small/)
    await app.screenshot('34-policy-field-message')

    // A calendar-day rule says what happens when its last day is a day off.
    await rule.getByLabel('Days').fill('15')
    await rule.getByLabel('Unit').selectOption({ label: 'Calendar days' })
    await rule.getByLabel('Last day on a day off').selectOption({ label: 'It stays' })
    await rule.getByLabel('Last day on a day off').scrollIntoViewIfNeeded()
    await app.screenshot('35-policy-day-off-choice')
    await page.getByRole('button', { name: 'Save policy' }).click()
    await page.getByRole('table', { name: 'Rules' }).waitFor()
    await app.screenshot('36-policy-saved')
  })
})
