/** Lines shorter than this ("Hi,", "Steps:", "Thanks!") are too common to say the report was quoted. */
const minQuotedLength = 20

/** A line as compared: without quoting markers ('> > '), an excerpt's trailing '…', and with its spaces collapsed. */
function normalized(line: string): string {
  // The replacements are tested first: most lines need none, and a 1 MB report has twenty thousand of them.
  let text = line.trim()
  if (text.startsWith('>')) text = text.replace(/^(>\s*)+/, '')
  if (text.endsWith('…')) text = text.slice(0, -1).trimEnd()
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text
}

function comparedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(normalized)
    .filter((line) => line.length >= minQuotedLength)
}

/** The report's lines by their first characters; the last report's index is kept, since a draft asks again per keystroke. */
let lastIndex: { reportText: string; byStart: Map<string, string[]> } | undefined

function reportIndex(reportText: string): Map<string, string[]> {
  if (lastIndex?.reportText === reportText) return lastIndex.byStart
  const byStart = new Map<string, string[]>()
  for (const line of comparedLines(reportText)) {
    const start = line.slice(0, minQuotedLength)
    const lines = byStart.get(start)
    if (lines) lines.push(line)
    else byStart.set(start, [line])
  }
  lastIndex = { reportText, byStart }
  return byStart
}

/**
 * Whether the body repeats a line of the report: the whole line, quoted or inside a sentence of its own, or its start
 * (an excerpt cut short). For a report that came in encrypted, that is what must not go out in the clear unless the
 * sender agrees. Report lines are indexed by their first characters, so a 20 KB body against a report already seen
 * takes about a millisecond, not a substring search of one text in the other.
 */
export function quotesReport(body: string, reportText: string): boolean {
  const bodyLines = comparedLines(body)
  if (bodyLines.length === 0) return false
  const byStart = reportIndex(reportText)
  return bodyLines.some((line) => {
    if (byStart.get(line.slice(0, minQuotedLength))?.some((reportLine) => reportLine.startsWith(line))) return true
    for (let i = 0; i + minQuotedLength <= line.length; i++) {
      const candidates = byStart.get(line.slice(i, i + minQuotedLength))
      if (candidates?.some((reportLine) => line.startsWith(reportLine, i))) return true
    }
    return false
  })
}
