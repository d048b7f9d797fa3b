import {
  Liquid,
  Parser,
  Tag,
  Token,
  TokenKind,
  Tokenizer,
  type LiquidError,
  type StaticAnalysis,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs'
import type { TemplateText } from './template'
import type { DraftVariables } from './variables'

/** Where a template went wrong, 1-based in the source it was given, in words a person editing it can act on. */
export type TemplateError = { message: string; line: number; column: number }
export type Rendered = { ok: true; text: string } | { ok: false; error: TemplateError }

/** A draft's body may become an email_sent event (at most 1,000,000 characters): a template that writes more is wrong. */
const maxOutput = 1_000_000

/**
 * Templates are text the team writes and shares; they must never read files, so the tags that would are refused at
 * parse time with their position. liquidjs's browser build would otherwise fetch them over HTTP, its Node build read
 * the disk.
 */
class FileTagRefused extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid)
    throw new Error(`{% ${token.name} %} cannot be used: a template cannot read other files`)
  }
  *render(): Generator<unknown, void, unknown> {}
}

/** The longest source read (TemplateText allows 200,000 characters). */
const parseLimit = 400_000

const noFiles = () => {
  throw new Error('a template cannot read other files')
}

const liquid = new Liquid({
  // Strict: a misspelt variable or filter is an error shown at its place, never an empty gap in a mail.
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  // Plain-text mail: nothing is HTML-escaped (outputEscape stays unset).
  relativeReference: false,
  fs: {
    readFileSync: noFiles,
    readFile: async () => noFiles(),
    existsSync: () => false,
    exists: async () => false,
    contains: async () => false,
    containsSync: () => false,
    resolve: noFiles,
  },
  // The source is at most 200,000 characters (TemplateText); a loop or string that grows without bound stops.
  parseLimit,
  renderLimit: 250,
  memoryLimit: 10_000_000,
})
for (const tag of ['include', 'render', 'layout']) liquid.registerTag(tag, FileTagRefused)
/** Parses tokens read once (liquid.parse would read the source again). */
const parser = new Parser(liquid)

/** liquidjs appends ", line:2, col:6" to its messages; the position is reported apart. */
function withoutPosition(message: string): string {
  return message.replace(/, line:\d+, col:\d+$/, '')
}

/** Liquid's terse messages, said as what to do about them. */
function explain(message: string): string {
  const unknownVariable = /^undefined variable: (.+)$/.exec(message)
  if (unknownVariable) return `Unknown variable “${unknownVariable[1]}”: use one of the listed variables`
  const unknownFilter = /^undefined filter: (.+)$/.exec(message)
  if (unknownFilter) return `Unknown filter “${unknownFilter[1]}”`
  if (message === 'template render limit exceeded') return 'The template takes too long to render (a loop too large?)'
  if (message === 'memory alloc limit exceeded') return 'The template builds too much text (a loop or range too large?)'
  return message.charAt(0).toUpperCase() + message.slice(1)
}

function isLiquidError(e: unknown): e is LiquidError {
  return e instanceof Error && 'token' in e && typeof (e as LiquidError).token?.getPosition === 'function'
}

function templateError(e: unknown): TemplateError {
  if (isLiquidError(e)) {
    const [line = 1, column = 1] = e.token.getPosition()
    return { message: explain(withoutPosition(e.originalError?.message ?? e.message)), line, column }
  }
  // Anything else (a string too long for the runtime) has no position: the start of the template.
  return { message: explain(e instanceof Error ? e.message : String(e)), line: 1, column: 1 }
}

/** The tokens liquid.parse would read, read once here: parsed, and their tags and outputs kept as the code. */
function tokenize(source: string): TopLevelToken[] {
  const { operators, groupedExpressions } = liquid.options
  return new Tokenizer(source, operators, undefined, undefined, groupedExpressions).readTopLevelTokens(liquid.options)
}

/**
 * A template's tags and outputs without the text between them (the variables a template uses depend on these alone),
 * and where each one starts in the source.
 */
type Code = { text: string; origins: number[] }

function codeOf(tokens: readonly TopLevelToken[]): Code {
  const code: Code = { text: '', origins: [] }
  for (const token of tokens) {
    if (token.kind === TokenKind.HTML) continue
    code.origins.push(token.begin)
    code.text += token.getText()
  }
  return code
}

/** Offsets where the lines of a text start. */
function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** The last index of an ascending list whose value is at most `value` (0 when none is). */
function lastAtMost(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length - 1]
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (sorted[middle]! <= value) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * liquidjs's analysis asks every variable's token for its line and column, and a token counts them character by
 * character from the start of the source: on a 20 KB body with a few hundred variables that is 30 ms, most of a
 * keystroke. While it analyses (synchronously, nothing else runs meanwhile), tokens of this source look their line up
 * in the source's line starts instead: the same answer.
 */
