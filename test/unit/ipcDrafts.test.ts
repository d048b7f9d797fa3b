import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { decrypt, generateKey, readMessage, readPrivateKey, readKey } from 'openpgp'
import PostalMime from 'postal-mime'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import type { Result } from '../../src/ipc/contract'
import { createTestDesk, type TestDesk } from '../support/testDesk'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

const monday = () => new Date('2026-12-21T09:00:00Z')

const report: CaseInput = {
  title: 'IDOR in the invoice API',
  reporter: { name: 'Sam Finder', email: 'sam@example.org' },
  received: { at: '2026-12-18T15:10:00.000Z', timeZone: 'Europe/Amsterdam' },
}

const message = {
  from: 'Eva de Vries <eva@example.nl>',
  to: ['Sam Finder <sam@example.org>'],
  cc: [],
  subject: '[VD-2026-001] We received your report',
  text: 'Dear Sam,\n\nThank you for your report. We will confirm our evaluation within three business days.\n\nEva',
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

let keys: { publicKey: string; privateKey: string; fingerprint: string }
beforeAll(async () => {
  const { publicKey, privateKey } = await generateKey({ userIDs: [{ name: 'Sam Finder', email: 'sam@example.org' }], format: 'armored' })
  keys = { publicKey, privateKey, fingerprint: (await readKey({ armoredKey: publicKey })).getFingerprint() }
})

async function decrypted(armored: string): Promise<string> {
  const { data } = await decrypt({
    message: await readMessage({ armoredMessage: armored }),
    decryptionKeys: await readPrivateKey({ armoredKey: keys.privateKey }),
  })
  return String(data)
}

describe('drafts:saveEml', () => {
  it('saves the draft as an .eml named after the case and purpose, a draft (X-Unsent) that threads under the report', async () => {
    t = await createTestDesk({ now: monday })
    const c = value(
      await t.desk.cases.create({
        ...report,
        mail: { messageId: '<report-1@mail.example.org>', references: ['<earlier@mail.example.org>'] },
      }),
    )
    const saved = value(await t.desk.drafts.saveEml({ caseId: c.id, purpose: 'acknowledgement', message, encrypt: false }))
    const path = join(t.files.folder, 'VD-2026-001 acknowledgement.eml')
    expect(saved).toEqual({ saved: true, file: path })
    expect(t.files.saved.map(({ title, suggestedName, filters }) => ({ title, suggestedName, filters }))).toEqual([
      { title: 'Save the draft', suggestedName: 'VD-2026-001 acknowledgement.eml', filters: [{ name: 'Email message', extensions: ['eml'] }] },
    ])

    const raw = await readFile(path, 'utf8')
    expect(raw).not.toMatch(/(?<!\r)\n/)
    const parsed = await PostalMime.parse(raw)
    expect(parsed.from).toEqual({ name: 'Eva de Vries', address: 'eva@example.nl' })
    expect(parsed.to).toEqual([{ name: 'Sam Finder', address: 'sam@example.org' }])
    expect(parsed.subject).toBe('[VD-2026-001] We received your report')
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(message.text)
    expect(parsed.inReplyTo).toBe('<report-1@mail.example.org>')
    expect(parsed.references).toBe('<earlier@mail.example.org> <report-1@mail.example.org>')
    expect(parsed.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1')
    // Dated by the handlers' clock, the moment it was saved.
    expect(new Date(parsed.date!).toISOString()).toBe('2026-12-21T09:00:00.000Z')
  })

  it('writes nothing when the person cancels the save dialog', async () => {
    t = await createTestDesk({ now: monday })
    const c = value(await t.desk.cases.create(report))
    t.files.acceptSaves = false
    expect(value(await t.desk.drafts.saveEml({ caseId: c.id, purpose: 'acknowledgement', message, encrypt: false }))).toEqual({ saved: false })
    expect(t.files.saved).toEqual([])
  })

  it("encrypts the draft to the reporter's key as PGP/MIME, and refuses in words when the case has no key", async () => {
    t = await createTestDesk({ now: monday })
    const plain = value(await t.desk.cases.create(report))
    const refused = await t.desk.drafts.saveEml({ caseId: plain.id, purpose: 'evaluation', message, encrypt: true })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The reporter gave no PGP public key on this case. Add it to the reporter on the case to encrypt to it.',
        issues: [],
      },
    })
    expect(t.files.saved).toEqual([])

    const c = value(await t.desk.cases.create({ ...report, reporter: { ...report.reporter, pgpPublicKey: keys.publicKey } }))
    const saved = value(await t.desk.drafts.saveEml({ caseId: c.id, purpose: 'evaluation', message, encrypt: true }))
    expect(saved.file).toBe(join(t.files.folder, 'VD-2026-002 evaluation.eml'))
    const raw = await readFile(saved.file!, 'utf8')
    expect(raw).toMatch(/^Content-Type: multipart\/encrypted; protocol="application\/pgp-encrypted"/m)
    expect(raw).not.toContain('Thank you for your report')
    const armored = raw.slice(raw.indexOf('-----BEGIN PGP MESSAGE-----'), raw.indexOf('-----END PGP MESSAGE-----') + 25)
    const inner = await PostalMime.parse(await decrypted(armored))
    expect(inner.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(message.text)
  })
})

