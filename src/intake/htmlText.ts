import { convert } from 'html-to-text'

/**
 * The text of an HTML body, read as data by html-to-text and never rendered: no script runs, no image or style loads.
 * Lines are not wrapped (that would break armored PGP blocks, URLs and code in a report), links keep their address
 * (a proof of concept is often one), and the walk stops at a depth a hostile mail of nested tags cannot overflow.
 */
export function htmlText(html: string): string {
  return convert(html, {
    wordwrap: false,
    limits: { maxDepth: 256, maxChildNodes: 100_000, maxInputLength: 20_000_000 },
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'table', format: 'dataTable', options: { maxColumnWidth: 10_000 } },
    ],
  })
}