function analysed(parsed: Template[], source: string, lineStarts: readonly number[]): StaticAnalysis {
  const counting = Token.prototype.getPosition
  Token.prototype.getPosition = function (this: Token) {
    if (this.input !== source) return counting.call(this)
    const line = lastAtMost(lineStarts, this.begin)
    return [line + 1, this.begin - lineStarts[line]! + 1]
  }
  try {
    return liquid.analyzeSync(parsed, { partials: false })
  } finally {
    Token.prototype.getPosition = counting
  }
}

/** An unknown variable by its tag or output (index in Code) and its offset in it: it holds while only text moves. */
type Unknown = { name: string; tag: number; within: number }

/** The first variable the template uses that is neither given nor set by the template itself. */
function unknownIn(parsed: Template[], source: string, code: Code, variables: DraftVariables): Unknown | null {
  // Names a loop, assign or capture brings into scope are locals, not globals.
  const lineStarts = lineStartsOf(source)
  const { globals } = analysed(parsed, source, lineStarts)
  const first = Object.entries(globals)
    .filter(([name]) => !Object.hasOwn(variables, name))
    .flatMap(([, uses]) => uses)
    .sort((a, b) => a.location.row - b.location.row || a.location.col - b.location.col)[0]
  if (!first) return null
  const at = lineStarts[first.location.row - 1]! + first.location.col - 1
  const tag = lastAtMost(code.origins, at)
  return { name: String(first), tag, within: at - code.origins[tag]! }
}

/** 1-based line and column of an offset. */
function positionAt(text: string, offset: number): [line: number, column: number] {
  const lineStarts = lineStartsOf(text.slice(0, offset))
  return [lineStarts.length, offset - lineStarts[lineStarts.length - 1]! + 1]
}

/** What the last templates read (a draft's subject and body, …) use, by variable names and code. */
const unknownByCode = new Map<string, Unknown | null>()
const unknownByCodeKept = 16

/**
 * Strict rendering finds an unknown variable only where rendering reaches it; one in the branch this case does not
 * take (`{% if credit_choice == "declined" %}`) would wait for the case that does. Reading the template first finds
 * it for every case, at its place.
 */
function firstUnknownVariable(
  parsed: Template[],
  source: string,
  code: Code,
  variables: DraftVariables,
): TemplateError | undefined {
  // Which names a template uses depends only on its tags and outputs, as liquidjs tokenized them: while they stay as
  // they were (typing in the text between them), the answer found before holds.
  const key = `${Object.keys(variables).join(' ')}\u0000${code.text}`
  let unknown = unknownByCode.get(key)
  if (unknown === undefined) {
    unknown = unknownIn(parsed, source, code, variables)
    unknownByCode.set(key, unknown)
    // A Map iterates in insertion order: the first is the oldest.
    if (unknownByCode.size > unknownByCodeKept) unknownByCode.delete(unknownByCode.keys().next().value!)
  }
  if (!unknown) return undefined
  const [line, column] = positionAt(source, code.origins[unknown.tag]! + unknown.within)
  return { message: explain(`undefined variable: ${unknown.name}`), line, column }
}

/**
 * The template rendered with the variables, synchronously (the draft preview renders on every keystroke). Variable
 * values are data: whatever they hold (`{{ }}`, `{% raw %}`, HTML) is written out as it is, never parsed.
 */
export function renderTemplate(source: string, variables: DraftVariables): Rendered {
  try {
    // liquid.parse would refuse it; the source is tokenized here instead.
    if (source.length > parseLimit) {
      return { ok: false, error: { message: 'The template is longer than 400,000 characters', line: 1, column: 1 } }
    }
    const tokens = tokenize(source)
    // The code is taken before parsing, which consumes the tokens.
    const code = codeOf(tokens)
    const parsed = parser.parseTokens(tokens)
    const unknown = firstUnknownVariable(parsed, source, code, variables)
    if (unknown) return { ok: false, error: unknown }
    const text = liquid.renderSync(parsed, variables) as string
    if (text.length > maxOutput) {
      return { ok: false, error: { message: 'The template writes more than 1,000,000 characters', line: 1, column: 1 } }
    }
    return { ok: true, text }
  } catch (e) {
    return { ok: false, error: templateError(e) }
  }
}

/** A subject is one header line: line breaks (from the template or a variable) become spaces. */
function oneLine(rendered: Rendered): Rendered {
  if (!rendered.ok) return rendered
  return { ok: true, text: rendered.text.replace(/[\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim() }
}

/** Subject and body of one language of a template. */
export function renderDraft(text: TemplateText, variables: DraftVariables): { subject: Rendered; body: Rendered } {
  return { subject: oneLine(renderTemplate(text.subject, variables)), body: renderTemplate(text.body, variables) }
}
