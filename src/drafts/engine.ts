import { Liquid, Tag, type LiquidError, type TagToken, type Template, type TopLevelToken } from 'liquidjs'
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
  parseLimit: 400_000,
  renderLimit: 250,
  memoryLimit: 10_000_000,
})
for (const tag of ['include', 'render', 'layout']) liquid.registerTag(tag, FileTagRefused)

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

/** Tags and variable names of the last templates read that use no unknown variable (a draft's subject and body, …). */
const knownGood = new Set<string>()
const knownGoodKept = 16

/**
 * Strict rendering finds an unknown variable only where rendering reaches it; one in the branch this case does not
 * take (`{% if credit_choice == "declined" %}`) would wait for the case that does. Reading the template first finds
 * it for every case, at its place.
 */
function firstUnknownVariable(source: string, parsed: Template[], variables: DraftVariables): TemplateError | undefined {
  // liquidjs finds each variable's line by counting from the start of the source, so reading a long template costs
  // more per keystroke than rendering it. Which names it uses depends only on its tags and outputs: while those stay
  // as they were (typing in the text between them), the answer found before holds.
  const key = `${Object.keys(variables).join(' ')}\u0000${(source.match(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g) ?? []).join('\u0000')}`
  if (knownGood.has(key)) return undefined
  const { globals } = liquid.analyzeSync(parsed, { partials: false })
  const unknown = Object.entries(globals)
    .filter(([name]) => !Object.hasOwn(variables, name))
    .flatMap(([, uses]) => uses)
    .sort((a, b) => a.location.row - b.location.row || a.location.col - b.location.col)[0]
  if (!unknown) {
    knownGood.add(key)
    // A Set iterates in insertion order: the first is the oldest.
    if (knownGood.size > knownGoodKept) knownGood.delete(knownGood.values().next().value!)
    return undefined
  }
  return { message: explain(`undefined variable: ${String(unknown)}`), line: unknown.location.row, column: unknown.location.col }
}

/**
 * The template rendered with the variables, synchronously (the draft preview renders on every keystroke). Variable
 * values are data: whatever they hold (`{{ }}`, `{% raw %}`, HTML) is written out as it is, never parsed.
 */
export function renderTemplate(source: string, variables: DraftVariables): Rendered {
  try {
    const parsed = liquid.parse(source)
    const unknown = firstUnknownVariable(source, parsed, variables)
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