describe('drafts:openMailto', () => {
  it('hands the mailto: link to the mail app and says whether one took it', async () => {
    t = await createTestDesk({ now: monday })
    const short = { to: message.to, subject: message.subject, text: 'Thank you.' }
    expect(value(await t.desk.drafts.openMailto(short))).toEqual({ opened: true })
    const [url] = t.files.mailto
    const parsed = new URL(url!)
    expect(parsed.protocol).toBe('mailto:')
    expect(parsed.searchParams.get('subject')).toBe(message.subject)
    expect(parsed.searchParams.get('body')).toBe('Thank you.')

    t.files.mailAppPresent = false
    expect(value(await t.desk.drafts.openMailto(short))).toEqual({ opened: false })
  })

  it('refuses a link longer than mail apps keep, saying why and to save the .eml instead, and opens nothing', async () => {
    t = await createTestDesk({ now: monday })
    const result = await t.desk.drafts.openMailto({ to: message.to, subject: message.subject, text: message.text.repeat(30) })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toMatch(
      /^This email is too long to open in the mail app: as a mailto: link it is [\d,]+ characters, and several mail apps and Windows cut such a link after 2,000\. Save it as an \.eml file and open that instead\.$/,
    )
    expect(t.files.mailto).toEqual([])
  })
})

describe("the reporter's key", () => {
  it('encrypts text to it, armored, naming the key it used', async () => {
    t = await createTestDesk({ now: monday })
    const c = value(await t.desk.cases.create({ ...report, reporter: { ...report.reporter, pgpPublicKey: keys.publicKey } }))
    const { armored, fingerprint } = value(await t.desk.drafts.encrypt({ caseId: c.id, text: message.text }))
    expect(armored).toMatch(/^-----BEGIN PGP MESSAGE-----/)
    expect(fingerprint).toBe(keys.fingerprint)
    expect(await decrypted(armored)).toBe(message.text)
  })

  it('says what the key is, or why there is none to use', async () => {
    t = await createTestDesk({ now: monday })
    const c = value(await t.desk.cases.create({ ...report, reporter: { ...report.reporter, pgpPublicKey: keys.publicKey } }))
    expect(value(await t.desk.drafts.keyInfo({ caseId: c.id }))).toEqual({
      fingerprint: keys.fingerprint,
      userIds: ['Sam Finder <sam@example.org>'],
      expired: false,
    })
    const plain = value(await t.desk.cases.create(report))
    expect(value(await t.desk.drafts.keyInfo({ caseId: plain.id }))).toEqual({
      problem: 'The reporter gave no PGP public key on this case. Add it to the reporter on the case to encrypt to it.',
    })
    const encrypted = await t.desk.drafts.encrypt({ caseId: plain.id, text: 'x' })
    expect(!encrypted.ok && encrypted.error.code).toBe('invalid_input')
  })
})
