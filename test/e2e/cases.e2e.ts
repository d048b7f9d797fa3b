import { readFile, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDesk } from '../support/testDesk'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('cases, end to end in Chromium over a real store file', () => {
  it('creates a case, finds it by search, changes its status, and sees it again after a restart', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: 'New case' }).first().waitFor()
    await app.screenshot('01-empty-state')

    await page.getByRole('button', { name: 'New case' }).first().click()
    await page.getByLabel('Title').fill('Stored XSS in the support portal')
    await page.getByLabel('Reporter name').fill('Ada Researcher')
    await page.getByLabel('Reporter email').fill('ada@example.org')
    await page.getByLabel('Report text').fill('Steps: post <img src=x onerror=alert(1)> as a ticket subject.\nzebrafish-marker')
    await app.screenshot('02-new-case-form')
    // Clicking away from the half-filled form asks first; Stay keeps what was typed.
    await page.getByRole('link', { name: 'Cases' }).first().click()
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' })
    await leave.getByText('Your changes to the new case will be lost.').waitFor()
    await app.screenshot('02b-leave-without-saving')
    await leave.getByRole('button', { name: 'Stay' }).click()
    expect(await page.getByLabel('Title').inputValue()).toBe('Stored XSS in the support portal')
    await page.getByRole('button', { name: /^(Save|Create case)$/ }).click()

    await page.getByRole('heading', { name: 'Stored XSS in the support portal' }).waitFor()
    expect(await page.locator('img').count()).toBe(0)
    await page.getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor()
    await app.screenshot('03-case-detail')

    await page.getByRole('button', { name: 'Move to Acknowledged' }).click()
    await page.getByText('Acknowledged').first().waitFor()

    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByLabel('Search cases').fill('zebrafish')
    const rows = page.getByRole('row').filter({ hasText: 'Stored XSS in the support portal' })
    await expect.poll(() => rows.count()).toBe(1)
    await app.screenshot('04-case-list-search')

    const onDisk = JSON.parse(await readFile(app.storeFile, 'utf8')) as { cases: { title: string; status: string }[] }
    expect(onDisk.cases.map((c) => [c.title, c.status])).toEqual([['Stored XSS in the support portal', 'acknowledged']])

    await app.restart()
    // The app opens on Today; the case is looked up in the list.
    await page.getByRole('link', { name: 'Cases' }).first().click()
    await page.getByRole('row').filter({ hasText: 'Stored XSS in the support portal' }).first().click()
    await page.getByRole('heading', { name: 'Stored XSS in the support portal' }).waitFor()
    await page.getByText('Acknowledged').first().waitFor()
  })

  it('a case whose policy is gone shows that in its own row, and every other case counts as usual', async () => {
    const { mkdtemp } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const seed = await createTestDesk()
    const input = {
      reporter: { name: 'Ada Researcher', email: 'ada@example.org', language: 'en' as const },
      received: { at: '2026-11-23T10:00:00+01:00', timeZone: 'Europe/Amsterdam' },
      channel: 'email' as const,
      reportText: 'Steps attached.',
      severity: { kind: 'unrated' as const },
      tags: [],
    }
    const kept = await seed.desk.cases.create({ ...input, title: 'Open redirect on login' })
    const orphan = await seed.desk.cases.create({ ...input, title: 'SQL injection in search' })
    const document = JSON.parse(await readFile(seed.file, 'utf8')) as { cases: { title: string; policyId: string }[] }
    await seed.dispose()
    expect(kept.ok && orphan.ok).toBe(true)
    for (const c of document.cases) if (c.title === 'SQL injection in search') c.policyId = 'retired-policy'
    const file = join(await mkdtemp(join(tmpdir(), 'dd-orphan-')), 'disclosure-desk.json')
    await writeFile(file, JSON.stringify(document))

    app = await launchApp({ storeFile: file })
    await app.page.getByRole('link', { name: 'Cases' }).first().click()
    const row = (title: string) => app!.page.getByRole('row').filter({ hasText: title })
    await row('SQL injection in search').getByText('Not counted: its policy no longer exists', { exact: false }).waitFor()
    await row('Open redirect on login').getByText(/^(In \d+ days|Tomorrow|Due today|Overdue)/).waitFor()
    // Words, never the policy's id.
    expect(await app.page.locator('.content').innerText()).not.toContain('retired-policy')
    expect(await app.page.getByRole('alert').count()).toBe(0)
    await app.screenshot('06-case-row-problem')
  })

  it('opens the recovery screen for a corrupt store and leaves the file untouched', async () => {
    const { mkdtemp } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const file = join(await mkdtemp(join(tmpdir(), 'dd-corrupt-')), 'disclosure-desk.json')
    const truncated = '{"schemaVersion":1,"cases":[{"id":"a","title":"Half a ca'
    await writeFile(file, truncated)
    app = await launchApp({ storeFile: file })
    await app.page.getByRole('button', { name: 'Open another file…' }).waitFor()
    await app.page.getByText(file, { exact: false }).first().waitFor()
    await app.screenshot('05-recovery')
    expect(await readFile(file, 'utf8')).toBe(truncated)

    app.dialogs.create = join(file, '..', 'fresh-store.json')
    await app.page.getByRole('button', { name: 'Start a new store elsewhere…' }).click()
    await app.page.getByRole('button', { name: 'Load sample cases' }).waitFor()
    expect(await readFile(file, 'utf8')).toBe(truncated)
  })
})
