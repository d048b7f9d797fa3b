import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type AppHarness } from './harness'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const poc = '<html><script>document.title = "ran"</script><img src=x onerror="document.title=\'ran\'"></html>\n'

/** A report as a mail app saves it: a hostile display name, header-like lines and template code in the text, an HTML attachment. */
const reportMail = [
  'Message-ID: <4f1c2d3e-report@example.org>',
  'Date: Mon, 30 Nov 2026 16:10:42 +0100',
  'From: "security@example.com via Ada" <ada.researcher@example.org>',
  'To: security@example.com',
  'Subject: Stored XSS in the support portal',
  'Content-Language: en',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=UTF-8',
  '',
  'Hello security team,',
  '',
  'The subject field of a ticket is rendered without escaping:',
  '<script>alert(document.cookie)</script>',
  'Bcc: everyone@example.com',
  '{{ signature }} {% raw %}',
  '',
  'Proof of concept attached. Ada',
  '',
  '--b1',
  'Content-Type: text/html; name="poc.html"',
  'Content-Disposition: attachment; filename="poc.html"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from(poc).toString('base64'),
  '--b1--',
  '',
].join('\r\n')

/** Ada's answer to the team's acknowledgement, threaded under her report. */
const replyMail = [
  'Message-ID: <7e2a-reply@example.org>',
  'In-Reply-To: <4f1c2d3e-report@example.org>',
  'References: <4f1c2d3e-report@example.org>',
  'Date: Tue, 1 Dec 2026 08:05:00 +0100',
  'From: Ada Researcher <ada.researcher@example.org>',
  'To: security@example.com',
  'Subject: Re: Stored XSS in the support portal',
  'Content-Type: text/plain; charset=UTF-8',
  '',
  'Thanks for the quick answer. It also works in the ticket title of the mobile view.',
  '',
].join('\r\n')

