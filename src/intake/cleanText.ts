import type { IntakeField, IntakeNote } from './notes'

const nul = /\u0000/g

/** A cleaned value and what the cleaning did, as notes. */
export interface Cleaned {
  text: string
  notes: IntakeNote[]
}

/** Cuts to `max` UTF-16 units without leaving half of a surrogate pair at the end. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max
  return text.slice(0, end)
}

// C0 and C1 controls and DEL, and the Unicode direction marks, embeddings, overrides and isolates: in a one-line
// field a right-to-left override makes 'invoice‮fdp.exe' read as 'invoiceexe.pdf', and a CR/LF is a header break.
interface OneLine {
  text: string
  /** Characters taken out or replaced; a CRLF counts as one line break. */
  removed: number
  /** The length before the cut. */
  length: number
}

function cleanLine(value: string, max: number): OneLine {
  let removed = 0
  const spaced = value.replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (ch) => {
    // A folded header is unfolded by the parser, so a line break still in the value came out of an encoded word:
    // counted, since that is how a header is smuggled. A tab is how mail folds and indents, not something removed.
    if (ch === '\t') return ' '
    removed += 1
    return ch === '\r\n' || ch === '\n' || ch === '\r' ? ' ' : ''
  })
  const collapsed = spaced.replace(/\s+/gu, ' ').trim()
  return { text: cut(collapsed, max).trimEnd(), removed, length: collapsed.length }
}

/**
 * One line of text from a header: control and direction characters out (a line break or tab becomes a space, since it
 * separated words), runs of spaces as one, trimmed, then cut to `max`. Each change is a note on `field`.
 */
export function oneLine(value: string, field: IntakeField, max: number): Cleaned {
  const line = cleanLine(value, max)
  const notes: IntakeNote[] = []
  if (line.removed > 0) notes.push({ kind: 'characters_removed', field, count: line.removed })
  if (line.length > max) notes.push({ kind: 'truncated', field, length: line.length, max })
  return { text: line.text, notes }
}

/** A header's value as a note quotes it ('the date “…” cannot be read'): one clean line, at most `max` long. */
export const quoted = (value: string, max: number) => cleanLine(value, max).text

/**
 * The report text as it came, as data: line endings as LF and NUL taken out (it ends a string in the C code of many
 * tools), cut to `max`. Direction overrides stay: a report may be in Arabic or Hebrew, or be about Trojan Source, and
 * the screens show the text as text, never as a header or a file name.
 */
export function bodyText(value: string, max: number): Cleaned {
  const notes: IntakeNote[] = []
  const lf = value.replace(/\r\n?/g, '\n')
  let removed = 0
  const text = lf.replace(nul, () => {
    removed += 1
    return ''
  })
  if (removed > 0) notes.push({ kind: 'characters_removed', field: 'reportText', count: removed })
  if (text.length > max) notes.push({ kind: 'truncated', field: 'reportText', length: text.length, max })
  return { text: cut(text, max), notes }
}
