import { crlfText, singleLine } from './lineEndings'
import { mailboxes } from './mailbox'

/**
 * The longest mailto: link the app hands to the mail app. Several clients and Windows' URL handling cut links
 * beyond about 2,000 characters without a word, which would send half a draft; longer drafts go out as a file.
 */
export const mailtoLimit = 2000

/** True when the link is too long to hand over whole; save the draft as .eml instead. */
export function mailtoTooLong(url: string): boolean {
  return url.length > mailtoLimit
}

/**
 * Why the link cannot go to the mail app, in words that say what to do instead; undefined when it fits. The count is
 * the link's, not the draft's: percent-encoding makes every non-ASCII letter six to twelve characters long.
 */
export function mailtoTooLongReason(url: string): string | undefined {
  if (!mailtoTooLong(url)) return undefined
  return `This email is too long to open in the mail app: as a mailto: link it is ${url.length.toLocaleString('en-US')} characters, and several mail apps and Windows cut such a link after ${mailtoLimit.toLocaleString('en-US')}. Save it as an .eml file and open that instead.`
}

// RFC 6068 §2: an addr-spec in the path keeps its "@"; everything else outside unreserved characters is
// percent-encoded as UTF-8.
const addressPart = (address: string) => encodeURIComponent(address).replace(/%40/g, '@')

/**
 * The draft as a mailto: URI (RFC 6068): the recipients' addresses in the path (display names have no place there),
 * subject and body as percent-encoded UTF-8 with every line break as %0D%0A. A space is %20, never "+", which mail
 * clients would show as a plus. Invalid recipients are refused as toEml refuses them.
 */
export function toMailto(m: { to: string[]; subject: string; text: string }): string {
  const to = mailboxes(m.to, 'to', 'Recipient')
    .map((b) => addressPart(b.address))
    .join(',')
  const fields = [`subject=${encodeURIComponent(singleLine(m.subject))}`, `body=${encodeURIComponent(crlfText(m.text))}`]
  return `mailto:${to}?${fields.join('&')}`
}
