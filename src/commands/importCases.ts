import { z } from 'zod'
import { Case, Id, TimelineEvent } from '../cases/case'
import { nextCaseKey } from '../cases/caseKey'
import { DeskError, userWords } from '../errors'
import { policyLookup } from '../policies/catalog'
import { Policy } from '../policies/policy'
import { validatePolicy } from '../policies/validatePolicy'
import { ImportResult, type CaseBrief, type ImportPreview } from '../export/importChoice'
import type { StoreDocument } from '../store/document'
import { lowerFirst, placeInWords } from '../store/readDocument'
import { slicePauses } from '../timeSlices'
import { eventStamp } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { keyYear } from './createCase'

/**
 * Cases from another store's export (or store file), merged by case id: a case this store does not have comes in
 * whole, one it has in the same form is left alone, and one that differs is taken over this store's copy only when its
 * id is in `takeTheirs` (the person chose "Take theirs"); otherwise this store's copy is kept. `fileName` is the name
 * of the file the person chose, for the record; `exportedAt` when the export was made (a plain store file has none).
 */
/** A case as the command is given it: the store checks the whole command against its schema before it runs. */
type CaseInFile = z.input<typeof Case>

/**
 * Cases of a file checked in full beforehand, a slice at a time (checkFileCases): the store's check of the command
 * takes these as they are rather than checking thousands of cases again in one go, which freezes every window for
 * seconds. Any other case (from a script or a test) is checked in full there.
 */
const checkedCases = new WeakSet<object>()
const isChecked = (c: unknown): c is Case => typeof c === 'object' && c !== null && checkedCases.has(c)

/** One check for the whole list: a check per case, even one that only looks it up, costs 30 ms at 6,000 cases. */
const FileCases = z.custom<CaseInFile[]>((cases) => Array.isArray(cases)).superRefine((cases, ctx) => {
  cases.forEach((c, i) => {
    if (isChecked(c)) return
    const parsed = Case.safeParse(c, { error: userWords })
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: [i, ...issue.path] })
  })
})

/**
 * The cases of a file, checked in full as a store checks a case it saves, with turns for other work between slices;
 * or the first one that fails, in words following "The file …" as readDocument's. The cases come back with their
 * defaults filled in, marked as checked for cases.import.
 */
export async function checkFileCases(cases: readonly unknown[]): Promise<{ ok: true; cases: Case[] } | { ok: false; problem: string }> {
  const checked: Case[] = []
  const pause = slicePauses()
  for (const c of cases) {
    if (isChecked(c)) checked.push(c)
    else {
      const parsed = Case.safeParse(c, { error: userWords })
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        const key = (c as { key?: unknown } | null)?.key
        const where = `${typeof key === 'string' ? ` in case ${key}` : ''}${issue.path.length > 0 ? ` (${placeInWords(issue.path)})` : ''}`
        return { ok: false, problem: `does not match the store format${where}: ${lowerFirst(issue.message)}` }
      }
      checkedCases.add(parsed.data)
      checked.push(parsed.data)
    }
    await pause()
  }
  return { ok: true, cases: checked }
}

export const ImportCases = z.object({
  type: z.literal('cases.import'),
  fileName: z.string().max(300),
  exportedAt: z.iso.datetime({ offset: true }).optional(),
  cases: FileCases,
  takeTheirs: z.array(Id).optional(),
  /** The file's own policies: one a case coming in follows, which this store lacks, comes along with it. */
  policies: z.array(Policy).optional(),
})
export type ImportCases = z.input<typeof ImportCases>

/**
 * The case's data as one text with every object's keys in order, so two copies of a case compare equal however their
 * file (or zod, which writes keys in schema order) ordered them.
 */
function canonical(c: CaseInFile): string {
  return JSON.stringify(c, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]))
      : value,
  )
}

/**
 * Whether two copies of a case hold the same: a save always moves the revision and the time of the last change, so
 * copies that differ there differ; copies written from the same object compare as text, the others key by key.
 */
export function sameCase(a: CaseInFile, b: CaseInFile): boolean {
  if (a === b) return true
  if (a.revision !== b.revision || a.updatedAt !== b.updatedAt) return false
  return JSON.stringify(a) === JSON.stringify(b) || canonical(a) === canonical(b)
}

const briefOf = (c: Case): CaseBrief => ({ id: c.id, key: c.key, title: c.title, revision: c.revision, updatedAt: c.updatedAt })

