import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Settings } from '../../src/settings/settings'
import { emptyDocument } from '../../src/store/document'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
let dir: string | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

// Mon 21 Dec 2026, 10:00 in Amsterdam: a report from Friday afternoon is to be acknowledged by tomorrow under IKUU.
const now = () => new Date('2026-12-21T09:00:00Z')

/** A store whose one team member, the sender, is who uses this installation; IKUU is the default policy. */
async function storeWithSender(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'desk-drafts-e2e-'))
  const storeFile = join(dir, 'disclosure-desk.json')
  const settings = Settings.parse({
    team: [{ id: 'm-sam', name: 'Sam de Vries', email: 'security@example.nl', role: 'Security lead' }],
    currentMemberId: 'm-sam',
    defaultPolicyId: 'ikuu',
    organisation: 'Voorbeeld B.V.',
  })
  await writeFile(storeFile, JSON.stringify({ ...emptyDocument(), settings }))
  return storeFile
}

describe('drafting an email, end to end', () => {
  it('from a new case: draft the acknowledgement due tomorrow, save it as .eml, mark it sent, see it met and the evaluation counting', async () => {
    app = await launchApp({ now, storeFile: await storeWithSender() })
    const { page } = app

    await page.getByRole('link', { name: 'New case' }).first().click()
    await page.getByLabel('Title').fill('Open redirect on the login page')
    await page.getByLabel('Reporter name').fill('Noor Haddad')
    await page.getByLabel('Reporter email').fill('noor@example.org')
    await page.getByLabel('Received').fill('2026-12-18T16:10')
    await page.getByLabel('Time zone').selectOption('Europe/Amsterdam')
    await page.getByLabel('Report text').fill('The next= parameter of /login redirects to any host.\nSteps: open /login?next=https://evil.example')
    await page.getByRole('button', { name: /^(Save|Create case)$/ }).click()

    const deadlines = page.getByRole('list', { name: 'Deadlines' })
    await deadlines.getByRole('listitem', { name: 'Acknowledge receipt' }).waitFor()
    await page.getByRole('link', { name: 'Draft the acknowledgement due tomorrow' }).click()

    // The top says what the email is for: the deadline, its due date, the policy's sentence.
    const drafted = page.getByRole('region', { name: 'Drafted for' })
    await drafted.waitFor()
    expect(await drafted.innerText()).toContain('Acknowledge receipt')
    expect(await drafted.innerText()).toContain('Due Tue 22 Dec 2026 23:59 (Europe/Amsterdam)')
    expect(await drafted.innerText()).toContain('Our Information Desk will confirm receipt within two business days.')
    const preview = page.getByRole('region', { name: 'Preview' })
    const subject = preview.getByLabel('Subject as sent')
    await expect.poll(() => subject.innerText()).toMatch(/^\[VD-2026-\d{3}\] /)
    const body = preview.getByLabel('Body as sent')
    expect(await body.innerText()).toContain('Noor Haddad')
    expect(await preview.innerText()).toContain('"Sam de Vries" <security@example.nl>')
    await app.screenshot('60-draft-acknowledgement-en')
    // At 1024×700 editor and preview stay side by side, and Send and Mark as sent stay on screen while the editor
    // scrolls to its end (the side column sticks).
    await page.setViewportSize({ width: 1024, height: 700 })
    await app.screenshot('60b-draft-acknowledgement-en-1024')
    await page.getByText('Variables for this case').scrollIntoViewIfNeeded()
    const markButton = page.getByRole('button', { name: 'Mark as sent…' })
    await expect.poll(() => markButton.evaluate((b) => b.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true)
    const [editorBox, previewBox] = [await page.getByLabel('Body', { exact: true }).boundingBox(), await preview.boundingBox()]
    expect(previewBox!.x).toBeGreaterThan(editorBox!.x + editorBox!.width - 1)
    await app.screenshot('60c-draft-bottom-1024')
    await page.setViewportSize({ width: 1280, height: 800 })

    // The reporter's language is English; Dutch is one click, with the Dutch template.
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await expect.poll(() => body.innerText()).toMatch(/Geachte|Beste/)
    await app.screenshot('61-draft-acknowledgement-nl')
    await page.setViewportSize({ width: 1024, height: 700 })
    await app.screenshot('61b-draft-acknowledgement-nl-1024')
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: /^English/ }).click()
    await expect.poll(() => body.innerText()).not.toMatch(/Geachte|Beste/)

    // A misspelt variable: shown at the editor with line and column, and nothing can go out.
    const source = page.getByLabel('Body', { exact: true })
    const original = await source.inputValue()
    await source.fill(`Dear {{ reporter_nam }},\n${original}`)
    await page.getByRole('alert').filter({ hasText: 'Line 1, column 9' }).waitFor()
    expect(await page.getByRole('button', { name: 'Save .eml' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Mark as sent…' }).isDisabled()).toBe(true)
    await app.screenshot('62-draft-template-error')
    await source.fill(original)
    await page.getByRole('button', { name: 'Save .eml' }).waitFor({ state: 'visible' })
    await expect.poll(() => page.getByRole('button', { name: 'Save .eml' }).isEnabled()).toBe(true)

    await page.getByRole('button', { name: 'Save .eml' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    const saved = app.files.saved.at(-1)!
    const eml = typeof saved.content === 'string' ? saved.content : new TextDecoder().decode(saved.content)
    expect(eml).toContain('X-Unsent: 1')
    // The reporter by name, as the preview showed.
    expect(eml).toMatch(/^To: "?Noor Haddad"? <noor@example\.org>\r$/m)
    expect(eml).not.toMatch(/[^\r]\n/)

    await page.getByRole('button', { name: 'Mark as sent…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Mark as sent' })
    expect(await dialog.innerText()).toContain('meets “Acknowledge receipt”')
    expect(await dialog.innerText()).toContain('On the team’s clock, Europe/Amsterdam')
    await app.screenshot('63-draft-mark-as-sent')
    await dialog.getByRole('button', { name: 'Record as sent' }).click()

    // Back on the case: the acknowledgement met, and the evaluation counting from it with its own draft link.
    const acknowledgement = deadlines.getByRole('listitem', { name: 'Acknowledge receipt' })
    await acknowledgement.getByText('Met on time').waitFor()
    const evaluation = deadlines.getByRole('listitem', { name: 'Send evaluation' })
    await evaluation.getByRole('link', { name: /^Draft the evaluation due / }).waitFor()
    expect(await evaluation.innerText()).not.toContain('Not counting yet')
    await app.screenshot('64-case-after-acknowledgement-sent')

    // The email stays on the timeline and opens again as it went out.
    const entry = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Open email: / }) })
    await entry.scrollIntoViewIfNeeded()
    expect(await entry.innerText()).toContain('noor@example.org')
    await app.screenshot('65-timeline-email-sent')
    await page.getByRole('button', { name: /^Open email: \[VD-2026-\d{3}\] / }).click()
    const email = page.getByRole('dialog')
    await email.getByLabel('Body').waitFor()
    expect(await email.innerText()).toContain('noor@example.org')
    expect(await email.getByLabel('Body').innerText()).toBe(await readRecordedBody(app.storeFile))
    await app.screenshot('66-sent-email-opened')
  })
})

async function readRecordedBody(storeFile: string): Promise<string> {
  const doc = JSON.parse(await readFile(storeFile, 'utf8')) as { cases: { timeline: { type: string; body?: string }[] }[] }
  return doc.cases[0]!.timeline.find((e) => e.type === 'email_sent')!.body!
}
