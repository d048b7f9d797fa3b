import type { z } from 'zod'
import { currentSchemaVersion, migrations, StoreDocument } from './document'

export type ReadResult = { ok: true; doc: StoreDocument } | { ok: false; problem: string }

/** 'cases[12].reporter.email' */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
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

function schemaProblem(raw: Record<string, unknown>, error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'does not match the store format'
  const [top, index] = issue.path
  const cases = raw.cases
  const key =
    top === 'cases' && typeof index === 'number' && Array.isArray(cases) ? (cases[index] as { key?: unknown } | undefined)?.key : undefined
  const which = typeof key === 'string' ? ` (case ${key})` : ''
  return `does not match the store format at ${formatPath(issue.path) || 'the top level'}${which}: ${issue.message}`
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
  const parsed = StoreDocument.safeParse(doc)
  if (!parsed.success) return { ok: false, problem: schemaProblem(doc, parsed.error) }
  return { ok: true, doc: parsed.data }
}
