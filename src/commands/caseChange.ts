import { Case, type TimelineEvent } from '../cases/case'
import { DeskError, userWords } from '../errors'
import type { StoreDocument } from '../store/document'
import type { CommandContext, Outcome } from './context'

/** The case a command names, and where it sits in the document. */
export function findCase(doc: StoreDocument, caseId: string): { c: Case; index: number } {
  const index = doc.cases.findIndex((c) => c.id === caseId)
  if (index < 0) {
    throw new DeskError('not_found', 'This case is no longer in the store; it may have been removed. Go back to the case list.')
  }
  return { c: doc.cases[index]!, index }
}

/** A change made on an older revision than the stored one would silently undo a colleague's change. */
export function checkRevision(c: Case, revision: number | undefined): void {
  if (revision !== undefined && revision !== c.revision) {
    throw new DeskError(
      'conflict',
      `This case was changed by someone else since you opened it (${c.key} is now at revision ${c.revision}, you edited revision ${revision}). Reload the case and make your change again; nothing was saved.`,
    )
  }
}

/** What every timeline event starts with: a fresh id, the moment of the command, and who gave it. */
export function eventStamp(ctx: CommandContext): { id: string; at: string; by: CommandContext['actor'] } {
  return { id: ctx.newId(), at: ctx.now.toISOString(), by: ctx.actor }
}

/**
 * Replaces the case at `index` with `old` plus `changes` and the new timeline events, one revision further on. The
 * whole case is validated, so no command can store a case that the next open would refuse.
 */
export function changeCase(
  doc: StoreDocument,
  index: number,
  changes: Partial<Case>,
  events: readonly TimelineEvent[],
  ctx: CommandContext,
): Outcome<Case> {
  const old = doc.cases[index]!
  const parsed = Case.safeParse(
    {
      ...old,
      ...changes,
      timeline: [...old.timeline, ...events],
      revision: old.revision + 1,
      updatedAt: ctx.now.toISOString(),
    },
    { error: userWords },
  )
  if (!parsed.success) throw DeskError.fromZod(parsed.error, `Case ${old.key}`)
  const cases = doc.cases.slice()
  cases[index] = parsed.data
  return { document: { ...doc, cases }, result: parsed.data, events: [{ type: 'case.changed', caseId: old.id }] }
}

/** Nothing to change: the same document, so the store writes nothing. */
export function unchanged(doc: StoreDocument, c: Case): Outcome<Case> {
  return { document: doc, result: c, events: [] }
}
