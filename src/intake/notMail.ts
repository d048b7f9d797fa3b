// Headers every mail program writes at least one of; a text that merely starts with 'Note: …' has none of them.
const mailHeaders = new Set(['from', 'date', 'subject', 'message-id', 'received', 'return-path', 'mime-version', 'to', 'sender', 'delivered-to'])
// A header line: a field name of printable ASCII without a colon (RFC 5322 §2.2), then the colon.
const headerLine = /^([!-9;-~]+)[ \t]*:/
// mbox files and some 'save as' commands put the envelope line 'From sender date' before the headers.
const envelopeLine = /^From \S/
const headLimit = 256 * 1024

const notMail =
  'This file is not an email message: it does not start with mail headers such as From, Date and Subject. Nothing was imported. Save the report from your mail app as an .eml file and open that.'

const startsWith = (raw: Uint8Array, bytes: number[]) => bytes.every((b, i) => raw[i] === b)

/**
 * Why these bytes are not a mail message, in words for the person who chose the file, or undefined when they start as
 * one: header lines from the first line on, with at least one header that mail always has among them, ended the way
 * mail ends them (a blank line before the body, or the end of the file), unless two or more such headers leave no
 * doubt. A PNG, a PDF, random bytes or a text file fail on the first line; a letter that opens with 'To: whom it may
 * concern' and goes straight on with its text fails on the second.
 */
export function notMailReason(raw: Uint8Array): string | undefined {
  if (raw.length === 0) return 'The file is empty: there is no mail in it. Nothing was imported.'
  // An Outlook .msg is an OLE compound file; say what it is, since Outlook's own Save As writes it.
  if (startsWith(raw, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'This is an Outlook message file (.msg), not an .eml. Nothing was imported. Save the mail in the .eml format instead (the new Outlook and Outlook on the web can; Thunderbird and Apple Mail always do) and open that file.'
  }
  const head = new TextDecoder('latin1').decode(raw.subarray(0, headLimit)).replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '')
  const lines = head.split(/\r?\n/)
  if (envelopeLine.test(lines[0] ?? '')) lines.shift()
  const names = new Set<string>()
  // Whether the headers end at a blank line or with the file, as in every mail, rather than at a line of text.
  let endedAsMail = true
  for (const [i, line] of lines.entries()) {
    if (line === '' || line === '\r') break
    // A folded line continues the header above it.
    if (i > 0 && /^[ \t]/.test(line)) continue
    const match = headerLine.exec(line)
    // Past the first header, a line that is none ends the headers, as the parser reads it too.
    if (!match) {
      endedAsMail = false
      break
    }
    names.add(match[1]!.toLowerCase())
  }
  const found = [...names].filter((name) => mailHeaders.has(name)).length
  return found >= 2 || (found === 1 && endedAsMail) ? undefined : notMail
}

/** Where the bytes CR CR (the blank line of a mail with old Mac line ends) first occur; -1 when nowhere. */
function doubleCr(raw: Uint8Array): number {
  for (let i = raw.indexOf(0x0d); i >= 0; i = raw.indexOf(0x0d, i + 1)) if (raw[i + 1] === 0x0d) return i
  return -1
}

/**
 * The mail with lines ended by CRLF when it was saved with old Mac line ends (a lone CR each, as Mac OS 9 and some
 * tools write): the parser splits lines at LF only, and would read the whole file as one header. Told by its head: no
 * LF at all, or none before the blank line CR CR that ends the headers. A mail whose lines end in LF or CRLF is left
 * byte for byte as it is, a CR smuggled into one of its headers included.
 */
export function withMailLineEnds(raw: Uint8Array): Uint8Array {
  const lf = raw.indexOf(0x0a)
  const oldMac = lf < 0 ? raw.includes(0x0d) : doubleCr(raw.subarray(0, lf)) >= 0
  if (!oldMac) return raw
  // Byte by byte, not through a decoder: 'latin1' decodes as windows-1252, which would not give 0x80–0x9f back.
  let lone = 0
  for (let i = 0; i < raw.length; i++) if (raw[i] === 0x0d && raw[i + 1] !== 0x0a) lone++
  const out = new Uint8Array(raw.length + lone)
  let o = 0
  for (let i = 0; i < raw.length; i++) {
    out[o++] = raw[i]!
    if (raw[i] === 0x0d && raw[i + 1] !== 0x0a) out[o++] = 0x0a
  }
  return out
}

/** The mail without an mbox envelope line ('From sender date') before its headers, which no parser reads as one. */
export function withoutEnvelope(raw: Uint8Array): Uint8Array {
  const first = new TextDecoder('latin1').decode(raw.subarray(0, 5))
  if (first !== 'From ') return raw
  const lf = raw.indexOf(0x0a)
  return lf < 0 ? raw : raw.subarray(lf + 1)
}
