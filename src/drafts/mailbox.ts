import addressparser from 'nodemailer/lib/addressparser'
import { refusal } from '../errors'
import { singleLine } from './lineEndings'

/** One mailbox of an address header: the display name as text and the address itself. */
export type Mailbox = { name: string; address: string }

// An addr-spec without quoted local parts or domain literals: what people type and what every client can reply to.
// Non-ASCII is allowed (nodemailer writes the domain in punycode). RFC 5321 caps a path at 254 octets, which also
// keeps the address, which cannot be folded, far inside a 998-octet header line.
const addrSpec = /^[^\s@"(),:;<>[\]\\]+@(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\.]+$/u
const maxAddress = 254

const shown = (text: string) => {
  const line = singleLine(text)
  return line.length > 80 ? `${line.slice(0, 80)}…` : line
}

/**
 * Reads exactly one mailbox ("Name <name@example.org>" or "name@example.org") with nodemailer's addressparser, the
 * parser the message is built with. A list, a group or text that is not an address is refused rather than guessed at:
 * the draft would otherwise go to someone the person did not type. Line breaks and controls are read as spaces first,
 * so "Eve <eve@example.org>\r\nBcc: x@example.org" is one text that is not one mailbox, never a second header.
 * `path` names the field ('from', 'to.0'); `label` names it in the message ('The sender', 'Recipient 1').
 */
export function mailbox(text: string, path: string, label: string): Mailbox {
  const parsed = addressparser(singleLine(text))
  const only = parsed.length === 1 ? parsed[0] : undefined
  if (only === undefined || only.group !== undefined || !addrSpec.test(only.address) || only.address.length > maxAddress) {
    throw refusal(path, `${label} "${shown(text)}" is not one email address: write it as name@example.org or as Name <name@example.org>`)
  }
  return { name: singleLine(only.name), address: only.address }
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
