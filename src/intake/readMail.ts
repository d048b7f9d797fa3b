import PostalMime, { addressParser, type Address, type Attachment, type Email, type Mailbox } from 'postal-mime'
import type { CaseInput } from '../cases/case'
import { type AttachmentInfo, Reporter } from '../cases/fields'
import { DeskError } from '../errors'
import type { Language } from '../i18n/language'
import { bodyText, cut, oneLine, quoted } from './cleanText'
import { contentType } from './contentType'
import { htmlText } from './htmlText'
import { receivedFromDate } from './mailDate'
import type { IntakeNote } from './notes'
import { notMailReason, withMailLineEnds, withoutEnvelope } from './notMail'
import { armoredPublicKey, holdsPgpMessage } from './pgp'
import { sha256Hex } from './sha256'

/** A mail larger than this is refused before it is parsed: a report with a 25 MB attachment is well under it. */
export const mailSizeLimit = 60 * 1024 * 1024

const reportTextMax = 1_000_000
const titleMax = 300
const nameMax = 200
// MailSource's limits: RFC 5322's 998 characters a header line, and at most 1000 references and attachments.
const headerMax = 998
const referencesMax = 1000
const attachmentsMax = 1000
const pgpKeyMax = 100_000

/** What a mail holds for a new case: the case to prefill, its attachments (bytes kept apart, in the same order). */
export interface ReadMail {
  input: CaseInput
  attachments: AttachmentInfo[]
  /** The attachments' bytes, for saving one when the person asks; never stored with the case. */
  contents: Uint8Array[]
  encrypted: boolean
  notes: IntakeNote[]
}

export interface ReadMailOptions {
  /** The import's time: a mail without a usable Date was received then. */
  now?: Date
  /** Zones to read the Date's offset as when they have it then, before a fixed Etc/GMT zone: the team's own. */
  preferredZones?: readonly string[]
}

const refused = (reason: string) => new DeskError('invalid_input', reason)

async function parsed(raw: Uint8Array): Promise<Email> {
  try {
    return await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' })
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const why = /nesting/i.test(detail)
      ? 'its parts are nested deeper than any mail program writes'
      : /header/i.test(detail)
        ? 'its headers are larger than any mail program writes'
        : `the parser stopped (${cut(detail, 200)})`
    throw refused(`This mail cannot be read: ${why}. Nothing was imported. Create the case by hand and paste the report.`)
  }
}

const header = (email: Email, key: string) => email.headers.find((h) => h.key === key)?.value

const mailboxOf = (address: Address | undefined): Mailbox | undefined => (address?.group ? address.group[0] : address)

const validEmail = (address: string) => Reporter.shape.email.safeParse(address).success

const addressInName = /[^\s@<>"',;()]+@[^\s@<>"',;()]+\.[^\s@<>"',;()]+/

/**
 * A mailing list that rewrites From for DMARC (Google Groups: `'Jana Novak' via Security <security@acme.example>`)
 * keeps the person who wrote in X-Original-From, or in Reply-To; the list's own address is no reporter.
 */
function listSender(email: Email): Mailbox | undefined {
  if (header(email, 'list-id') === undefined) return undefined
  const original = header(email, 'x-original-from')
  const fromOriginal = original === undefined ? undefined : mailboxOf(addressParser(original)[0])
  if (fromOriginal && validEmail(fromOriginal.address.trim())) return fromOriginal
  const reply = mailboxOf(email.replyTo?.[0])
  return /\svia\s/i.test(mailboxOf(email.from)?.name ?? '') && reply && validEmail(reply.address.trim()) ? reply : undefined
}

/** The reporter from From, else Sender, else Reply-To; a name that holds another address stays a name, and says so. */
function reporterOf(email: Email): { name: string; email: string; notes: IntakeNote[] } {
  const notes: IntakeNote[] = []
  const fromHeader = header(email, 'from')
  const count = fromHeader ? addressParser(fromHeader, { flatten: true }).length : 0
  if (count > 1) notes.push({ kind: 'several_senders', count })
  const list = listSender(email)
  const listAddress = mailboxOf(email.from)?.address.trim()
  if (list && listAddress) notes.push({ kind: 'sender_from_list', list: cut(listAddress, 320) })
  const candidates = [list, email.from, email.sender, email.replyTo?.[0]].map(mailboxOf)
  const mailbox = candidates.find((m) => m && validEmail(m.address.trim()))
  if (!mailbox) {
    const found = quoted(fromHeader ?? '', 320)
    notes.push(found === '' ? { kind: 'no_sender' } : { kind: 'no_sender', found })
    const name = oneLine(mailboxOf(email.from)?.name ?? '', 'reporterName', nameMax)
    return { name: name.text, email: '', notes: [...notes, ...name.notes] }
  }
  const address = mailbox.address.trim()
  const name = oneLine(mailbox.name, 'reporterName', nameMax)
  notes.push(...name.notes)
  const posing = addressInName.exec(name.text)?.[0]
  if (posing && posing.toLowerCase() !== address.toLowerCase()) notes.push({ kind: 'name_holds_address', name: name.text, address })
  return { name: name.text === '' ? address : name.text, email: address, notes }
}

