import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CaseInput } from '../../src/cases/case'
import { DeskError } from '../../src/errors'
import { mailSizeLimit, readMail } from '../../src/intake'

const utf8 = new TextEncoder()
const now = new Date('2026-12-20T12:00:00Z')
const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`
const RLO = '\u202e'
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A plain mail with these headers over the usual ones, and this body. */
function mail(headers: Record<string, string>, body = 'The report.\r\n'): Uint8Array {
  const all = { From: 'Reporter <reporter@example.org>', To: 'security@acme.example', Subject: 'Report', Date: 'Tue, 1 Dec 2026 10:00:00 +0100', ...headers }
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  return utf8.encode(`${head}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`)
}

async function refusal(raw: Uint8Array): Promise<DeskError> {
  try {
    await readMail(raw, { now })
  } catch (error) {
    if (error instanceof DeskError) return error
    throw error
  }
  throw new Error('expected the mail to be refused, but it was read')
}

describe('readMail: the hostile list of the issue', () => {
  it('CR/LF and header lines smuggled in encoded words never reach the title or the name as line breaks', async () => {
    const read = await readMail(
      mail({ Subject: encodedWord('Hi\r\nBcc: everyone@acme.example\r\n\r\nbody'), From: `${encodedWord('Eve\r\nBcc: leak@evil.example')} <eve@evil.example>` }),
      { now },
    )
    expect(read.input.title).toBe('Hi Bcc: everyone@acme.example body')
    expect(read.input.reporter).toMatchObject({ name: 'Eve Bcc: leak@evil.example', email: 'eve@evil.example' })
    expect(read.notes).toContainEqual({ kind: 'characters_removed', field: 'title', count: 3 })
    expect(read.notes).toContainEqual({ kind: 'characters_removed', field: 'reporterName', count: 1 })
  })

  it('header lines in the body stay report text: a Bcc or From there changes nothing else', async () => {
    const read = await readMail(mail({}, 'Bcc: everyone@acme.example\r\nFrom: ceo@acme.example\r\nSubject: replaced\r\n\r\nThe report.\r\n'), { now })
    expect(read.input.reportText).toBe('Bcc: everyone@acme.example\nFrom: ceo@acme.example\nSubject: replaced\n\nThe report.\n')
    expect(read.input.reporter.email).toBe('reporter@example.org')
    expect(read.input.title).toBe('Report')
  })

  it('template code is kept verbatim as data, in the title and the text', async () => {
    const code = "{{ reporter_email }} {% include 'x' %} {%- raw -%}{{ y }}{% endraw %}"
    const read = await readMail(mail({ Subject: encodedWord(code) }, `${code}\r\n`), { now })
    expect(read.input.title).toBe(code)
    expect(read.input.reportText).toBe(`${code}\n`)
  })

  it('a script in a plain-text body is text as written; in an HTML body it is dropped, never run', async () => {
    const script = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>'
    expect((await readMail(mail({}, `${script}\r\n`), { now })).input.reportText).toBe(`${script}\n`)
    const html = utf8.encode(
      `From: r@example.org\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n<p>Before</p>${script}<p>After</p>\r\n`,
    )
    expect((await readMail(html, { now })).input.reportText).toBe('Before\n\n[x]\n\nAfter')
  })

  it('100,000-character lines: the subject is cut to 300, the name to 200, the text keeps the whole line', async () => {
    const line = 'A'.repeat(100_000)
    const read = await readMail(mail({ Subject: line, From: `"${'N'.repeat(100_000)}" <n@example.org>` }, `${line}\r\n`), { now })
    expect(read.input.title).toBe('A'.repeat(300))
    expect(read.input.reporter.name).toBe('N'.repeat(200))
    expect(read.input.reportText).toBe(`${line}\n`)
    expect(read.notes).toContainEqual({ kind: 'truncated', field: 'title', length: 100_000, max: 300 })
    expect(read.notes).toContainEqual({ kind: 'truncated', field: 'reporterName', length: 100_000, max: 200 })
  })

  it('a report text over 1,000,000 characters is cut there, and the note says how long it was', async () => {
    const read = await readMail(mail({}, `${'x'.repeat(1_200_000)}\r\n`), { now })
    expect(read.input.reportText).toHaveLength(1_000_000)
    expect(read.notes).toContainEqual({ kind: 'truncated', field: 'reportText', length: 1_200_001, max: 1_000_000 })
  })

  it('a cut never leaves half an emoji', async () => {
    const read = await readMail(mail({ Subject: `${'a'.repeat(299)}🔑🔑` }), { now })
    expect(read.input.title).toBe('a'.repeat(299))
  })

  it('right-to-left overrides and other direction controls are taken out of one-line fields; the report text keeps them', async () => {
    const read = await readMail(mail({ Subject: encodedWord(`invoice${RLO}fdp.exe \u2066x\u2069 \u200fy`) }, `Trojan Source: ${RLO}evil\r\n`), { now })
    expect(read.input.title).toBe('invoicefdp.exe x y')
    expect(read.notes).toContainEqual({ kind: 'characters_removed', field: 'title', count: 4 })
    expect(read.input.reportText).toBe(`Trojan Source: ${RLO}evil\n`)
  })

  it('NUL bytes: out of the title (as raw bytes or encoded) and out of the report text, each with a note', async () => {
    const raw = mail({ Subject: `raw\u0000nul ${encodedWord('coded\u0000nul')}` }, 'before\u0000after\u0000\r\n')
    const read = await readMail(raw, { now })
    expect(read.input.title).toBe('rawnul codednul')
    expect(read.input.reportText).toBe('beforeafter\n')
    expect(read.notes).toContainEqual({ kind: 'characters_removed', field: 'reportText', count: 2 })
  })

  it('a From whose display name holds another address: the address it came from is the reporter’s, the name stays a name, with a note', async () => {
    const cases: [string, string][] = [
      ['"security@acme.example" <mallory@evil.example>', 'security@acme.example'],
      ['security@acme.example <mallory@evil.example>', 'security@acme.example'],
      ['"Alice <alice@good.example>" <mallory@evil.example>', 'Alice <alice@good.example>'],
      [`${encodedWord('ceo@acme.example')} <mallory@evil.example>`, 'ceo@acme.example'],
    ]
    for (const [from, name] of cases) {
      const read = await readMail(mail({ From: from }), { now })
      expect(read.input.reporter).toMatchObject({ name, email: 'mallory@evil.example' })
      expect(read.notes).toContainEqual({ kind: 'name_holds_address', name, address: 'mallory@evil.example' })
    }
    const own = await readMail(mail({ From: '"mallory@evil.example" <mallory@evil.example>' }), { now })
    expect(own.notes.some((n) => n.kind === 'name_holds_address')).toBe(false)
  })

  it('several senders: the first is the reporter; a From with no usable address leaves the address to fill in, and says what it held', async () => {
    const several = await readMail(mail({ From: 'A <a@example.org>, B <b@example.org>' }), { now })
    expect(several.input.reporter).toMatchObject({ name: 'A', email: 'a@example.org' })
    expect(several.notes).toContainEqual({ kind: 'several_senders', count: 2 })
    const broken = await readMail(mail({ From: 'Just A Name' }), { now })
    expect(broken.input.reporter.email).toBe('')
    expect(broken.notes).toContainEqual({ kind: 'no_sender', found: 'Just A Name' })
    const replyTo = await readMail(mail({ From: 'undisclosed', 'Reply-To': 'Real <real@example.org>' }), { now })
    expect(replyTo.input.reporter).toMatchObject({ name: 'Real', email: 'real@example.org' })
  })

  it('the hostile fixture: nothing of it reaches a one-line field as a break, an override or a path', async () => {
    const read = await readMail(new Uint8Array(readFileSync(new URL('../fixtures/eml/hostile.eml', import.meta.url))), { now })
    expect(read.input.title).toBe('Urgent Bcc: everyone@acme.example X-Evil: 1 invoicefdp.exe {{ case_key }} {% raw %}')
    expect(read.input.reporter).toMatchObject({ name: 'security@acme.example Bcc: leak@evil.example', email: 'mallory@evil.example' })
    expect(read.attachments[0]!.name).toBe('../../.bashrcgpj.exe')
    expect(read.input.reportText).toContain('NUL here::end')
    expect(CaseInput.safeParse(read.input).success).toBe(true)
  })
})

describe('readMail: malformed MIME does not crash the import', () => {
  it('a multipart whose boundary never comes keeps the body as it came, with a note', async () => {
    const read = await readMail(new Uint8Array(readFileSync(new URL('../fixtures/eml/malformed-mime.eml', import.meta.url))), { now })
    expect(read.input.reportText).toContain('The CSRF token on /settings is not checked at all.')
    expect(read.notes).toContainEqual({ kind: 'malformed_mime' })
  })

  it('a multipart without a closing boundary, a part with broken base64, a missing Content-Type parameter', async () => {
    const raw = utf8.encode(
      'From: r@example.org\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
        '--b\r\nContent-Type: text/plain; charset=\r\n\r\nThe text.\r\n--b\r\nContent-Type: application/zip; name="a.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@not base64!!!\r\n',
    )
    const read = await readMail(raw, { now })
    expect(read.input.reportText).toBe('The text.\n')
    expect(read.attachments.map((a) => [a.name, a.type])).toEqual([['a.zip', 'application/zip']])
  })

  it('parts nested deeper than the parser allows are refused with the reason', async () => {
    let body = 'x\r\n'
    for (let depth = 299; depth >= 0; depth--) body = `--b${depth}\r\nContent-Type: multipart/mixed; boundary="b${depth + 1}"\r\n\r\n${body}--b${depth}--\r\n`
    const raw = utf8.encode(`From: r@example.org\r\nSubject: deep\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n${body}`)
    const error = await refusal(raw)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe(
      'This mail cannot be read: its parts are nested deeper than any mail program writes. Nothing was imported. Create the case by hand and paste the report.',
    )
  })

  it('headers larger than the parser allows (2 MiB) are refused with the reason', async () => {
    const error = await refusal(mail({ Subject: 'A'.repeat(3 * 1024 * 1024) }))
    expect(error.message).toBe(
      'This mail cannot be read: its headers are larger than any mail program writes. Nothing was imported. Create the case by hand and paste the report.',
    )
  })

  it('no subject and no text: notes ask for them, nothing is made up', async () => {
    const read = await readMail(utf8.encode('From: r@example.org\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\n\r\n'), { now })
    expect(read.input.title).toBe('')
    expect(read.input.reportText).toBe('')
    expect(read.notes).toEqual(expect.arrayContaining([{ kind: 'no_subject' }, { kind: 'no_text' }]))
  })
})

describe('readMail: sizes', () => {
  it('a 25 MB attachment is listed with its size and SHA-256, and its bytes kept exactly', async () => {
    const payload = randomBytes(25 * 1024 * 1024)
    const base64 = payload.toString('base64')
    const lines: string[] = []
    for (let i = 0; i < base64.length; i += 76) lines.push(base64.slice(i, i + 76))
    const raw = Buffer.concat([
      utf8.encode(
        'From: r@example.org\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nSubject: dump\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="zz"\r\n\r\n' +
          '--zz\r\nContent-Type: text/plain\r\n\r\nThe database dump is attached.\r\n--zz\r\nContent-Type: application/zip; name="dump.zip"\r\n' +
          'Content-Disposition: attachment; filename="dump.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n',
      ),
      Buffer.from(lines.join('\r\n')),
      utf8.encode('\r\n--zz--\r\n'),
    ])
    const read = await readMail(raw, { now })
    expect(read.attachments).toEqual([
      { name: 'dump.zip', type: 'application/zip', size: payload.length, sha256: createHash('sha256').update(payload).digest('hex') },
    ])
    expect(Buffer.from(read.contents[0]!).equals(payload)).toBe(true)
    expect(read.input.reportText).toBe('The database dump is attached.\n')
  }, 60_000)

  it('a mail over the size limit is refused before it is parsed', async () => {
    const error = await refusal(new Uint8Array(mailSizeLimit + 1))
    expect(error.message).toBe(
      'This mail is 60 MB, more than the 60 MB the desk reads. Nothing was imported. Save the mail without its largest attachments, or create the case by hand.',
    )
  })

  it('more than 1,000 attachments: the first 1,000 are listed, with their bytes, and a note says how many came', async () => {
    const parts = Array.from({ length: 1001 }, (_, i) => `--p\r\nContent-Type: text/csv; name="f${i}.csv"\r\nContent-Disposition: attachment; filename="f${i}.csv"\r\n\r\n${i}\r\n`)
    const raw = utf8.encode(`From: r@example.org\r\nSubject: many\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n${parts.join('')}--p--\r\n`)
    const read = await readMail(raw, { now })
    expect(read.attachments).toHaveLength(1000)
    expect(read.contents).toHaveLength(1000)
    expect(read.attachments[999]!.name).toBe('f999.csv')
    expect(new TextDecoder().decode(read.contents[1]).trim()).toBe('1')
    expect(read.attachments[1]!.sha256).toBe(sha256(read.contents[1]!))
    expect(read.notes).toContainEqual({ kind: 'attachments_dropped', count: 1001, max: 1000 })
  })

  it('hostile attachment names: one note for all of them, not one each', async () => {
    const parts = Array.from({ length: 50 }, (_, i) => `--p\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="${encodedWord(`a${RLO}${i}\r\n${'x'.repeat(300)}`)}"\r\n\r\n${i}\r\n`)
    const read = await readMail(utf8.encode(`From: r@example.org\r\nSubject: names\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n${parts.join('')}--p--\r\n`), { now })
    expect(read.attachments[0]!.name).toBe(`a0 ${'x'.repeat(252)}`)
    expect(read.notes.filter((n) => 'field' in n && n.field === 'attachmentName')).toEqual([
      { kind: 'characters_removed', field: 'attachmentName', count: 100 },
      { kind: 'truncated', field: 'attachmentName', length: 304, max: 255 },
    ])
  })

  it('more than 1,000 References: the first (the thread) and the last 999 (the nearest) are kept', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `<m${i}@example.org>`)
    const read = await readMail(mail({ References: ids.join(' ') }), { now })
    expect(read.input.mail?.references).toEqual([ids[0], ...ids.slice(501)])
    expect(read.notes).toContainEqual({ kind: 'truncated', field: 'references', length: 1500, max: 1000 })
  })
})

describe('readMail: bytes that are not a mail message are refused in words, and nothing is made', () => {
  const notMail =
    'This file is not an email message: it does not start with mail headers such as From, Date and Subject. Nothing was imported. Save the report from your mail app as an .eml file and open that.'
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

  it.each([
    ['a PNG image', new Uint8Array(png)],
    ['a PDF', utf8.encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')],
    ['random bytes', new Uint8Array(randomBytes(4096))],
    ['a text file', utf8.encode('Hello,\n\nI found a bug in your site.\n')],
    ['a text that starts like a header but is no mail', utf8.encode('Note: call back on Monday\n\nabout the report\n')],
    ['JSON', utf8.encode('{"from": "a@b.example", "subject": "x"}')],
    // One mail header, then straight on with text: a letter, not a mail's header block.
    ['a letter that opens with To:', utf8.encode('To: whom it may concern\nI found a bug in your login page.\n')],
    ['a note that opens with Subject:', utf8.encode('Subject: the bug\r\nOpen the page and click twice.\r\n')],
  ])('%s', async (_, raw) => {
    const error = await refusal(raw)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe(notMail)
  })

  it('an empty file', async () => {
    expect((await refusal(new Uint8Array())).message).toBe('The file is empty: there is no mail in it. Nothing was imported.')
  })

  it('an Outlook .msg file is named as one, with what to do instead', async () => {
    const msg = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(512)])
    expect((await refusal(msg)).message).toMatch(/^This is an Outlook message file \(\.msg\), not an \.eml\. Nothing was imported\./)
  })

  it('one mail header before a blank line, or two or more before text, still read as mail', async () => {
    expect((await readMail(utf8.encode('Subject: hello\r\n\r\nbody\r\n'), { now })).input.title).toBe('hello')
    expect((await readMail(utf8.encode('From: a@b.example\r\nSubject: hi\r\nbody without a blank line\r\n'), { now })).input.reporter.email).toBe('a@b.example')
  })

  it('a mail with a UTF-8 byte order mark before its headers is read', async () => {
    const read = await readMail(new Uint8Array([0xef, 0xbb, 0xbf, ...mail({})]), { now })
    expect(read.input.title).toBe('Report')
  })
})
