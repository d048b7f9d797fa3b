import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CaseInput } from '../../src/cases/case'
import { caseInputFromEml, readMail } from '../../src/intake'
import { desk } from './commands/fixture'

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/eml/${name}`, import.meta.url)))
const read = (name: string, preferredZones: string[] = ['Europe/Amsterdam']) =>
  readMail(fixture(name), { now: new Date('2026-12-20T12:00:00Z'), preferredZones })
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
// The 1×1 PNG the Outlook and Gmail fixtures carry.
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

describe('readMail: mails as Thunderbird, Outlook, Gmail, Apple Mail and mutt save them', () => {
  it('Thunderbird, plain text (format=flowed): reporter, received in the team’s zone, title, the text with its soft breaks joined', async () => {
    const mail = await read('thunderbird-plain.eml')
    expect(mail.input).toMatchObject({
      title: 'Stored XSS in the support portal ticket title',
      reporter: { name: 'Pieter de Vries', email: 'pieter@devries.example', language: 'en' },
      received: { at: '2026-12-01T10:15:42+01:00', timeZone: 'Europe/Amsterdam' },
      channel: 'email',
      mail: { messageId: '<4b0f2c1e-7a1d-4c55-9d3a-1f6e2b8c9a10@mailbox.example>', references: [], encrypted: false, attachments: [] },
    })
    expect(mail.input.reportText).toContain(
      'I found a stored cross-site scripting issue in the ticket title field of https://support.acme.example. A title such as\n',
    )
    expect(mail.input.reportText).toContain('  <img src=x onerror=alert(document.domain)>\n')
    expect(mail.notes).toEqual([{ kind: 'zone_from_offset', offset: '+01:00', timeZone: 'Europe/Amsterdam' }])
    expect(CaseInput.safeParse(mail.input).success).toBe(true)
  })

  it('reads +01:00 as Etc/GMT-1 when no preferred zone has that offset then', async () => {
    const mail = await read('thunderbird-plain.eml', [])
    expect(mail.input.received).toEqual({ at: '2026-12-01T10:15:42+01:00', timeZone: 'Etc/GMT-1' })
  })

  it('an HTML-only mail becomes text without its script, style, event handlers or markup; links keep their address', async () => {
    const mail = await read('html-only.eml')
    const text = mail.input.reportText!
    expect(mail.input.title).toBe('IDOR in invoice export – other customers’ data')
    expect(text).toContain('The export endpoint /api/v2/export?id=… returns other customers’ invoices when the id is changed (IDOR).')
    expect(text).toContain('Proof: https://app.acme.example/api/v2/export?id=1002 and this page [https://evil.example/poc.html].')
    expect(text).toMatch(/ACCOUNT +INVOICE\nmine +1001\ntheirs +1002/)
    for (const gone of ['fetch(', 'document.cookie', 'font-family', 'onclick', '<p', '<b>', '&lt;']) expect(text).not.toContain(gone)
    expect(mail.notes).toContainEqual({ kind: 'html_converted' })
    expect(mail.input.received).toEqual({ at: '2026-12-02T14:03:09+00:00', timeZone: 'UTC' })
  })

  it('Outlook: windows-1252 quoted-printable text, a Latin-1 encoded name, Dutch from Content-Language, the inline image and the PDF listed', async () => {
    const mail = await read('outlook-multipart.eml')
    expect(mail.input.reporter).toEqual({ name: 'Renée Jansen', email: 'renee.jansen@cafe-een.example', language: 'nl' })
    expect(mail.input.reportText).toContain('onder de naam "Renée Jansen".\n')
    expect(mail.input.reportText).toContain('Beveiligingsonderzoeker · Café Één B.V.')
    expect(mail.input.reportText).not.toContain('MsoNormal')
    expect(mail.attachments.map((a) => [a.name, a.type])).toEqual([
      ['image001.png', 'image/png'],
      ['rapport.pdf', 'application/pdf'],
    ])
    expect(mail.attachments[0]).toMatchObject({ size: onePixelPng.length, sha256: sha256(onePixelPng) })
    expect(new TextDecoder().decode(mail.contents[1]!.subarray(0, 8))).toBe('%PDF-1.4')
    expect(mail.attachments[1]).toMatchObject({ size: mail.contents[1]!.length, sha256: sha256(mail.contents[1]!) })
    expect(mail.input.mail?.attachments).toEqual(mail.attachments)
  })

  it('Gmail: a reply keeps the References it threads with, a PST offset reads as Etc/GMT+8, attachments with spaces in their names', async () => {
    const mail = await read('gmail-attachments.eml')
    expect(mail.input.title).toBe('Re: [VD-2026-012] Cross-tenant read of audit logs')
    expect(mail.input.received).toEqual({ at: '2026-12-07T16:22:05-08:00', timeZone: 'Etc/GMT+8' })
    expect(mail.input.mail).toMatchObject({
      messageId: '<CAHk3x9Z+d2Lq7Q0m4r5s6t7u8v9w0xYz@mail.gmail.com>',
      references: ['<CAHk3x9Y=first@mail.gmail.com>', '<20261205101500.A1B2C3@acme.example>'],
    })
    expect(mail.attachments.map((a) => a.name)).toEqual(['poc.py', 'Screenshot 2026-12-07 at 16.20.11.png'])
    expect(new TextDecoder().decode(mail.contents[0])).toContain('headers={"X-Tenant": "2"}')
    expect(mail.input.reportText).toContain('(CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N, 6.5)')
  })

  it('mutt, ISO-8859-1 in 8 bits and in encoded words, saved with its mbox envelope line, at +05:30 (Asia/Kolkata)', async () => {
    const mail = await read('latin1-mutt.eml')
    expect(mail.input.title).toBe('Reflektiertes XSS in der Suche (Größe)')
    expect(mail.input.reporter).toMatchObject({ name: 'Jürgen Müller', email: 'juergen@mueller.example' })
    expect(mail.input.reportText).toBe(
      "Hallo,\n\ndie Seite https://shop.acme.example/suche?q= gibt den Suchbegriff ungefiltert\nzurück. Beispiel: q=<script>alert('Größe')</script>\n\nGrüße aus Köln\nJürgen Müller\n",
    )
    expect(mail.input.received).toEqual({ at: '2026-12-10T17:30:01+05:30', timeZone: 'Asia/Kolkata' })
  })

  it('Apple Mail: a base64 body and a base64-encoded UTF-8 name, emoji intact', async () => {
    const mail = await read('apple-base64.eml')
    expect(mail.input.reporter).toMatchObject({ name: 'Zoë Ångström', email: 'zoe@angstrom.example' })
    expect(mail.input.title).toBe('Password reset links never expire 🔑')
    expect(mail.input.reportText).toMatch(/^Hi 👋\n\nYour password reset links do not expire/)
    expect(mail.input.received).toEqual({ at: '2026-12-11T09:05:33-05:00', timeZone: 'Etc/GMT+5' })
  })

  it('Google Groups: a list that rewrites From for DMARC names the list; the reporter is who wrote (X-Original-From)', async () => {
    const mail = await read('google-groups.eml')
    expect(mail.input.reporter).toMatchObject({ name: 'Jana Novak', email: 'jana@novak.example' })
    expect(mail.notes).toContainEqual({ kind: 'sender_from_list', list: 'security@acme.example' })
    expect(mail.input.received).toEqual({ at: '2026-12-19T15:30:08+01:00', timeZone: 'Europe/Amsterdam' })
  })

  it('a list that only rewrites From (“… via …”) and sets Reply-To: the reporter is Reply-To; without a list, From stands', async () => {
    const mail = (headers: string) =>
      new TextEncoder().encode(`From: 'Eve' via Security <security@acme.example>\r\nReply-To: Eve <eve@example.org>\r\n${headers}Subject: x\r\n\r\nbody\r\n`)
    expect((await readMail(mail('List-ID: <security.acme.example>\r\n'))).input.reporter).toMatchObject({ name: 'Eve', email: 'eve@example.org' })
    expect((await readMail(mail(''))).input.reporter).toMatchObject({ name: "'Eve' via Security", email: 'security@acme.example' })
  })

  it('a report a colleague forwarded as an attachment: the note says so, and the attached mail imports as the reporter’s', async () => {
    const mail = await read('outlook-forwarded-attachment.eml')
    expect(mail.input.reporter.email).toBe('kim.bakker@acme.example')
    expect(mail.attachments.map((a) => [a.name, a.type])).toEqual([['attachment-1.eml', 'message/rfc822']])
    expect(mail.notes).toContainEqual({ kind: 'mail_attached', name: 'attachment-1.eml' })
    const original = await readMail(mail.contents[0]!, { now: new Date('2026-12-20T12:00:00Z'), preferredZones: ['Europe/Amsterdam'] })
    const direct = (await read('thunderbird-plain.eml')).input
    // The attached copy comes out of the parser with one more line break at its end.
    expect({ ...original.input, reportText: original.input.reportText!.trimEnd() }).toEqual({ ...direct, reportText: direct.reportText!.trimEnd() })
  })

  it('Dutch from Accept-Language when the mail has no Content-Language; English otherwise', async () => {
    const mail = (headers: string) => new TextEncoder().encode(`From: a@b.example\r\nSubject: x\r\n${headers}\r\nbody\r\n`)
    expect((await readMail(mail('Accept-Language: nl-BE, en-US\r\n'))).input.reporter.language).toBe('nl')
    expect((await readMail(mail('Content-Language: en-GB\r\nAccept-Language: nl-NL\r\n'))).input.reporter.language).toBe('en')
    expect((await readMail(mail(''))).input.reporter.language).toBe('en')
  })

  it('old Mac line ends (a lone CR each) read as lines: headers, body and its line breaks', async () => {
    const raw = new TextEncoder().encode(
      'From: Ana <ana@example.org>\rSubject: Open redirect\rDate: Tue, 1 Dec 2026 10:00:00 +0100\r\rStep one.\rStep two.\r',
    )
    const read = await readMail(raw, { now: new Date('2026-12-04T00:00:00Z') })
    expect(read.input.reporter).toMatchObject({ name: 'Ana', email: 'ana@example.org' })
    expect(read.input.title).toBe('Open redirect')
    expect(read.input.received.at).toBe('2026-12-01T10:00:00+01:00')
    expect((read.input.reportText ?? '').split(/\r?\n/).filter((l) => l !== '')).toEqual(['Step one.', 'Step two.'])
  })

  it('a CR inside a header of a CRLF mail is not taken for a line end', async () => {
    const raw = new TextEncoder().encode('From: a@b.example\r\nSubject: one\rBcc: x@y.example\r\n\r\nbody\r\n')
    const read = await readMail(raw, { now: new Date('2026-12-04T00:00:00Z') })
    expect(read.input.title).not.toContain('\r')
    expect(read.input.reportText).toBe('body\n')
  })

  it('a mail with In-Reply-To and no References threads under the id it answered', async () => {
    const raw = new TextEncoder().encode(
      'From: a@b.example\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nSubject: Re: ack\r\nIn-Reply-To: <ack-1@acme.example>\r\n\r\nthanks\r\n',
    )
    expect((await readMail(raw)).input.mail?.references).toEqual(['<ack-1@acme.example>'])
  })
})

describe('readMail: encrypted reports are recognised and kept as they came', () => {
  const armored = (name: string) => /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/.exec(readFileSync(new URL(`../fixtures/eml/${name}`, import.meta.url), 'utf8'))![0].replace(/\r\n/g, '\n')

  it('inline PGP: encrypted, the armored message is the report text, the key pasted below fills the reporter’s key', async () => {
    const mail = await read('pgp-inline.eml')
    expect(mail.encrypted).toBe(true)
    expect(mail.input.mail?.encrypted).toBe(true)
    expect(mail.input.reportText!.startsWith(armored('pgp-inline.eml'))).toBe(true)
    expect(mail.input.reporter.pgpPublicKey).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n[\s\S]+\n-----END PGP PUBLIC KEY BLOCK-----$/)
    expect(mail.notes).toContainEqual({ kind: 'encrypted', how: 'inline_pgp' })
    expect(mail.notes).toContainEqual({ kind: 'pgp_key_found', from: 'body' })
  })

  it('PGP/MIME from Thunderbird: encrypted, the armored part is the report text, both parts listed to save', async () => {
    const mail = await read('pgp-mime-thunderbird.eml')
    expect(mail.encrypted).toBe(true)
    expect(mail.input.reportText!.trim()).toBe(armored('pgp-mime-thunderbird.eml'))
    expect(mail.notes).toContainEqual({ kind: 'encrypted', how: 'pgp_mime' })
    expect(mail.attachments.map((a) => a.type)).toEqual(['application/pgp-encrypted', 'application/octet-stream'])
    expect(mail.attachments[1]!.name).toBe('encrypted.asc')
  })

  it('a signed mail is not encrypted; the key Thunderbird attaches (OpenPGP_0x….asc) fills the reporter’s key', async () => {
    const mail = await read('thunderbird-signed-key.eml')
    expect(mail.encrypted).toBe(false)
    expect(mail.input.reportText).toBe(
      'Hello,\n\nThe admin panel at /admin/ is reachable without login from the internet.\nMy key is attached; please encrypt your reply.\n\nJana\n\n',
    )
    expect(mail.input.reporter.pgpPublicKey).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----')
    expect(mail.notes).toContainEqual({ kind: 'pgp_key_found', from: 'attachment' })
    expect(mail.notes.some((n) => n.kind === 'encrypted')).toBe(false)
  })

  it('an inline clear-signed message is readable text, not encrypted', async () => {
    const raw = new TextEncoder().encode(
      'From: a@b.example\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nSubject: signed\r\n\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\nThe report.\r\n-----BEGIN PGP SIGNATURE-----\r\n\r\niHUEARYIAB0WIQ==\r\n-----END PGP SIGNATURE-----\r\n',
    )
    const mail = await readMail(raw)
    expect(mail.encrypted).toBe(false)
    expect(mail.input.reportText).toContain('The report.')
  })

  it('S/MIME enveloped data is encrypted, its part listed', async () => {
    const raw = new TextEncoder().encode(
      'From: a@b.example\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nSubject: secret\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\nContent-Disposition: attachment; filename="smime.p7m"\r\n' +
        'Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFA\r\n',
    )
    const mail = await readMail(raw)
    expect(mail.encrypted).toBe(true)
    expect(mail.notes).toContainEqual({ kind: 'encrypted', how: 'smime' })
    expect(mail.attachments.map((a) => a.name)).toEqual(['smime.p7m'])
  })
})

describe('caseInputFromEml', () => {
  it('gives the case input and the attachments, and that input opens a case that keeps where the mail came from', async () => {
    const { input, attachments, ...rest } = await caseInputFromEml(fixture('gmail-attachments.eml'), { now: new Date('2026-12-20T12:00:00Z') })
    expect(rest).toEqual({})
    expect(attachments).toHaveLength(2)
    const d = desk(undefined, new Date('2026-12-20T12:00:00Z'))
    const created = d.run({ type: 'case.create', input })
    expect(created).toMatchObject({
      key: 'VD-2026-001',
      title: 'Re: [VD-2026-012] Cross-tenant read of audit logs',
      reporter: { name: 'Sam Lee', email: 'sam.lee.sec@gmail.com' },
      received: { at: '2026-12-07T16:22:05-08:00', timeZone: 'Etc/GMT+8' },
      channel: 'email',
      mail: { messageId: '<CAHk3x9Z+d2Lq7Q0m4r5s6t7u8v9w0xYz@mail.gmail.com>', attachments },
    })
  })

  it('every fixture gives an input the case schema takes (the hostile and broken ones too)', async () => {
    for (const name of readdirSync(new URL('../fixtures/eml/', import.meta.url))) {
      const { input } = await caseInputFromEml(fixture(name), { now: new Date('2026-12-20T12:00:00Z') })
      expect([name, CaseInput.safeParse(input).error?.issues]).toEqual([name, undefined])
    }
  })
})