/** What importing `theirs` into `mine` would do, before anything is chosen; compared with turns for other work. */
export async function importPreview(mine: StoreDocument, theirs: readonly Case[]): Promise<ImportPreview> {
  const byId = new Map(mine.cases.map((c) => [c.id, c]))
  const keys = new Set(mine.cases.map((c) => c.key))
  const preview: ImportPreview = { added: [], identical: 0, differing: [] }
  const pause = slicePauses()
  for (const c of theirs) {
    const here = byId.get(c.id)
    if (!here) {
      preview.added.push(keys.has(c.key) ? { ...briefOf(c), keyTaken: true } : briefOf(c))
      keys.add(c.key)
    }
    else if (sameCase(here, c)) preview.identical++
    else preview.differing.push({ mine: briefOf(here), theirs: briefOf(c) })
    await pause()
  }
  return preview
}

/** What the import adds to a case of the file checked before: its revision and, where it needs checking, the 'imported' event. */
const TakenParts = z.object({ revision: Case.shape.revision, event: TimelineEvent.optional() })

/**
 * One step for the whole import, so it is saved at once or not at all. Each case that comes in gets an 'imported'
 * event naming the file, and a replaced one also the revision it replaced and when that was last changed: the case's
 * own timeline is the file's, so without it the record would not say that this store's history was set aside. An
 * added case whose key is taken here gets the next free key of its year, and the event keeps the one it had; a
 * replaced case keeps the key it has here, which people and mails know it by. A case that comes in brings the file's
 * policy it follows when this store has none by that id. Cases are compared with the store as it is when the step
 * runs, so a colleague's change since the preview is never overwritten unless chosen.
 *
 * Prepared for this very command (prepareImport) on the store's cases and policies as they still are, by the same
 * person, the step takes that outcome: building thousands of cases here would freeze the app for as long.
 */
