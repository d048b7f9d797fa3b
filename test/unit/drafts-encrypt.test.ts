import { decrypt, decryptKey, generateKey, readKey, readMessage, readPrivateKey, revokeKey } from 'openpgp'
import PostalMime from 'postal-mime'
import { beforeAll, describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { encryptFor, publicKeyInfo, toEncryptedEml } from '../../src/drafts/index'

const passphrase = 'reporter passphrase'
let reporter: { publicKey: string; privateKey: string; revocationCertificate: string }

beforeAll(async () => {
  reporter = await generateKey({ userIDs: [{ name: 'Anouk de Vries', email: 'anouk@example.org' }], passphrase })
})

async function decryptionKey() {
  return decryptKey({ privateKey: await readPrivateKey({ armoredKey: reporter.privateKey }), passphrase })
}

/** The message as the reporter's client shows a text message. */
async function decryptedText(armored: string): Promise<string> {
  const { data } = await decrypt({ message: await readMessage({ armoredMessage: armored }), decryptionKeys: await decryptionKey() })
  return data
}

/** The exact bytes encrypted, as a PGP/MIME client reads the MIME entity. */
async function decryptedBytes(armored: string): Promise<string> {
  const message = await readMessage({ armoredMessage: armored })
  const { data } = await decrypt({ message, decryptionKeys: await decryptionKey(), format: 'binary' })
  return new TextDecoder().decode(data)
}

const text = 'Beste Anouk,\n\nDe oplossing staat klaar 🎉; wij publiceren op donderdag 3 december.\n\nMet vriendelijke groet,\nJörg'

describe('encryptFor', () => {
  it('encrypts to the reporter’s key as ASCII armor that the matching private key decrypts to the same text', async () => {
    const armored = await encryptFor(text, reporter.publicKey)
    expect(armored.startsWith('-----BEGIN PGP MESSAGE-----\n')).toBe(true)
    expect(armored).not.toContain('Anouk,')
    expect(await decryptedText(armored)).toBe(text)
  })

  it('refuses a key that is unreadable, private, revoked or expired, in words that say what to ask for', async () => {
    const revoked = (await revokeKey({ key: await readKey({ armoredKey: reporter.publicKey }), revocationCertificate: reporter.revocationCertificate })).publicKey
    const old = await generateKey({ userIDs: [{ email: 'old@example.org' }], date: new Date('2025-01-01T00:00:00Z'), keyExpirationTime: 86_400 })
    const refusal = (armored: string) => encryptFor(text, armored).then(() => undefined, (e: unknown) => e as DeskError)
    for (const [armored, words] of [
      ['not a key', 'cannot be read'],
      [reporter.privateKey, 'This is a private PGP key, which should never be shared'],
      [revoked, 'was revoked by its owner'],
      [old.publicKey, 'expired on 2025-01-02'],
    ] as const) {
      const error = await refusal(armored)
      expect(error).toBeInstanceOf(DeskError)
      expect(error).toMatchObject({ code: 'invalid_input' })
      expect(error?.message).toContain(words)
      expect(error?.message).toContain('Ask the reporter for their current public key')
    }
  })
})

describe('publicKeyInfo', () => {
  it('names the key’s fingerprint and user ids and says it has not expired', async () => {
    const key = await readKey({ armoredKey: reporter.publicKey })
    expect(await publicKeyInfo(reporter.publicKey)).toEqual({
      fingerprint: key.getFingerprint(),
      userIds: ['Anouk de Vries <anouk@example.org>'],
      expired: false,
    })
    expect(key.getFingerprint()).toMatch(/^[0-9a-f]{40,64}$/)
  })

  it('says a key expired once its expiry has passed, and not before', async () => {
    const created = new Date('2025-01-01T00:00:00Z')
    const { publicKey } = await generateKey({ userIDs: [{ email: 'old@example.org' }], date: created, keyExpirationTime: 86_400 })
    expect(await publicKeyInfo(publicKey, new Date('2025-01-01T12:00:00Z'))).toMatchObject({ expired: false })
    expect(await publicKeyInfo(publicKey, new Date('2025-01-03T00:00:00Z'))).toMatchObject({ expired: true })
  })

  it('says why a key cannot be used: not a key, a private key, a key that cannot encrypt', async () => {
    expect(await publicKeyInfo('-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbroken\n-----END PGP PUBLIC KEY BLOCK-----')).toEqual({
      problem: expect.stringMatching(/^The reporter's PGP key cannot be read \(.+\)\. Ask the reporter for their current public key/),
    })
    expect(await publicKeyInfo(reporter.privateKey)).toEqual({ problem: expect.stringContaining('This is a private PGP key') })
    const signOnly = await generateKey({ userIDs: [{ email: 's@example.org' }], subkeys: [] })
    expect(await publicKeyInfo(signOnly.publicKey)).toEqual({ problem: expect.stringContaining("The reporter's PGP key cannot encrypt") })
  })
})

/** The parts of a multipart body, each as its header block and its content (the CRLF before a delimiter is the delimiter's). */
function parts(eml: string, boundary: string): { headers: string; content: string }[] {
  const body = eml.slice(eml.indexOf('\r\n\r\n') + 4)
  const sections = body.split(`--${boundary}`)
  expect(sections.at(-1)?.startsWith('--')).toBe(true)
  return sections.slice(1, -1).map((section) => {
    const part = section.replace(/^\r\n/, '')
    const end = part.indexOf('\r\n\r\n')
    return { headers: part.slice(0, end), content: part.slice(end + 4).replace(/\r\n$/, '') }
  })
}

describe('toEncryptedEml', () => {
  const draft = {
    from: 'Jörg Müller <security@example.nl>',
    to: ['Anouk de Vries <anouk@example.org>'],
    subject: '[VD-2026-007] Publicatie\r\nBcc: evil@attacker.example',
    text: `${text}\n${'x'.repeat(100_000)}`,
    date: new Date('2026-12-03T09:30:00Z'),
    inReplyTo: '<report@mail.example.org>',
  }

  it('is PGP/MIME (RFC 3156): multipart/encrypted with the version part first and the armored message second', async () => {
    const eml = await toEncryptedEml(draft, reporter.publicKey)
    const header = eml.slice(0, eml.indexOf('\r\n\r\n')).replace(/\r\n[ \t]/g, ' ')
    const contentType = /^Content-Type: (.*)$/m.exec(header)?.[1] ?? ''
    expect(contentType).toMatch(/^multipart\/encrypted; protocol="application\/pgp-encrypted"; boundary="?([^";]+)"?$/)
    const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1] ?? ''
    const [version, message, extra] = parts(eml, boundary)
    expect(extra).toBeUndefined()
    expect(version?.headers).toMatch(/^Content-Type: application\/pgp-encrypted$/m)
    expect(version?.content).toBe('Version: 1\r\n')
    expect(message?.headers).toMatch(/^Content-Type: application\/octet-stream; name=encrypted\.asc$/m)
    expect(message?.content.startsWith('-----BEGIN PGP MESSAGE-----\r\n')).toBe(true)
    expect(header).toMatch(/^X-Unsent: 1$/m)

    // What the key decrypts is a text/plain MIME entity holding the body, as a client shows it.
    const inner = await PostalMime.parse(await decryptedBytes(message?.content ?? ''))
    expect(inner.text).toBe(`${draft.text}\n`)
    expect(inner.headers.find((h) => h.key === 'content-type')?.value).toBe('text/plain; charset=utf-8')

    // RFC 5322 line rules hold for the whole message, and the inner entity.
    for (const m of [eml, await decryptedBytes(message?.content ?? '')]) {
      expect(m.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      expect(Math.max(...m.split('\r\n').map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(998)
    }
  })

  it('carries sender, recipients, subject and threading outside, with no header added by the subject', async () => {
    const eml = await toEncryptedEml(draft, reporter.publicKey)
    const mail = await PostalMime.parse(eml)
    expect(mail.from).toEqual({ name: 'Jörg Müller', address: 'security@example.nl' })
    expect(mail.to).toEqual([{ name: 'Anouk de Vries', address: 'anouk@example.org' }])
    expect(mail.subject).toBe('[VD-2026-007] Publicatie Bcc: evil@attacker.example')
    expect(mail.bcc).toBeUndefined()
    expect(mail.inReplyTo).toBe('<report@mail.example.org>')
    expect(mail.references).toBe('<report@mail.example.org>')
    expect(mail.text).toBeUndefined()
  })

  it('refuses a key that cannot be used before building anything', async () => {
    await expect(toEncryptedEml(draft, reporter.privateKey)).rejects.toMatchObject({ code: 'invalid_input' })
  })
})
