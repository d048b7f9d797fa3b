import PostalMime from 'postal-mime'
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { mailboxText, toEml } from '../../src/drafts/index'

const date = new Date('2026-12-03T09:30:00Z')
const base = {
  from: 'Jörg Müller <security@example.nl>',
  to: ['Anouk de Vries <anouk@example.org>'],
  subject: '[VD-2026-007] Ontvangstbevestiging van uw melding',
  text: 'Beste Anouk,\n\nHartelijk dank voor uw melding.\n\nMet vriendelijke groet,\nJörg',
  date,
}

/** The header block of a message, unfolded, as [name, value] pairs in order. */
function headerFields(eml: string): [string, string][] {
  const block = eml.slice(0, eml.indexOf('\r\n\r\n'))
  return block
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')
    .map((line) => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as [string, string]
    })
}
const names = (eml: string) => headerFields(eml).map(([name]) => name)

/** RFC 5322 §2.1.1 and §2.3: every line ends in CRLF and has at most 998 octets before it. */
function expectWellFormedLines(eml: string) {
  expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  const longest = Math.max(...eml.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8')))
  expect(longest).toBeLessThanOrEqual(998)
}

/** postal-mime gives the body with LF line breaks; the message ends in a line break, added when the text has none. */
const asParsed = (text: string) => text.replace(/\r\n|\r/g, '\n').replace(/([^\n])$/, '$1\n')

describe('toEml', () => {
  it('parses back with sender, recipients, subject, date and body intact, Dutch text, non-ASCII names and emoji included', async () => {
    const eml = await toEml({
      ...base,
      to: ['Anouk de Vries <anouk@example.org>', '"Ærøskøbing, Søren 🐞" <soren@example.dk>'],
      cc: ['Zoë Ünal <zoe@example.nl>'],
      subject: '[VD-2026-007] Ontvangstbevestiging 🎉 — “geen” probleem',
      text: 'Beste Anouk,\n\nWij hebben uw melding over de inlogpagina ontvangen 🎉. Één collega beoordeelt haar vóór donderdag.\n',
    })
    const mail = await PostalMime.parse(eml)
    expect(mail.from).toEqual({ name: 'Jörg Müller', address: 'security@example.nl' })
    expect(mail.to).toEqual([
      { name: 'Anouk de Vries', address: 'anouk@example.org' },
      { name: 'Ærøskøbing, Søren 🐞', address: 'soren@example.dk' },
    ])
    expect(mail.cc).toEqual([{ name: 'Zoë Ünal', address: 'zoe@example.nl' }])
    expect(mail.subject).toBe('[VD-2026-007] Ontvangstbevestiging 🎉 — “geen” probleem')
    expect(mail.text).toBe(
      'Beste Anouk,\n\nWij hebben uw melding over de inlogpagina ontvangen 🎉. Één collega beoordeelt haar vóór donderdag.\n',
    )
    expect(mail.date).toBe('2026-12-03T09:30:00.000Z')
    expectWellFormedLines(eml)
  })

  it('is a UTF-8 text/plain draft that Outlook opens for editing: X-Unsent: 1, MIME-Version, the Message-ID given', async () => {
    const eml = await toEml({ ...base, messageId: 'draft-1@example.nl' })
    const fields = new Map(headerFields(eml))
    expect(fields.get('x-unsent')).toBe('1')
    expect(fields.get('mime-version')).toBe('1.0')
    expect(fields.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(fields.get('message-id')).toBe('<draft-1@example.nl>')
    expect(fields.get('date')).toBe('Thu, 03 Dec 2026 09:30:00 +0000')
  })

  it('gives a draft without a Message-ID one at the sender’s domain, not the computer’s name', async () => {
    const mail = await PostalMime.parse(await toEml(base))
    expect(mail.messageId).toMatch(/^<[0-9a-f-]+@example\.nl>$/)
  })

  it('threads a reply: In-Reply-To is the report’s Message-ID, References its References followed by that id', async () => {
    const eml = await toEml({ ...base, inReplyTo: 'CAF=report@mail.example.org', references: ['<first@mail.example.org>'] })
    const mail = await PostalMime.parse(eml)
    expect(mail.inReplyTo).toBe('<CAF=report@mail.example.org>')
    expect(mail.references).toBe('<first@mail.example.org> <CAF=report@mail.example.org>')
  })

  it('leaves out reply ids that are not msg-ids instead of writing them into a header', async () => {
    const eml = await toEml({
      ...base,
      inReplyTo: '<a@example.org>\r\nBcc: evil@attacker.example',
      references: ['no id here', '<ok@example.org>', '<' + 'x'.repeat(300) + '@example.org>'],
    })
    expect(names(eml)).not.toContain('bcc')
    expect(names(eml)).not.toContain('in-reply-to')
    expect(new Map(headerFields(eml)).get('references')).toBe('<ok@example.org>')
  })

  it('refuses a Message-ID of its own that is not one, naming the field', async () => {
    await expect(toEml({ ...base, messageId: 'two words@example.nl>\r\nBcc: x@y.example' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'messageId', message: 'The Message-ID is not of the form <id@host>' }],
    })
  })

  it('writes CRLF only whatever line endings the body has (LF, CR, CRLF, NEL, LINE SEPARATOR)', async () => {
    const eml = await toEml({ ...base, text: 'one\ntwo\rthree\r\nfour\u0085five\u2028six\n' })
    expectWellFormedLines(eml)
    expect(eml.slice(eml.indexOf('\r\n\r\n') + 4)).toBe('one\r\ntwo\r\nthree\r\nfour\r\nfive\r\nsix\r\n')
  })

  it('keeps every line within 998 octets for a body line, a subject and a name of 100,000 characters', async () => {
    const long = 'a'.repeat(100_000)
    const dutch = 'ë'.repeat(100_000)
    const eml = await toEml({
      ...base,
      from: mailboxText({ name: 'N'.repeat(100_000), address: 'security@example.nl' }),
      subject: long,
      text: `start\n${long}\n${dutch}\nend`,
    })
    expectWellFormedLines(eml)
    const mail = await PostalMime.parse(eml)
    expect(mail.subject).toBe(long)
    // A display name is cut at 200 characters; subject and body come back whole.
    expect(mail.from?.name).toBe(`${'N'.repeat(199)}…`)
    expect(mail.text).toBe(asParsed(`start\n${long}\n${dutch}\nend`))
  })

  it('never lets a subject add a header: CR, LF, NUL and other controls become one line of text', async () => {
    const eml = await toEml({ ...base, subject: 'Re: report\r\nBcc: evil@attacker.example\nX-Evil:\u0000 1\r\n\r\nbody?' })
    expect(names(eml)).toEqual(['x-unsent', 'subject', 'from', 'to', 'date', 'message-id', 'content-transfer-encoding', 'mime-version', 'content-type'])
    const mail = await PostalMime.parse(eml)
    expect(mail.subject).toBe('Re: report Bcc: evil@attacker.example X-Evil: 1 body?')
    expect(mail.bcc).toBeUndefined()
    expectWellFormedLines(eml)
  })

  it('keeps header-like lines of the body in the body', async () => {
    const text = 'Bcc: evil@attacker.example\nSubject: other\n\nContent-Type: text/html\n<script>alert(1)</script>'
    const eml = await toEml({ ...base, text })
    expect(names(eml)).not.toContain('bcc')
    const mail = await PostalMime.parse(eml)
    expect(mail.subject).toBe(base.subject)
    expect(mail.html).toBeUndefined()
    expect(mail.text).toBe(asParsed(text))
  })

  it('keeps CR/LF in a display name inside that one name', async () => {
    const eml = await toEml({ ...base, from: '"Eve\r\nBcc: evil@attacker.example" <eve@example.org>', to: ['"Ann\nCc: x@y.example\t" <ann@example.org>'] })
    expect(names(eml).filter((n) => n === 'from' || n === 'to' || n === 'cc' || n === 'bcc')).toEqual(['from', 'to'])
    const mail = await PostalMime.parse(eml)
    expect(mail.from).toEqual({ name: 'Eve Bcc: evil@attacker.example', address: 'eve@example.org' })
    expect(mail.to).toEqual([{ name: 'Ann Cc: x@y.example', address: 'ann@example.org' }])
  })

  it('writes a display name that holds another address as the quoted name of the one real mailbox', async () => {
    for (const from of ['security@bank.example <attacker@evil.example>', '"security@bank.example" <attacker@evil.example>']) {
      const eml = await toEml({ ...base, from })
      expect(new Map(headerFields(eml)).get('from')).toBe('"security@bank.example" <attacker@evil.example>')
      const mail = await PostalMime.parse(eml)
      expect(mail.from).toEqual({ name: 'security@bank.example', address: 'attacker@evil.example' })
    }
  })

  it('keeps parentheses, quotes, commas and "<" of a name written with mailboxText', async () => {
    const name = 'Jörg "JM" Müller (Security), <team> \\ Example'
    const mail = await PostalMime.parse(await toEml({ ...base, from: mailboxText({ name, address: 'security@example.nl' }) }))
    expect(mail.from).toEqual({ name, address: 'security@example.nl' })
  })

  it('refuses an address field that is not exactly one valid mailbox, naming the field', async () => {
    const refused = async (m: Partial<typeof base> & { cc?: string[] }) => {
      const error = await toEml({ ...base, ...m }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(DeskError)
      return { code: (error as DeskError).code, path: (error as DeskError).issues[0]?.path, message: (error as DeskError).message }
    }
    expect(await refused({ from: 'not an address' })).toEqual({
      code: 'invalid_input',
      path: 'from',
      message: 'The sender "not an address" is not one email address: write it as name@example.org or as Name <name@example.org>.',
    })
    expect((await refused({ to: ['a@example.org', 'b@example.org, c@example.org'] })).path).toBe('to.1')
    expect((await refused({ cc: ['Team: a@example.org, b@example.org;'] })).path).toBe('cc.0')
    expect((await refused({ to: ['Eve <eve@example.org>\r\nBcc: evil@attacker.example'] })).path).toBe('to.0')
    expect(await refused({ from: 'ev\u0000e@example.org' })).toEqual({
      code: 'invalid_input',
      path: 'from',
      message: 'The sender "eve@example.org" holds an invisible control character: retype the name and address.',
    })
    expect((await refused({ from: 'eve@exa\u202Eelpmax.org' })).path).toBe('from')
    expect((await refused({ from: 'eve@example.org?bcc=x' })).path).toBe('from')
    expect((await refused({ from: `${'e'.repeat(250)}@example.org` })).path).toBe('from')
    expect(await refused({ to: [] })).toMatchObject({ path: 'to', message: 'Add at least one recipient.' })
  })
})
