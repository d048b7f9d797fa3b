/** A stretch of policy text, marked when a rule quotes it. */
export type TextPiece = { text: string; ruleIds: string[] }

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Splits the text into pieces, marking where each rule's quote occurs. Whitespace in a quote matches any run of
 * whitespace, as the backend's check does, so a quote still matches across a line break of the text.
 */
export function highlightQuotes(text: string, rules: { id: string; quote: string }[]): TextPiece[] {
  const marks: { start: number; end: number; ruleId: string }[] = []
  for (const rule of rules) {
    const words = rule.quote.trim().split(/\s+/).filter(Boolean)
    if (words.length === 0) continue
    const pattern = new RegExp(words.map(escapeForRegExp).join('\\s+'), 'g')
    for (const match of text.matchAll(pattern)) marks.push({ start: match.index, end: match.index + match[0].length, ruleId: rule.id })
  }
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b)
  const pieces: TextPiece[] = []
  for (let i = 0; i < cuts.length - 1; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!]
    const ruleIds = marks.filter((m) => m.start <= start && m.end >= end).map((m) => m.ruleId)
    const last = pieces.at(-1)
    if (last && last.ruleIds.join() === ruleIds.join()) last.text += text.slice(start, end)
    else pieces.push({ text: text.slice(start, end), ruleIds })
  }
  return pieces
}
