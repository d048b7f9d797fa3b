import { afterEach, describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { fromRow, type CaseRow } from '../../src/cases/summary'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

function report(title: string, receivedAt: string): CaseInput {
  return {
    title,
    reporter: { name: 'Ada Researcher', email: 'ada@example.org', language: 'en' },
    received: { at: receivedAt, timeZone: 'Europe/Amsterdam' },
    channel: 'email',
    reportText: 'Steps to reproduce are attached.',
    severity: { kind: 'unrated' },
    tags: [],
  }
}

describe('the open app follows the clock and the shared file, end to end', () => {
  it('left open across midnight, "Due today" turns "Overdue" without a reload', async () => {
    app = await launchApp({ clock: '2026-03-02T09:30:00+01:00' })
    const { page } = app
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor()
    // Set up through the desk, as the form would: the test is about what happens after.
    const row0 = await page.evaluate(async (input) => {
      const desk = (window as unknown as { desk: { cases: { create(i: unknown): Promise<unknown>; list(r: object): Promise<{ ok: true; value: CaseRow[] }> } } }).desk
      await desk.cases.create(input)
      return (await desk.cases.list({})).value[0]!
    }, report('Open redirect on login', '2026-03-02T09:00:00+01:00'))
    const due = fromRow(row0).nextDeadline!.dueDate!

    // Late afternoon on the day the evaluation is due, in Amsterdam.
    await app.clock.setSystemTime(`${due}T16:00:00+01:00`)
    const row = page.getByRole('row').filter({ hasText: 'Open redirect on login' })
    await row.getByText('Due today').waitFor()
    await app.screenshot('30-live-due-today')

    // Eight and a half hours on: 00:30 the next day. No reload, no click.
    await app.clock.fastForward(8.5 * 3_600_000)
    await row.getByText(/^Overdue/).waitFor()
    expect(await row.getByText('Due today').count()).toBe(0)
    await app.screenshot('31-live-overdue-after-midnight')
  })

  it('a colleague’s save to the shared store file shows in the open list', async () => {
    app = await launchApp()
    const { page } = app
    await page.evaluate(async (input) => {
      await (window as unknown as { desk: { cases: { create(i: unknown): Promise<unknown> } } }).desk.cases.create(input)
    }, report('Open redirect on login', '2026-03-02T09:00:00+01:00'))
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('row').filter({ hasText: 'Open redirect on login' }).waitFor()
    await page.getByText('1 case', { exact: true }).waitFor()

    const colleague = await app.openColleagueStore()
    await colleague.cases.create(report('SQL injection in search', '2026-03-04T11:00:00+01:00'))

    await page.getByRole('row').filter({ hasText: 'SQL injection in search' }).waitFor({ timeout: 10_000 })
    await page.getByText('2 cases', { exact: true }).waitFor()
    expect(app.events.map((e) => e.name)).toContain('store:changedOnDisk')
    await app.screenshot('32-live-colleague-case')
  })
})
