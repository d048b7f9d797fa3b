import addressparser from 'nodemailer/lib/addressparser'
import { refusal } from '../errors'
import { breaksAsSpaces, singleLine } from './lineEndings'

/** One mailbox of an address header: the display name as text and the address itself. */
export type Mailbox = { name: string; address: string }

// An addr-spec as people type it: a dot-atom local part (RFC 5322 atext, letters of any script allowed as RFC 6531
// does) and a domain of letter-digit-hyphen labels. No quoted local parts, domain literals, controls, bidi or
// zero-width characters: nobody types them, and they serve only to hide where a mail goes. nodemailer writes a
// non-ASCII domain in punycode. RFC 5321 caps a path at 254 octets, which also keeps the address, which cannot be
// folded, far inside a 998-octet header line.
const atom = "[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+"
const label = '[\\p{L}\\p{N}\\p{M}](?:[\\p{L}\\p{N}\\p{M}-]*[\\p{L}\\p{N}\\p{M}])?'
const addrSpec = new RegExp(`^${atom}(?:\\.${atom})*@(?:${label}\\.)+${label}$`, 'u')
const maxAddress = 254

// A display name is a label, not content: 200 characters (the app's limit for a person's name) is more than any
// client shows, and with the 254-octet address it keeps an address header line far under 998 octets, since a name
// of printable ASCII goes out as one quoted string that cannot be folded inside its longest word.
const maxName = 200

const shown = (text: string) => {
  const line = singleLine(text)
  return line.length > 80 ? `${line.slice(0, 80)}…` : line
}

/**
 * Reads exactly one mailbox ("Name <name@example.org>" or "name@example.org") with nodemailer's addressparser, the
 * parser the message is built with. A list, a group or text that is not an address is refused rather than guessed at:
 * the draft would otherwise go to someone the person did not type. Line breaks are read as spaces first,
 * so "Eve <eve@example.org>\r\nBcc: x@example.org" is one text that is not one mailbox, never a second header.
 * `path` names the field ('from', 'to.0'); `label` names it in the message ('The sender', 'Recipient 1').
 */
export function mailbox(text: string, path: string, label: string): Mailbox {
  // addressparser deletes a NUL silently ("ev\0e@x" becomes "eve@x"), so a control is refused before parsing: the
  // draft must not go to an address other than the one written. Line breaks and tabs are only spaces.
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/.test(text)) {
    throw refusal(path, `${label} "${shown(text)}" holds an invisible control character: retype the name and address`)
  }
  const parsed = addressparser(breaksAsSpaces(text))
  const only = parsed.length === 1 ? parsed[0] : undefined
  if (only === undefined || only.group !== undefined || !addrSpec.test(only.address) || new TextEncoder().encode(only.address).length > maxAddress) {
    throw refusal(path, `${label} "${shown(text)}" is not one email address: write it as name@example.org or as Name <name@example.org>`)
  }
  const name = singleLine(only.name)
  return { name: name.length > maxName ? `${name.slice(0, maxName - 1)}…` : name, address: only.address }
}

/** Every entry of a recipient list as one mailbox; `label` is 'Recipient' or 'Copy recipient'. */
export function mailboxes(list: readonly string[], path: string, label: string): Mailbox[] {
  return list.map((text, i) => mailbox(text, `${path}.${i}`, `${label} ${i + 1}`))
}

/**
 * A mailbox written as text that `mailbox` reads back unchanged: the name as a quoted string, so parentheses, commas,
 * "@" and "<" in a person's name stay part of the name instead of being read as a comment, a list or an address.
 */
export function mailboxText(m: Mailbox): string {
  const name = singleLine(m.name)
  return name === '' ? m.address : `"${name.replace(/["\\]/g, '\\$&')}" <${m.address}>`
}