/** Content-Language (Outlook writes it) or Accept-Language saying Dutch: the desk writes to the reporter in Dutch. */
function languageOf(email: Email): Language {
  const said = header(email, 'content-language') ?? header(email, 'accept-language') ?? ''
  return /^\s*nl\b/i.test(said) ? 'nl' : 'en'
}

const textOf = (content: Attachment['content']) =>
  typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content)

const bytesOf = (content: Attachment['content']): Uint8Array =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content)

// The body after the header block, for a multipart whose parts the parser could not find (no or a wrong boundary).
function rawBody(raw: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(raw)
  const blank = /\r?\n\r?\n/.exec(text)
  return blank ? text.slice(blank.index + blank[0].length) : ''
}

interface Body {
  text: string
  encrypted: false | 'inline_pgp' | 'pgp_mime' | 'smime'
  notes: IntakeNote[]
}

/** The report text: the plain body, else the HTML body as text; an encrypted report as the armored text it came as. */
function bodyOf(email: Email, raw: Uint8Array): Body {
  const root = contentType(header(email, 'content-type'))
  if (root.type === 'multipart/encrypted') {
    const armored = email.attachments.map((a) => textOf(a.content)).find(holdsPgpMessage)
    if (armored !== undefined) return { text: armored, encrypted: 'pgp_mime', notes: [] }
  }
  if (/^application\/(x-)?pkcs7-mime$/.test(root.type) && (root.params.get('smime-type') ?? 'enveloped-data') === 'enveloped-data') {
    return { text: email.text ?? '', encrypted: 'smime', notes: [] }
  }
  const plain = email.text ?? ''
  if (plain.trim() !== '') return { text: plain, encrypted: holdsPgpMessage(plain) ? 'inline_pgp' : false, notes: [] }
  if (email.html !== undefined && email.html.trim() !== '') {
    const text = htmlText(email.html)
    return { text, encrypted: holdsPgpMessage(text) ? 'inline_pgp' : false, notes: [{ kind: 'html_converted' }] }
  }
  if (root.type.startsWith('multipart/') && email.attachments.length === 0) {
    const kept = rawBody(raw)
    if (kept.trim() !== '') return { text: kept, encrypted: holdsPgpMessage(kept) ? 'inline_pgp' : false, notes: [{ kind: 'malformed_mime' }] }
  }
  return { text: '', encrypted: false, notes: [{ kind: 'no_text' }] }
}

/** Message ids of a header as written, angle brackets kept: `<a@b> <c@d>`; a bare id when the mail gives no brackets. */
function idsOf(value: string | undefined): string[] {
  if (value === undefined) return []
  const bracketed = value.match(/<[^<>\s]+>/g)
  const ids = bracketed ?? value.split(/\s+/)
  return ids.map((id) => oneLine(id, 'references', headerMax).text).filter((id) => id !== '')
}

/** Notes on many attachment names as one of each kind: a mail of 1,000 hostile names gets two notes, not 2,000. */
function mergedNameNotes(notes: IntakeNote[]): IntakeNote[] {
  const removed = notes.reduce((sum, n) => sum + (n.kind === 'characters_removed' ? n.count : 0), 0)
  const longest = notes.reduce((max, n) => Math.max(max, n.kind === 'truncated' ? n.length : 0), 0)
  return [
    ...(removed > 0 ? [{ kind: 'characters_removed', field: 'attachmentName', count: removed } as const] : []),
    ...(longest > 0 ? [{ kind: 'truncated', field: 'attachmentName', length: longest, max: 255 } as const] : []),
  ]
}

