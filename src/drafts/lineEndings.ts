/**
 * Text as it may go into a mail message. Drafts carry reporter text (names, titles, quoted reports) that can hold any
 * code point; these functions decide once what survives into a header and into a body.
 */

// A lone UTF-16 surrogate has no UTF-8 form (Buffer writes U+FFFD for it anyway) and makes encodeURIComponent throw.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// RFC 5322 bodies carry no NUL, and no client shows the other C0/C1 controls as text: they only hide or garble words.
// TAB, LF and CR stay (line breaks are normalized next).
const bodyControls = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F]/g
// Everything a reader or a mail client may take as a line break: CR, LF, NEL, LINE and PARAGRAPH SEPARATOR.
const lineBreak = /\r\n|\r|\n|\u0085|\u2028|\u2029/g

/**
 * A body with CRLF line endings only, as RFC 5322 requires. MIME libraries pass a bare LF or CR through as it is, so
 * the body is normalized before it is built into a message.
 */
export function crlfText(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD').replace(bodyControls, '').replace(lineBreak, '\r\n')
}

/**
 * One line of header text (a subject, a display name): every line break and tab becomes a space and every other
 * control is dropped, so no input can end the header it is written into and start another.
 */
export function singleLine(text: string): string {
  return breaksAsSpaces(text).replace(bodyControls, '').replace(/ {2,}/g, ' ').trim()
}

/** Every line break and tab as a space, nothing else changed: text that can no longer span two header lines. */
export function breaksAsSpaces(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD').replace(lineBreak, ' ').replace(/\t/g, ' ')
}
