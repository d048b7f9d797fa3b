import { z } from 'zod'
import { Case } from '../cases/case'
import { userWords } from '../errors'
import { currentSchemaVersion, migrations, StoreDocument } from './document'
import { shapeCheck } from './shapeCheck'

/** `migratedFrom`: the file's store format, when it was older than this version's (it was converted on reading). */
export type ReadResult = { ok: true; doc: StoreDocument; migratedFrom?: number } | { ok: false; problem: string }

/** ['timeline', 3, 'on'] → 'timeline entry 4, on': where a value sits in a case, for a person looking for it in the file. */
export function placeInWords(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? ` entry ${p + 1}` : `${i === 0 ? '' : ', '}${String(p)}`)).join('')
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

function jsonProblem(text: string, error: SyntaxError): string {
  const position = /position (\d+)/.exec(error.message)
  const at = position ? Number(position[1]) : undefined
  if (/end of JSON input|Unterminated/i.test(error.message) || (at !== undefined && at >= text.trimEnd().length)) {
    return 'is cut off: it ends in the middle of the data, as if it was only partly copied or saved'
  }
  const where = at === undefined ? '' : ` at ${lineAndColumn(text, at)}`
  return `is not valid JSON${where} (${error.message.replace(/ in JSON at position \d+.*$/, '')})`
}

/** A message of userWords ('Enter a date and time') continuing a sentence. */
export const lowerFirst = (message: string) => message.charAt(0).toLowerCase() + message.slice(1)

/** Where the first problem is, in words (a case by its key), and what it should be, as userWords says it. */
function schemaProblem(raw: Record<string, unknown>, error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'does not match the store format'
  const [top, index, ...inCase] = issue.path
  const cases = raw.cases
  const key =
    top === 'cases' && typeof index === 'number' && Array.isArray(cases) ? (cases[index] as { key?: unknown } | undefined)?.key : undefined
  const where =
    typeof key === 'string'
      ? ` in case ${key}${inCase.length > 0 ? ` (${placeInWords(inCase)})` : ''}`
      : issue.path.length > 0
        ? ` (${placeInWords(issue.path)})`
        : ''
  return `does not match the store format${where}: ${lowerFirst(issue.message)}`
}

/**
 * Full zod validation of 10,000 realistic cases (40 MB) took 1.2–1.8x as long as JSON.parse of them, which would make
 * opening 2–3x slower than reading the file; the type-only check below takes about 0.3x (see test/bench/store.bench.ts
 * for the whole open). So at open, settings and policies get full validation and
 * each case a type-only check that still catches wrong types, unknown enum values and missing fields; a case that
 * fails it gets full validation, which fills defaults or names the problem. The skipped rules (formats, lengths) are
 * enforced when a case is written and when it is first read one by one (Store.cases.get).
 */
const StoreHead = StoreDocument.extend({ cases: z.array(z.unknown()) })
const caseShape = shapeCheck(Case)

/**
 * A store file's parts besides its cases, as readDocument checks them (the cases left empty); undefined when the whole
 * file must go through readDocument: another format (to migrate) or a problem to name.
 */
export function readHead(raw: unknown): Omit<StoreDocument, 'cases'> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined
  if ((raw as Record<string, unknown>).schemaVersion !== currentSchemaVersion) return undefined
  const head = StoreHead.safeParse({ ...raw, cases: [] }, { error: userWords })
  if (!head.success) return undefined
  const { cases: _cases, ...rest } = head.data
  return rest
}

/**
 * One case as readDocument checks it: `asWritten` when the type check passed and the value is the one given, otherwise
 * fully validated (defaults filled in). Undefined when it fails; readDocument then names the problem.
 */
export function readCase(raw: unknown): { c: Case; asWritten: boolean } | undefined {
  if (caseShape(raw)) return { c: raw as Case, asWritten: true }
  const parsed = Case.safeParse(raw, { error: userWords })
  return parsed.success ? { c: parsed.data, asWritten: false } : undefined
}

/** Reads the text of a store file: JSON, then the version (migrating older ones), then the schema. */
export function readDocument(text: string): ReadResult {
  if (text.trim() === '') return { ok: false, problem: 'is empty' }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { ok: false, problem: jsonProblem(text, error as SyntaxError) }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'is not a Disclosure Desk store (it holds no object)' }
  }
  let doc = raw as Record<string, unknown>
  const version = doc.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: 'is not a Disclosure Desk store (it has no valid schemaVersion)' }
  }
  if (version > currentSchemaVersion) {
    return {
      ok: false,
      problem: `was written by a newer version of Disclosure Desk (store format ${version}; this version reads up to ${currentSchemaVersion}). Update the app to open it`,
    }
  }
  for (let v = version; v < currentSchemaVersion; v++) {
    const migrate = migrations[v]
    if (!migrate) return { ok: false, problem: `uses store format ${v}, which this version cannot convert` }
    doc = migrate(doc)
  }
  const head = StoreHead.safeParse(doc, { error: userWords })
  if (!head.success) return { ok: false, problem: schemaProblem(doc, head.error) }
  const cases = head.data.cases
  for (let i = 0; i < cases.length; i++) {
    if (caseShape(cases[i])) continue
    const parsed = Case.safeParse(cases[i], { error: userWords })
    if (!parsed.success) {
      const error = new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: ['cases', i, ...issue.path] })))
      return { ok: false, problem: schemaProblem(doc, error) }
    }
    cases[i] = parsed.data
  }
  return { ok: true, doc: { ...head.data, cases: cases as Case[] }, ...(version < currentSchemaVersion ? { migratedFrom: version } : {}) }
}
