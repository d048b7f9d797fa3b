import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('sample cases and settings, end to end', () => {
  it('loads a dozen marked sample cases, shows hostile text as text, and removes them in one step', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('button', { name: 'Load sample cases' }).click()
    await page.getByRole('button', { name: 'Remove sample cases' }).waitFor()
    await expect.poll(() => page.getByRole('row').count()).toBe(13)
    await app.screenshot('10-sample-cases')

    await page.getByRole('row').filter({ hasText: 'HYPERLINK' }).click()
    await page.getByRole('heading', { name: /HYPERLINK/ }).waitFor()
    expect(await page.locator('script:not([src]), iframe, img').count()).toBe(0)
    await app.screenshot('11-sample-hostile-case')

    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('button', { name: 'Remove sample cases' }).click()
    await page.getByRole('button', { name: 'Load sample cases' }).waitFor()
    const onDisk = JSON.parse(await readFile(app.storeFile, 'utf8')) as { cases: unknown[] }
    expect(onDisk.cases).toEqual([])
  })

  it('adds a team member and chooses them as the person using this app', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('link', { name: 'Settings' }).first().click()
    await page.getByLabel('Member name').fill('Iris Jansen')
    await page.getByLabel('Member email').fill('iris@example.com')
    await page.getByRole('button', { name: 'Add member' }).click()
    await page.getByRole('option', { name: 'Iris Jansen' }).first().waitFor({ state: 'attached' })
    await page.getByLabel('I am').selectOption({ label: 'Iris Jansen' })
    await page.getByRole('complementary').getByText('Iris Jansen').waitFor()
    await app.screenshot('12-settings-team')

    await page.getByLabel('Member name').fill('Ana Silva')
    await page.getByLabel('Member email').fill('ana@example.com')
    await page.getByRole('button', { name: 'Add member' }).click()
    await page.getByRole('button', { name: 'Remove Ana Silva' }).click()
    await page.getByRole('button', { name: 'Remove', exact: true }).click()
    await page.getByText('Removed from the team: Ana Silva.', { exact: false }).waitFor()
    await app.screenshot('13-settings-member-removed')

    const onDisk = JSON.parse(await readFile(app.storeFile, 'utf8')) as { settings: { team: { name: string; removed?: boolean }[] } }
    // Ana is kept, marked removed, so her name still shows on the cases and timeline entries she is on.
    expect(onDisk.settings.team.map((m) => [m.name, m.removed ?? false])).toEqual([
      ['Iris Jansen', false],
      ['Ana Silva', true],
    ])
  })
})
