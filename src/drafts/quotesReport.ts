/** Lines shorter than this ("Hi,", "Steps:", "Thanks") are too common to say the report was quoted. */
const minQuotedLength = 20

/** A line as compared: without quoting markers ('> > '), an excerpt's trailing '…', and with its spaces collapsed. */
function normalized(line: string): string {
  return line
    .replace(/^(\s*>)+/, '')
    .replace(/…$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Whether the body repeats a line of the report, quoted or not. For a report that came in encrypted this is what
 * must not go out in the clear unless the person sending it agrees.
 */
export function quotesReport(body: string, reportText: string): boolean {
  const report = reportText.split(/\r\n|\r|\n/).map(normalized).join('\n')
  return body
    .split(/\r\n|\r|\n/)
    .map(normalized)
    .some((line) => line.length >= minQuotedLength && report.includes(line))
}
