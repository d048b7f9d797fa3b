import { describe, expect, it } from 'vitest'
import { mailtoLimit, mailtoTooLong, toMailto } from '../../src/drafts/index'
import { mailtoTooLongReason } from '../../src/drafts/mailto'

const draft = {
  to: ['Anouk de Vries <anouk@example.org>'],
  subject: '[VD-2026-007] Ontvangstbevestiging',
  text: 'Beste Anouk,\n\nHartelijk dank voor uw melding.\n\nMet vriendelijke groet,\nJörg',
}

/** The link as a mail app reads it: recipients from the path, the fields from the query. */
function read(url: string) {
  const parsed = new URL(url)
  return {
    protocol: parsed.protocol,
    to: decodeURIComponent(parsed.pathname).split(','),
    keys: [...parsed.searchParams.keys()],
    subject: parsed.searchParams.get('subject'),
    body: parsed.searchParams.get('body'),
  }
}

describe('toMailto', () => {
  it('parses back with URL and URLSearchParams: the addresses, the subject, the body with CRLF line breaks', () => {
    const url = toMailto({ ...draft, to: [...draft.to, 'soren@example.dk'] })
    expect(read(url)).toEqual({
      protocol: 'mailto:',
      to: ['anouk@example.org', 'soren@example.dk'],
      keys: ['subject', 'body'],
      subject: '[VD-2026-007] Ontvangstbevestiging',
      body: 'Beste Anouk,\r\n\r\nHartelijk dank voor uw melding.\r\n\r\nMet vriendelijke groet,\r\nJörg',
    })
  })

  it('writes line breaks as %0D%0A, spaces as %20 and non-ASCII as UTF-8, as RFC 6068 says', () => {
    const url = toMailto({ to: ['anouk@example.org'], subject: 'Zoë & co + 🎉', text: 'één\rtwee\ndrie' })
    expect(url).toBe('mailto:anouk@example.org?subject=Zo%C3%AB%20%26%20co%20%2B%20%F0%9F%8E%89&body=%C3%A9%C3%A9n%0D%0Atwee%0D%0Adrie')
  })

  it('keeps a subject to one line and a body to its own field, whatever they hold', () => {
    const url = toMailto({
      to: ['anouk@example.org'],
      subject: 'Re: report\r\nBcc: evil@attacker.example\u0000',
      text: 'see &bcc=evil@attacker.example&subject=x\n?cc=evil@attacker.example#frag',
    })
    expect(read(url)).toMatchObject({
      to: ['anouk@example.org'],
      keys: ['subject', 'body'],
      subject: 'Re: report Bcc: evil@attacker.example',
      body: 'see &bcc=evil@attacker.example&subject=x\r\n?cc=evil@attacker.example#frag',
    })
  })

  it('turns a lone UTF-16 surrogate into U+FFFD instead of throwing', () => {
    expect(read(toMailto({ ...draft, text: 'broken \uD83D here' })).body).toBe('broken \uFFFD here')
  })

  it('refuses a recipient that is not one valid address, naming the field, as toEml does', () => {
    for (const bad of ['anouk@example.org?bcc=evil@attacker.example', 'a@example.org, b@example.org', 'nobody', 'x@exa\u202Eelpmax.org']) {
      expect(() => toMailto({ ...draft, to: ['ok@example.org', bad] })).toThrowError(
        expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'to.1' })] }),
      )
    }
  })
})

describe('mailtoTooLong', () => {
  it('refuses links over 2,000 characters, which several clients and Windows cut without a word', () => {
    expect(mailtoLimit).toBe(2000)
    const head = toMailto({ ...draft, text: '' })
    const exactly = toMailto({ ...draft, text: 'x'.repeat(mailtoLimit - head.length) })
    expect(exactly.length).toBe(2000)
    expect(mailtoTooLong(exactly)).toBe(false)
    expect(mailtoTooLong(`${exactly}x`)).toBe(true)
    // Dutch text grows when percent-encoded: 700 characters of "ë" are 4,200 in the link.
    expect(mailtoTooLong(toMailto({ ...draft, text: 'ë'.repeat(700) }))).toBe(true)
  })
})

describe('mailtoTooLongReason', () => {
  it('says why a link is refused, with both lengths and what to do instead; nothing for one that fits', () => {
    const fits = toMailto({ ...draft, text: 'Short.' })
    expect(mailtoTooLongReason(fits)).toBeUndefined()
    const long = toMailto({ ...draft, text: 'ë'.repeat(700) })
    expect(mailtoTooLongReason(long)).toBe(
      `This email is too long to open in the mail app: as a mailto: link it is ${long.length.toLocaleString('en-US')} characters, and several mail apps and Windows cut such a link after 2,000. Save it as an .eml file and open that instead.`,
    )
  })
})
