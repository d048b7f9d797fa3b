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
 * one: header lines from the first line on, with at least one header that mail always has among them. A PNG, a PDF,
 * random bytes or a text file fail on the first line.
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
  for (const [i, line] of lines.entries()) {
    if (line === '' || line === '\r') break
    // A folded line continues the header above it.
    if (i > 0 && /^[ \t]/.test(line)) continue
    const match = headerLine.exec(line)
    // Past the first header, a line that is none ends the headers, as the parser reads it too.
    if (!match) break
    names.add(match[1]!.toLowerCase())
  }
  return [...names].some((name) => mailHeaders.has(name)) ? undefined : notMail
}

/** The mail without an mbox envelope line ('From sender date') before its headers, which no parser reads as one. */
export function withoutEnvelope(raw: Uint8Array): Uint8Array {
  const first = new TextDecoder('latin1').decode(raw.subarray(0, 5))
  if (first !== 'From ') return raw
  const lf = raw.indexOf(0x0a)
  return lf < 0 ? raw : raw.subarray(lf + 1)
}
