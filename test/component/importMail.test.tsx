import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fromRow } from '../../src/cases/summary'
import type { DeskApi } from '../../src/ipc/contract'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

const attachment = '<html><script>alert(document.cookie)</script><img src=x onerror=alert(1)></html>\n'
const attachmentB64 = Buffer.from(attachment).toString('base64')

/** A report as Thunderbird saves it: a text part and an HTML proof of concept attached. */
const reportMail = [
  'Message-ID: <4f1c2d3e-report@example.org>',
  'Date: Mon, 30 Nov 2026 16:10:42 +0100',
  'From: "Ada <b>Researcher</b>" <ada@example.org>',
  'To: security@example.com',
  'Subject: Stored XSS in the support portal',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=UTF-8',
  '',
  'The subject field of a ticket is rendered without escaping.',
  'Bcc: everyone@example.com',
  '{{ signature }} <script>alert(1)</script>',
  '',
  '--b1',
  'Content-Type: text/html; name="poc.html"',
  'Content-Disposition: attachment; filename="poc.html"',
  'Content-Transfer-Encoding: base64',
  '',
  attachmentB64,
  '--b1--',
  '',
].join('\r\n')

const bytes = (text: string) => new TextEncoder().encode(text)

async function parsed(desk: DeskApi, text: string) {
  return value(desk.intake.parse({ bytes: bytes(text) }))
}

async function openImport(text = reportMail) {
  const testDesk = await desks.open()
  const preview = await parsed(testDesk.desk, text)
  const create = vi.spyOn(testDesk.desk.cases, 'create')
  const view = renderApp(testDesk.desk, `/import/${preview.token}`)
  await screen.findByRole('heading', { level: 1, name: 'Import report from email' })
  return { ...testDesk, ...view, preview, create }
}

function dropFiles(files: File[]) {
  const event = createEvent.drop(window, { dataTransfer: { types: ['Files'], files } })
  fireEvent(window, event)
  return event
}

