import MailComposer from 'nodemailer/lib/mail-composer'
import { encodeWord } from 'nodemailer/lib/mime-funcs'
import MimeNode, { type MimeNodeHeader } from 'nodemailer/lib/mime-node'
import { z } from 'zod'
import { parseInput, refusal } from '../errors'
import { encryptEntity } from './encrypt'
import { crlfText, singleLine } from './lineEndings'
import { mailbox, mailboxes, type Mailbox } from './mailbox'

/**
 * A draft as it leaves the app: one sender, the recipients, the subject and the plain-text body, and for a reply the
 * ids of the mail it answers (Message-ID and References of the report, as intake kept them) so it threads.
 */
export const DraftMail = z.object({
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()).optional(),
  subject: z.string(),
  text: z.string(),
  date: z.date().optional(),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()).optional(),
  messageId: z.string().optional(),
})
export type DraftMail = z.infer<typeof DraftMail>

// A msg-id as RFC 5322 writes it, <left@right> in printable ASCII. 250 characters keeps "References: <id>" on one
// line far under 998 octets, since an id cannot be folded.
const msgId = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/
const maxMsgId = 250

/** `<id@host>` from text with or without the angle brackets, or undefined when it is not one msg-id. */
function messageIdOf(text: string): string | undefined {
  const bare = text.replace(/\s+/g, '').replace(/^<|>$/g, '')
  const id = `<${bare}>`
  return msgId.test(id) && id.length <= maxMsgId ? id : undefined
}

/** The headers every draft carries, each read and checked once, whatever the body becomes. */
type DraftHeaders = {
  from: Mailbox
  to: Mailbox[]
  cc: Mailbox[]
  subject: string
  date: Date
  messageId: string | undefined
  inReplyTo: string | undefined
  references: string[]
}

function draftHeaders(input: DraftMail): DraftHeaders {
  const m = parseInput(DraftMail, input, 'The email')
  if (m.to.length === 0) throw refusal('to', 'Add at least one recipient')
  const messageId = m.messageId === undefined ? undefined : messageIdOf(m.messageId)
  if (m.messageId !== undefined && messageId === undefined) throw refusal('messageId', 'The Message-ID is not of the form <id@host>')
  // The ids of the mail replied to came from the reporter's mail: one that is not a msg-id cannot thread anything,
  // so it is left out rather than written into a header or refusing the whole draft.
  const inReplyTo = m.inReplyTo === undefined ? undefined : messageIdOf(m.inReplyTo)
  const references = (m.references ?? []).flatMap((r) => messageIdOf(r) ?? [])
  // RFC 5322 §3.6.4: a reply's References are the parent's References followed by the parent's Message-ID.
  if (inReplyTo !== undefined && !references.includes(inReplyTo)) references.push(inReplyTo)
  return {
    from: mailbox(m.from, 'from', 'The sender'),
    to: mailboxes(m.to, 'to', 'Recipient'),
    cc: mailboxes(m.cc ?? [], 'cc', 'Copy recipient'),
    subject: singleLine(m.subject),
    date: m.date ?? new Date(),
    messageId,
    inReplyTo,
    references,
  }
}

// nodemailer folds header lines only at whitespace and writes printable ASCII as it is, so one long word (a
// 100,000-character subject from a hostile report) would stay one line far over 998 octets. A subject with a word
// that cannot fit a 78-character line goes out as RFC 2047 encoded words instead: they fold every 52 characters and
// decode back to the same text. (Display names are kept short by `mailbox`.)
const longWord = /\S{61,}/

function subjectHeader(subject: string): MimeNodeHeader {
  const value = longWord.test(subject) ? encodeWord(subject, 'Q', 52) : MimeNode.encodeHeaderValue('Subject', subject)
  return { key: 'Subject', value: { prepared: true, foldLines: true, value } }
}

// Outlook opens a message with this header as a draft to edit and send, not as a received mail.
const unsent: MimeNodeHeader = { key: 'X-Unsent', value: '1' }

/**
 * The draft as an RFC 5322 message (.eml) built with nodemailer's mail composer: UTF-8, CRLF line endings only, and
 * no line over 998 octets. The body is normalized to CRLF before it is built; the composer then writes ASCII text with
 * short lines as 7bit and any other text as quoted-printable or base64 (wrapped at 76), choosing per body
 * (`textEncoding` left to it: quoted-printable for mostly Latin text such as Dutch, base64 for mostly other scripts).
 * Subject and names go in as one line of text, MIME-encoded and folded, so no input adds a header.
 */
export async function toEml(m: DraftMail): Promise<string> {
  const h = draftHeaders(m)
  const composer = new MailComposer({
    headers: [unsent, subjectHeader(h.subject)],
    from: h.from,
    to: h.to,
    cc: h.cc.length > 0 ? h.cc : undefined,
    date: h.date,
    messageId: h.messageId,
    inReplyTo: h.inReplyTo,
    references: h.references.length > 0 ? h.references : undefined,
    text: crlfText(m.text),
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  return (await composer.compile().build()).toString('utf8')
}

/**
 * The draft encrypted to the reporter's public key as PGP/MIME (RFC 3156): a multipart/encrypted message whose first
 * part is the application/pgp-encrypted version part and whose second is the armored OpenPGP message. What is
 * encrypted is a MIME entity (a text/plain part), as RFC 3156 §4 requires, so a client shows the decrypted text with
 * its charset and line breaks; that is why this takes the public key and not an armored text.
 *
 * The mail composer only builds multipart/mixed, alternative and related trees, so the tree is built with nodemailer's
 * MimeNode, the node the composer itself builds with: the same address, subject and Message-ID encoding, the same
 * folding and CRLF output as toEml. Subject, sender and recipients stay readable on the outside, as in any PGP/MIME
 * mail.
 */
export async function toEncryptedEml(m: DraftMail, armoredPublicKey: string): Promise<string> {
  const h = draftHeaders(m)
  const armored = await encryptEntity(await innerEntity(m.text), armoredPublicKey)

  const root = new MimeNode('multipart/encrypted; protocol="application/pgp-encrypted"', {
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  root.setHeader([unsent, subjectHeader(h.subject)])
  root.setHeader('From', h.from)
  root.setHeader('To', h.to)
  if (h.cc.length > 0) root.setHeader('Cc', h.cc)
  if (h.inReplyTo !== undefined) root.setHeader('In-Reply-To', h.inReplyTo)
  if (h.references.length > 0) root.setHeader('References', h.references)
  if (h.messageId !== undefined) root.setHeader('Message-ID', h.messageId)
  root.setHeader('Date', h.date)

  root
    .createChild('application/pgp-encrypted')
    .setHeader('Content-Description', 'PGP/MIME version identification')
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent('Version: 1\r\n')
  root
    .createChild('application/octet-stream', { filename: 'encrypted.asc' })
    .setHeader('Content-Description', 'OpenPGP encrypted message')
    .setHeader('Content-Disposition', 'inline')
    // Armored text is ASCII in lines of 64 characters: 7bit keeps it readable and is what RFC 3156 clients expect.
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent(crlfText(armored))
  return (await root.build()).toString('utf8')
}

/** The body as the text/plain MIME entity that PGP/MIME encrypts: its headers and the encoded text, CRLF. */
async function innerEntity(text: string): Promise<string> {
  // A part below a root is built without the root's Date, Message-ID and MIME-Version headers.
  const holder = new MimeNode('multipart/mixed', { newline: 'win', disableFileAccess: true, disableUrlAccess: true })
  const part = holder.createChild('text/plain; charset=utf-8').setContent(crlfText(text))
  return (await part.build()).toString('utf8')
}
