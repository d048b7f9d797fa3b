import type { CaseInput } from '../cases/case'
import type { IntakeField, IntakeNote } from '../intake/notes'
import { formatForZone, zoneLabel } from './dates'

/** The fields of an import as the import screen names them. */
export const intakeFieldLabels: Record<IntakeField, string> = {
  title: 'the title',
  reporterName: 'the reporter’s name',
  reportText: 'the report text',
  messageId: 'the Message-ID',
  references: 'the References',
  attachmentName: 'an attachment’s name',
}

const count = (n: number) => n.toLocaleString('en-US')
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`

/**
 * What the import screen says about each note, in the words of the person checking the case before it is created.
 * The screens are English (src/i18n/language.ts); a value from the mail in a note is shown as text, never as markup.
 */
export function intakeNoteText(note: IntakeNote): string {
  switch (note.kind) {
    case 'truncated':
      return note.field === 'references'
        ? `The mail named ${count(note.length)} earlier messages; the first and the last ${count(note.max - 1)} are kept for threading.`
        : `${capital(intakeFieldLabels[note.field])} was ${plural(note.length, 'character', 'characters')} long and is cut to the first ${count(note.max)}.`
    case 'characters_removed':
      return `${plural(note.count, 'line break or hidden control character was', 'line breaks or hidden control characters were')} taken out of ${intakeFieldLabels[note.field]} (such as text-direction overrides, which can disguise what it says).`
    case 'html_converted':
      return 'The mail had only an HTML body; its text is shown here without the HTML. Nothing in it was displayed or loaded.'
    case 'encrypted':
      return note.how === 'smime'
        ? 'The report arrived encrypted with S/MIME and is kept as it came, as an attachment. Decrypt it with your mail app; the desk cannot read it.'
        : 'The report arrived encrypted with OpenPGP and is kept as it came: the report text is the encrypted message. Decrypt it with your own key outside the desk, and reply encrypted: a reply that quotes it will ask before it goes out unencrypted.'
    case 'pgp_key_found':
      return note.from === 'attachment'
        ? 'The mail came with an OpenPGP public key attached, most likely the reporter’s; it is filled in, so replies can be encrypted to it.'
        : 'The mail holds an OpenPGP public key in its text; it is filled in as the reporter’s key, so replies can be encrypted to it. Check that it is the reporter’s.'
    case 'no_sender':
      return note.found === undefined
        ? 'The mail names no sender. Enter the reporter’s name and address.'
        : `The sender “${note.found}” is no address the desk can write to. Enter the reporter’s address.`
    case 'name_holds_address':
      return `The sender’s name “${note.name}” reads like an address, but the mail came from ${note.address}. The address it came from is the reporter’s; the name is kept as written.`
    case 'sender_from_list':
      return `The mail came through the mailing list ${note.list}; the reporter is the person who wrote to it, not the list.`
    case 'several_senders':
      return `The mail names ${count(note.count)} senders; the first is taken as the reporter.`
    case 'no_subject':
      return 'The mail has no subject. Enter a title.'
    case 'no_text':
      return 'The mail has no text, so the report text is empty; look at its attachments, if it has any.'
    case 'malformed_mime':
      return 'The mail’s parts are broken (its MIME structure cannot be followed), so the report text is its body as it came, including any encoded parts.'
    case 'date_missing':
      return 'The mail has no date; the time of this import is taken as when the report was received. Correct it if you know better.'
    case 'date_unreadable':
      return `The mail’s date “${note.value}” cannot be read; the time of this import is taken as when the report was received. Correct it if you know better.`
    case 'date_in_future':
      return `The mail’s date “${note.value}” lies in the future (the sender’s clock may be wrong); the time of this import is taken as when the report was received.`
    case 'zone_from_offset':
      return `The mail gives the time with the offset ${note.offset}, not a place; it is kept in the zone ${zoneLabel(note.timeZone)}. Choose the reporter’s own zone if you know it.`
    case 'zone_unknown':
      return note.offset === undefined
        ? 'The mail’s date gives no time zone; the time is read as UTC. Choose the reporter’s zone if you know it.'
        : `No time zone the desk knows had the mail’s offset ${note.offset} at that time; the time is kept in UTC. Choose the reporter’s zone if you know it.`
    case 'mail_attached':
      return `The mail carries another mail as an attachment (“${note.name}”), as forwarded reports often do. To open the case from the original, save that attachment and import it instead.`
    case 'attachments_dropped':
      return `The mail has ${count(note.count)} attachments; the first ${count(note.max)} are listed.`
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The longest note the timeline keeps (src/commands/timelineEntries NoteText). */
const noteMax = 100_000

/**
 * An imported reply as a note on the case it answers: who sent it, when (on the sender's clock, zone named), its
 * subject, then its text as it came. Plain text; the timeline shows it as text, never as markup. A reply longer than
 * a note can hold keeps its start and says where it was cut.
 */
export function replyNoteText(input: CaseInput): string {
  const { name, email } = input.reporter
  const sender = name && email ? `${name} <${email}>` : name || email || 'a sender the mail does not name'
  const head = [
    `Reply by email from ${sender}`,
    `Sent ${formatForZone(input.received.at, input.received.timeZone, 'en')}`,
    `Subject: ${input.title || '(no subject)'}`,
    '',
  ].join('\n')
  const text = (input.reportText ?? '').trim() === '' ? '(The mail has no text.)' : (input.reportText ?? '')
  const whole = `${head}\n${text}`
  if (whole.length <= noteMax) return whole
  const cut = `\n\n[Cut here: the reply is ${count(text.length)} characters long, more than a note keeps. The rest is in the mail.]`
  return whole.slice(0, noteMax - cut.length) + cut
}