describe('intake: a report that came in by email becomes a case, end to end in Chromium', () => {
  it('File → Import report from email… fills the case; attachments are listed and saved only on request', async () => {
    app = await launchApp({ clock: '2026-12-01T09:30:00+01:00' })
    const { page } = app
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor()

    app.files.queueEml('Stored XSS in the support portal.eml', reportMail)
    const to = await app.importEmailFromMenu()
    expect(to).toMatch(/^\/import\/[\w-]+$/)
    await page.getByRole('heading', { name: 'Import report from email', level: 1 }).waitFor()
    expect(await page.getByLabel('Title').inputValue()).toBe('Stored XSS in the support portal')
    expect(await page.getByLabel('Reporter email').inputValue()).toBe('ada.researcher@example.org')
    expect(await page.getByLabel('Reporter name').inputValue()).toBe('security@example.com via Ada')
    expect(await page.getByLabel('Received').inputValue()).toBe('2026-11-30T16:10')
    expect(await page.getByLabel('Report text').inputValue()).toContain('Bcc: everyone@example.com\n{{ signature }} {% raw %}')
    // The sender's name posing as another address is pointed out before the case is created.
    await page.getByText('reads like an address, but the mail came from ada.researcher@example.org').waitFor()
    await app.screenshot('80-import-from-menu')

    const row = page.getByRole('row').filter({ hasText: 'text/html' })
    const digest = createHash('sha256').update(poc).digest('hex')
    expect((await row.locator('td').allInnerTexts()).slice(0, 4)).toEqual(['poc.html', 'text/html', `${poc.length} bytes`, digest])
    // Listed, never opened: nothing of the attachment or the report runs or loads.
    expect(await page.locator('main iframe, main img, main object, main embed').count()).toBe(0)
    expect(await page.title()).not.toBe('ran')
    await row.getByRole('button', { name: 'Save poc.html' }).click()
    await page.getByRole('status').getByText(/^Saved poc\.html to .*poc\.html$/).waitFor()
    expect(app.files.saved.map((f) => f.suggestedName)).toEqual(['poc.html'])
    expect(await readFile(app.files.saved[0]!.path, 'utf8')).toBe(poc)
    await row.scrollIntoViewIfNeeded()
    await app.screenshot('81-import-attachments')

    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('heading', { name: 'Stored XSS in the support portal', level: 1 }).waitFor()
    await app.screenshot('82-import-case-created')
    const onDisk = JSON.parse(await readFile(app.storeFile, 'utf8')) as {
      cases: { received: { at: string }; mail: { messageId: string; attachments: { name: string; sha256: string }[] } }[]
    }
    expect(onDisk.cases.map((c) => [c.received.at, c.mail.messageId, c.mail.attachments.map((a) => [a.name, a.sha256])])).toEqual([
      ['2026-11-30T16:10:42+01:00', '<4f1c2d3e-report@example.org>', [['poc.html', digest]]],
    ])

    // The reporter's answer in the same thread is offered to that case, not made a case of its own.
    app.files.queueEml('Re Stored XSS.eml', replyMail)
    await app.importEmailFromMenu()
    const banner = page.getByRole('heading', { level: 2, name: /^This looks like a reply to VD-2026-\d{3} \(Stored XSS in the support portal\)$/ })
    await banner.waitFor()
    expect(await page.getByLabel('Title').count()).toBe(0)
    await app.screenshot('89-import-reply')
    await page.getByRole('button', { name: 'Add the reply to that case as a note' }).click()
    await page.getByRole('heading', { name: 'Stored XSS in the support portal', level: 1 }).waitFor()
    const note = page.getByText('Reply by email from Ada Researcher <ada.researcher@example.org>', { exact: false })
    await note.waitFor()
    await note.scrollIntoViewIfNeeded()
    await app.screenshot('89b-import-reply-note')
    const afterReply = JSON.parse(await readFile(app.storeFile, 'utf8')) as { cases: { timeline: { type: string; text?: string }[] }[] }
    expect(afterReply.cases).toHaveLength(1)
    expect(afterReply.cases[0]!.timeline.filter((e) => e.type === 'note').map((e) => e.text?.split('\n')[0])).toEqual([
      'Reply by email from Ada Researcher <ada.researcher@example.org>',
    ])
  })

  it('a saved mail dropped on the window opens its import screen; a file that is not a mail is refused and creates nothing', async () => {
    app = await launchApp({ clock: '2026-12-01T09:30:00+01:00' })
    const { page } = app
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor()

    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'report.eml', { type: 'message/rfc822' }))
      return transfer
    }, reportMail)
    await page.dispatchEvent('main', 'dragover', { dataTransfer })
    await page.getByText('Drop the saved email (.eml) to import the report').waitFor()
    await app.screenshot('83-import-drop-over')
    await page.dispatchEvent('main', 'drop', { dataTransfer })
    await page.getByRole('heading', { name: 'Import report from email', level: 1 }).waitFor()
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Stored XSS in the support portal')
    // Still the app, not the dropped file shown by the browser.
    expect(page.url()).toMatch(/#\/import\/[\w-]+$/)

    app.files.queueEml('photo.eml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
    await app.importEmailFromMenu()
    // The dropped report is not a case yet: going to the next mail asks first.
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' })
    await leave.getByText('Your changes to the imported report will be lost.').waitFor()
    await leave.getByRole('button', { name: 'Leave' }).click()
    await page.getByRole('heading', { name: 'This file was not imported' }).waitFor()
    await page.getByText('No case was created.').waitFor()
    await app.screenshot('84-import-refused')
    const onDisk = JSON.parse(await readFile(app.storeFile, 'utf8')) as { cases: unknown[] }
    expect(onDisk.cases).toEqual([])

    await page.getByRole('link', { name: 'Choose another file' }).click()
    await page.getByText('Choose .eml file…').waitFor()
    await page.getByLabel('Choose .eml file…').setInputFiles({ name: 'report.eml', mimeType: 'message/rfc822', buffer: Buffer.from(reportMail) })
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Stored XSS in the support portal')
    await page.goBack()
    await page.getByRole('button', { name: 'Leave' }).click()
    await page.getByText('Choose .eml file…').waitFor()
    await app.screenshot('84b-import-start')
  })

  it('the template editor and the sender settings, in English and Dutch', async () => {
    app = await launchApp({ clock: '2026-12-01T09:30:00+01:00' })
    const { page } = app
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor()

    await app.emit({ name: 'app:navigate', payload: { to: '/settings' } })
    await page.getByLabel('Member name').fill('Iris Jansen')
    await page.getByLabel('Member email').fill('iris@example.com')
    await page.getByLabel(/^Role/).fill('Security lead')
    await page.getByLabel(/^Signature/).fill('Iris Jansen\nSecurity lead, Example B.V.\n+31 20 123 4567')
    await page.getByRole('button', { name: 'Add member' }).click()
    await page.getByRole('row').filter({ hasText: 'Iris Jansen' }).getByText('Own signature').waitFor()
    await page.getByLabel('I am').selectOption({ label: 'Iris Jansen' })
    await page.getByLabel('Organisation').fill('Example B.V.')
    await page.getByRole('button', { name: 'Save organisation' }).click()
    await page.getByRole('status').getByText('Saved').waitFor()
    await app.screenshot('85-settings-sender')

    app.files.queueEml('report.eml', reportMail)
    await app.importEmailFromMenu()
    await page.getByRole('heading', { name: 'Import report from email', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('heading', { name: 'Stored XSS in the support portal', level: 1 }).waitFor()

    await app.emit({ name: 'app:navigate', payload: { to: '/settings/templates/acknowledgement' } })
    await page.getByRole('heading', { name: 'Email templates', level: 1 }).waitFor()
    const preview = page.getByLabel('Body as sent')
    await expect.poll(() => preview.innerText()).toContain('Thank you for letting Example B.V. know')
    expect(await preview.innerText()).toContain('Iris Jansen\nSecurity lead, Example B.V.')
    await app.screenshot('86-templates-en')

    await page.getByRole('radio', { name: /Nederlands/ }).check()
    await expect.poll(() => preview.innerText()).toContain('Beste security@example.com via Ada')
    await app.screenshot('87-templates-nl')

    await page.getByRole('textbox', { name: 'Body', exact: true }).fill('Beste {{ reporter_name }},\n\n{{ reporter_naam }}\n')
    await page.getByText(/^Line 3, column \d+:/).waitFor()
    await page.getByText(/^Not saved while this has an error: Dutch body/).scrollIntoViewIfNeeded()
    expect(await page.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true)
    await app.screenshot('88-templates-error')
  })
})