export function importCases(doc: StoreDocument, cmd: ImportCases, ctx: CommandContext): Outcome<ImportResult> {
  const ready = preparedImports.get(cmd)
  if (ready && ready.cases === doc.cases && ready.policies === doc.policies && JSON.stringify(ready.actor) === JSON.stringify(ctx.actor)) {
    const { document, result, events } = ready.outcome
    return document.cases === doc.cases ? { document: doc, result, events } : { document: { ...doc, cases: document.cases, policies: document.policies }, result, events }
  }
  const steps = importSteps(doc, cmd, ctx)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** An import computed ahead of its command, and on what: the store's cases and policies then, and who acted. */
interface PreparedImport {
  cases: readonly Case[]
  policies: StoreDocument['policies']
  actor: CommandContext['actor']
  outcome: Outcome<ImportResult>
}
const preparedImports = new WeakMap<ImportCases, PreparedImport>()

/**
 * Computes cases.import of `cmd` on `doc` ahead of the command, a case at a time with turns for other work, in the
 * context the store gives its next command (Store.context). Run then with the very same command object (frozen here,
 * so it is still what was worked out), on the same cases and policies, the command takes this outcome at once;
 * anything changed meanwhile (a colleague's save taken in), it computes again. Refusals (a case twice in the file, one the store would refuse) are thrown here already.
 */
export async function prepareImport(doc: StoreDocument, cmd: ImportCases, ctx: CommandContext): Promise<void> {
  const pause = slicePauses()
  // The outcome is found by the command object, so the command may not change after it was worked out: frozen whole
  // (a change then throws) before any of it is read, a case at a time.
  for (const c of cmd.cases) {
    freezeDeep(c)
    await pause()
  }
  Object.freeze(cmd.cases)
  freezeDeep(cmd.takeTheirs)
  freezeDeep(cmd.policies)
  Object.freeze(cmd)
  const steps = importSteps(doc, cmd, ctx)
  for (;;) {
    const step = steps.next()
    if (step.done) {
      preparedImports.set(cmd, { cases: doc.cases, policies: doc.policies, actor: ctx.actor, outcome: step.value })
      return
    }
    await pause()
  }
}

/** Freezes a value and every object in it (the data of a file: no cycles). */
function freezeDeep(value: unknown): void {
  if (typeof value !== 'object' || value === null) return
  Object.freeze(value)
  for (const inner of Object.values(value)) freezeDeep(inner)
}

/** The import's work, yielding after each case of the file so that a caller can give other work a turn. */
function* importSteps(doc: StoreDocument, cmd: ImportCases, ctx: CommandContext): Generator<void, Outcome<ImportResult>> {
  const ids = new Set<string>()
  for (const c of cmd.cases) {
    if (ids.has(c.id)) throw new DeskError('invalid_input', `The file holds case ${c.key} twice. Nothing was imported.`)
    ids.add(c.id)
  }
  const takeTheirs = new Set(cmd.takeTheirs ?? [])
  const indexOf = new Map(doc.cases.map((c, i) => [c.id, i]))
  // An added case keeps its key when this store does not use it; the others are numbered after every key of both, so
  // renumbering one never takes the key of another case further down the file.
  const keysHere = new Set(doc.cases.map((c) => c.key))
  const keptKey = new Map<string, string>()
  for (const c of cmd.cases) if (!indexOf.has(c.id) && !keysHere.has(c.key) && !keptKey.has(c.key)) keptKey.set(c.key, c.id)
  const keys = [...keysHere, ...keptKey.keys()]
  // The last key given out per year: the next one follows it, without looking through every key again.
  const lastKey = new Map<number, string>()
  const freshKey = (year: number) => {
    const last = lastKey.get(year)
    const key = nextCaseKey(last === undefined ? keys : [last], year)
    lastKey.set(year, key)
    return key
  }
  const cases = doc.cases.slice()
  const result: ImportResult = { added: 0, replaced: 0, kept: 0, unchanged: 0, policiesAdded: 0 }
  // Without its policy a case's deadlines cannot be counted; the file's copy comes along, checked as saving it here
  // would check it. A policy this store has under the same id stays as it is here.
  const known = policyLookup(doc.policies)
  const theirPolicies = new Map((cmd.policies ?? []).map((p) => [p.id, p]))
  const policies = doc.policies.slice()
  const bringPolicy = (policyId: string) => {
    const policy = known(policyId) === undefined ? theirPolicies.get(policyId) : undefined
    if (!policy) return
    policies.push(validatePolicy(policy))
    theirPolicies.delete(policyId)
    result.policiesAdded++
  }

  const source = { fileName: cmd.fileName, ...(cmd.exportedAt !== undefined && { exportedAt: cmd.exportedAt }) }
  const updatedAt = ctx.now.toISOString()
  let stampChecked = false
  const taken = (theirs: CaseInFile, key: string, extra: Partial<TimelineEvent & { type: 'imported' }>, revision: number): Case => {
    const event = { ...eventStamp(ctx), type: 'imported' as const, ...source, ...(key !== theirs.key && { keyInFile: theirs.key }), ...extra }
    const c = { ...theirs, key, timeline: [...theirs.timeline, event], revision, updatedAt }
    if (!isChecked(theirs)) {
      const parsed = Case.safeParse(c, { error: userWords })
      if (!parsed.success) throw DeskError.fromZod(parsed.error, `Case ${theirs.key} of the file`)
      return parsed.data
    }
    // Checked in full before the command, so only what this step adds is checked, and of that only what can differ
    // from case to case: the stamp is the same for all (checked once), the key is the file's or a fresh one of a
    // checked year, what was replaced is this store's; the revision one up and the key in the file can be refused.
    const parsed = TakenParts.safeParse({ revision, ...((!stampChecked || 'keyInFile' in event) && { event }) }, { error: userWords })
    if (!parsed.success) throw DeskError.fromZod(parsed.error, `Case ${theirs.key} of the file`)
    stampChecked = true
    return c as Case
  }

  for (const theirs of cmd.cases) {
    const index = indexOf.get(theirs.id)
    if (index === undefined) {
      const key = keptKey.get(theirs.key) === theirs.id ? theirs.key : freshKey(keyYear(theirs.received.at))
      cases.push(taken(theirs, key, {}, theirs.revision + 1))
      bringPolicy(theirs.policyId)
      result.added++
      yield
      continue
    }
    const mine = doc.cases[index]!
    if (sameCase(mine, theirs)) result.unchanged++
    else if (!takeTheirs.has(theirs.id)) result.kept++
    else {
      const replaced = { revision: mine.revision, updatedAt: mine.updatedAt }
      // Past both revisions, so a form still open on this store's copy is refused as changed rather than saved over it.
      cases[index] = taken(theirs, mine.key, { replaced }, Math.max(mine.revision, theirs.revision) + 1)
      bringPolicy(theirs.policyId)
      result.replaced++
    }
    yield
  }
  if (result.added + result.replaced === 0) return { document: doc, result, events: [] }
  const document = { ...doc, cases, ...(result.policiesAdded > 0 && { policies }) }
  return { document, result, events: [{ type: 'cases.changed' }, ...(result.policiesAdded > 0 ? [{ type: 'policies.changed' as const }] : [])] }
}
