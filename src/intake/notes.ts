import { z } from 'zod'

/** The fields of a case an import fills from a mail's headers and body. */
export const IntakeField = z.enum(['title', 'reporterName', 'reportText', 'messageId', 'references', 'attachmentName'])
export type IntakeField = z.infer<typeof IntakeField>

/**
 * What an import changed or could not take from the mail, as data: the import screen words it (src/i18n/intakeText.ts)
 * so the person sees what to check before creating the case. Values from the mail in a note are already cleaned.
 */
export const IntakeNote = z.discriminatedUnion('kind', [
  /** Cut to the field's limit; `length` is how long it was. */
  z.object({ kind: z.literal('truncated'), field: IntakeField, length: z.number().int().min(0), max: z.number().int().min(0) }),
  /** Line breaks, NUL, other control characters or direction overrides taken out of a one-line field. */
  z.object({ kind: z.literal('characters_removed'), field: IntakeField, count: z.number().int().min(1) }),
  /** The mail had only an HTML body; its text was taken from it without rendering it. */
  z.object({ kind: z.literal('html_converted') }),
  /** The report arrived encrypted and is kept as it came: the armored text (or the S/MIME part) is the report. */
  z.object({ kind: z.literal('encrypted'), how: z.enum(['inline_pgp', 'pgp_mime', 'smime']) }),
  /** The reporter's OpenPGP public key came with the mail and fills the case's key. */
  z.object({ kind: z.literal('pgp_key_found'), from: z.enum(['attachment', 'body']) }),
  /** No From (nor Sender, nor Reply-To) with an address the desk can use; `found` is what the header held. */
  z.object({ kind: z.literal('no_sender'), found: z.string().max(320).optional() }),
  /** The sender's name reads like another address than the one it came from: a common way to pose as someone. */
  z.object({ kind: z.literal('name_holds_address'), name: z.string().max(200), address: z.string().max(320) }),
  /** A mailing list (`list`, its address) sent the mail on; the reporter is who wrote it (X-Original-From, Reply-To). */
  z.object({ kind: z.literal('sender_from_list'), list: z.string().max(320) }),
  /** From named several people; the first is the reporter. */
  z.object({ kind: z.literal('several_senders'), count: z.number().int().min(2) }),
  z.object({ kind: z.literal('no_subject') }),
  z.object({ kind: z.literal('no_text') }),
  /** The MIME structure was broken; the body is kept as the raw text that came. */
  z.object({ kind: z.literal('malformed_mime') }),
  /** No Date header, or one that is no date: the received time is the time of the import. */
  z.object({ kind: z.literal('date_missing') }),
  z.object({ kind: z.literal('date_unreadable'), value: z.string().max(200) }),
  /** The Date lies ahead of this computer's clock (the sender's clock is wrong): the time of the import is used. */
  z.object({ kind: z.literal('date_in_future'), value: z.string().max(200) }),
  /** The mail gives an offset, not a zone: `timeZone` is the zone read from it, for the person to correct if known. */
  z.object({ kind: z.literal('zone_from_offset'), offset: z.string(), timeZone: z.string() }),
  /** The Date gives no usable zone (no offset, -0000, or an offset no zone has then): the time is kept in UTC. */
  z.object({ kind: z.literal('zone_unknown'), offset: z.string().optional() }),
  /** A mail attached to the mail (message/rfc822), as a colleague's "forward as attachment" sends a report on. */
  z.object({ kind: z.literal('mail_attached'), name: z.string().max(255) }),
  /** More attachments than a case lists; `count` is how many came. */
  z.object({ kind: z.literal('attachments_dropped'), count: z.number().int().min(0), max: z.number().int().min(0) }),
])
export type IntakeNote = z.infer<typeof IntakeNote>