async function attachmentsOf(email: Email): Promise<{ infos: AttachmentInfo[]; contents: Uint8Array[]; notes: IntakeNote[] }> {
  const kept = email.attachments.slice(0, attachmentsMax)
  const contents = kept.map((a) => bytesOf(a.content))
  const names = kept.map((a, i) => {
    const name = oneLine(a.filename ?? '', 'attachmentName', 255)
    // A forwarded mail rarely has a name; saved as .eml, it opens in a mail app and imports again.
    const unnamed = `attachment-${i + 1}${a.mimeType === 'message/rfc822' ? '.eml' : ''}`
    return { ...name, text: name.text === '' ? unnamed : name.text }
  })
  const infos = await Promise.all(
    kept.map(async (a, i) => {
      const type = quoted(a.mimeType, 255)
      return {
        name: names[i]!.text,
        type: type === '' ? 'application/octet-stream' : type,
        size: contents[i]!.byteLength,
        sha256: await sha256Hex(contents[i]!),
      }
    }),
  )
  const notes: IntakeNote[] = [
    ...mergedNameNotes(names.flatMap((n) => n.notes)),
    ...kept.flatMap((a, i): IntakeNote[] => (a.mimeType === 'message/rfc822' ? [{ kind: 'mail_attached', name: names[i]!.text }] : [])),
  ]
  if (email.attachments.length > attachmentsMax) notes.push({ kind: 'attachments_dropped', count: email.attachments.length, max: attachmentsMax })
  return { infos, contents, notes }
}

// Thunderbird attaches the sender's key as OpenPGP_0x….asc (application/pgp-keys); others paste it into the body.
function publicKeyOf(email: Email, text: string): { key: string; from: 'attachment' | 'body' } | undefined {
  for (const a of email.attachments) {
    if (a.mimeType === 'application/pgp-keys' || /\.asc$/i.test(a.filename ?? '')) {
      const key = armoredPublicKey(textOf(a.content))
      if (key && key.length <= pgpKeyMax) return { key, from: 'attachment' }
    }
  }
  const inBody = armoredPublicKey(text)
  return inBody && inBody.length <= pgpKeyMax ? { key: inBody, from: 'body' } : undefined
}

/**
 * Reads a report saved from a mail app (.eml) into a case to prefill: reporter from From, received time and zone
 * from Date, title from Subject, report text from the body, the ids a reply threads with, and the attachments with
 * their SHA-256. Everything in it is hostile data: one-line fields lose line breaks, NUL and direction controls, every
 * field is cut to its limit, HTML is converted to text and never rendered; each such change is a note. Bytes that are
 * no mail, or a mail that cannot be parsed, are refused with a DeskError('invalid_input') saying why.
 */
export async function readMail(raw: Uint8Array, options: ReadMailOptions = {}): Promise<ReadMail> {
  if (raw.byteLength > mailSizeLimit) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
    throw refused(`This mail is ${mb(raw.byteLength)}, more than the ${mb(mailSizeLimit)} the desk reads. Nothing was imported. Save the mail without its largest attachments, or create the case by hand.`)
  }
  const lines = withMailLineEnds(raw)
  const reason = notMailReason(lines)
  if (reason !== undefined) throw refused(reason)
  const mail = withoutEnvelope(lines)
  const email = await parsed(mail)
  const notes: IntakeNote[] = []

  const reporter = reporterOf(email)
  notes.push(...reporter.notes)
  const title = oneLine(email.subject ?? '', 'title', titleMax)
  notes.push(...title.notes)
  if (title.text === '') notes.push({ kind: 'no_subject' })
  const date = receivedFromDate(header(email, 'date'), { now: options.now ?? new Date(), preferredZones: options.preferredZones ?? [] })
  notes.push(...date.notes)

  const body = bodyOf(email, mail)
  notes.push(...body.notes)
  if (body.encrypted) notes.push({ kind: 'encrypted', how: body.encrypted })
  const report = bodyText(body.text, reportTextMax)
  notes.push(...report.notes)

  const key = publicKeyOf(email, body.text)
  if (key) notes.push({ kind: 'pgp_key_found', from: key.from })

  const messageId = oneLine(email.messageId ?? '', 'messageId', headerMax)
  notes.push(...messageId.notes)
  const allReferences = idsOf(email.references ?? email.inReplyTo)
  // The oldest id names the thread and the newest the mail answered: RFC 5322 §3.6.4 keeps both ends when trimming.
  const references = allReferences.length > referencesMax ? [allReferences[0]!, ...allReferences.slice(-(referencesMax - 1))] : allReferences
  if (allReferences.length > referencesMax) notes.push({ kind: 'truncated', field: 'references', length: allReferences.length, max: referencesMax })

  const attachments = await attachmentsOf(email)
  notes.push(...attachments.notes)

  const encrypted = body.encrypted !== false
  const input: CaseInput = {
    title: title.text,
    reporter: {
      name: reporter.name,
      email: reporter.email,
      language: languageOf(email),
      ...(key ? { pgpPublicKey: key.key } : {}),
    },
    received: date.received,
    channel: 'email',
    reportText: report.text,
    mail: {
      ...(messageId.text === '' ? {} : { messageId: messageId.text }),
      references,
      encrypted,
      attachments: attachments.infos,
    },
  }
  return { input, attachments: attachments.infos, contents: attachments.contents, encrypted, notes }
}