describe('import a report from email', { timeout: 20_000 }, () => {
  it('fills the new-case form from the mail; creating the case keeps its Message-ID, exact received time and attachments', async () => {
    const { desk, user, create, preview } = await openImport()
    expect(await screen.findByLabelText('Title')).toHaveValue('Stored XSS in the support portal')
    expect(screen.getByLabelText('Reporter name')).toHaveValue('Ada <b>Researcher</b>')
    expect(screen.getByLabelText('Reporter email')).toHaveValue('ada@example.org')
    expect(screen.getByLabelText('Received')).toHaveValue('2026-11-30T16:10')
    // The text as it came: a header-like line and template code are data, never a header or a template.
    expect((screen.getByLabelText('Report text') as HTMLTextAreaElement).value.trimEnd()).toBe(
      'The subject field of a ticket is rendered without escaping.\nBcc: everyone@example.com\n{{ signature }} <script>alert(1)</script>',
    )
    expect(screen.getByText('<4f1c2d3e-report@example.org>')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { level: 1, name: 'Stored XSS in the support portal' })
    expect(create).toHaveBeenCalledTimes(1)
    const [stored] = (await value(desk.cases.list({}))).map(fromRow)
    const kase = await value(desk.cases.get({ id: stored!.id }))
    expect(kase.received).toEqual({ at: '2026-11-30T16:10:42+01:00', timeZone: preview.ok ? preview.input.received.timeZone : '' })
    expect(kase.mail).toEqual({
      messageId: '<4f1c2d3e-report@example.org>',
      references: [],
      encrypted: false,
      attachments: [{ name: 'poc.html', type: 'text/html', size: attachment.length, sha256: createHash('sha256').update(attachment).digest('hex') }],
    })
  })

  it('leaving an imported report that was not saved asks first, even untouched', async () => {
    const { user, create } = await openImport()
    await screen.findByLabelText('Title')
    await user.click(screen.getByRole('link', { name: /^Cases/ }))
    const dialog = screen.getByRole('dialog', { name: 'Leave without saving?' })
    expect(dialog).toHaveTextContent('Your changes to the imported report will be lost.')
    await user.click(within(dialog).getByRole('button', { name: 'Leave' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'No cases yet' })).toBeInTheDocument()
    expect(create).not.toHaveBeenCalled()
  })

  it('lists each attachment with name, type, size and SHA-256, never shows it, and saves it only when asked', async () => {
    const { files, user } = await openImport()
    const row = (await screen.findByRole('cell', { name: 'poc.html' })).closest('tr')!
    const digest = createHash('sha256').update(attachment).digest('hex')
    expect([...row.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)).toEqual([
      'poc.html',
      'text/html',
      `${attachment.length} bytes`,
      digest,
    ])
    expect(document.querySelector('iframe, img, object, embed, script')).toBeNull()
    expect(files.saved).toEqual([])

    await user.click(within(row).getByRole('button', { name: 'Save poc.html' }))

    expect(await screen.findByRole('status')).toHaveTextContent(/^Saved poc\.html to .*poc\.html$/)
    expect(files.saved.map((f) => f.suggestedName)).toEqual(['poc.html'])
    expect(await readFile(files.saved[0]!.path, 'utf8')).toBe(attachment)
  })

  it('bytes that are not a mail are refused with the reason, and no case is created', async () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) + 'IHDR'
    const { desk, create } = await openImport(png)
    const refusal = await screen.findByRole('alert')
    expect(within(refusal).getByRole('heading', { name: 'This file was not imported' })).toBeInTheDocument()
    expect(refusal).toHaveTextContent('This file is not an email message')
    expect(refusal).toHaveTextContent('No case was created.')
    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument()
    expect(create).not.toHaveBeenCalled()
    expect(await value(desk.cases.list({}))).toEqual([])
  })

  it('an encrypted report says so above the form and keeps the armored text as the report', async () => {
    const armored = '-----BEGIN PGP MESSAGE-----\n\nhQEMA9Xq3fake0AQf/ZmFrZQ==\n=abcd\n-----END PGP MESSAGE-----\n'
    await openImport(
      ['Date: Mon, 30 Nov 2026 09:00:00 +0000', 'From: Bram <bram@example.nl>', 'Subject: Encrypted report', '', armored].join('\r\n'),
    )
    expect(await screen.findByRole('note')).toHaveTextContent(/^This report arrived encrypted\./)
    expect((screen.getByLabelText('Report text') as HTMLTextAreaElement).value).toContain('-----BEGIN PGP MESSAGE-----')
  })

  it('a saved mail dropped anywhere on the window opens its import screen, without the window navigating', async () => {
    const { desk } = await desks.open()
    renderApp(desk, '/cases')
    await screen.findByRole('heading', { level: 1, name: 'No cases yet' })

    const drop = dropFiles([new File([reportMail], 'report.eml', { type: 'message/rfc822' })])

    expect(drop.defaultPrevented).toBe(true)
    expect(await screen.findByRole('heading', { level: 1, name: 'Import report from email' })).toBeInTheDocument()
    expect(await screen.findByLabelText('Title')).toHaveValue('Stored XSS in the support portal')
  })

  it('several files dropped at once are refused in words, and nothing is imported', async () => {
    const { desk } = await desks.open()
    const parse = vi.spyOn(desk.intake, 'parse')
    renderApp(desk, '/cases')
    await screen.findByRole('heading', { level: 1, name: 'No cases yet' })

    dropFiles([new File([reportMail], 'a.eml'), new File([reportMail], 'b.eml')])

    expect(await screen.findByText('2 files were dropped; nothing was imported. Drop one saved email (.eml) at a time.')).toBeInTheDocument()
    expect(parse).not.toHaveBeenCalled()
    expect(screen.queryByRole('heading', { level: 1, name: 'Import report from email' })).not.toBeInTheDocument()
  })

  it('text dragged within the window is left alone', async () => {
    const { desk } = await desks.open()
    renderApp(desk, '/cases')
    await screen.findByRole('heading', { level: 1, name: 'No cases yet' })
    const event = createEvent.drop(window, { dataTransfer: { types: ['text/plain'], files: [] } })
    fireEvent(window, event)
    expect(event.defaultPrevented).toBe(false)
  })

  it('a mail chosen on the import screen is read and shown', async () => {
    const { desk } = await desks.open()
    const { user } = renderApp(desk, '/import')
    await screen.findByRole('heading', { level: 1, name: 'Import report from email' })
    await user.upload(screen.getByLabelText('Choose .eml file…'), new File([reportMail], 'report.eml', { type: 'message/rfc822' }))
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Stored XSS in the support portal'))
  })
})
