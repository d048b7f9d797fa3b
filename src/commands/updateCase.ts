import { z } from 'zod'
import { Id, Revision } from '../cases/fields'
import { type Case, CasePatch } from '../cases/case'
import type { ChangeableField, FieldChanged } from '../cases/timeline'
import { parseInput } from '../errors'
import { policyById } from '../policies/catalog'
import type { StoreDocument } from '../store/document'
import { changeCase, checkRevision, eventStamp, findCase, unchanged } from './caseChange'
import type { CommandContext, Outcome } from './context'
import { assignableMember, knownPolicy } from './references'
import { checkReceived, checkReceivedBeforeMilestones } from './timeRules'

export const UpdateCase = z.object({
  type: z.literal('case.update'),
  caseId: Id,
  revision: Revision.optional(),
  patch: CasePatch,
})
export type UpdateCase = z.input<typeof UpdateCase>

type Change = Omit<FieldChanged, 'id' | 'at' | 'by' | 'type'>

/**
 * One field's old and new value as the timeline keeps them: data, not words, and with the names that ids stood for at
 * the time, so that a policy renamed or a member removed later still reads as it was.
 */
function changeOf(doc: StoreDocument, field: ChangeableField, before: Case, after: Case): Change {
  // A name is recorded only when known: an id never stands in for it, the formatter words a missing one.
  const memberRef = (id: string | undefined) =>
    id === undefined ? null : { memberId: id, name: doc.settings.team.find((m) => m.id === id)?.name }
  const policyRef = (id: string) => ({ policyId: id, name: policyById(id, doc.policies)?.name })
  const reporter = ({ pgpPublicKey, ...rest }: Case['reporter']) => ({ ...rest, hasPgpKey: pgpPublicKey !== undefined })
  const credit = ({ choice, displayName }: Case['credit']) => ({ choice, displayName })
  switch (field) {
    case 'reporter':
      return { field, from: reporter(before.reporter), to: reporter(after.reporter) }
    case 'reportText':
      return { field, from: { length: before.reportText.length }, to: { length: after.reportText.length } }
    case 'assigneeId':
      return { field, from: memberRef(before.assigneeId), to: memberRef(after.assigneeId) }
    case 'policyId':
      return { field, from: policyRef(before.policyId), to: policyRef(after.policyId) }
    case 'credit':
      return { field, from: credit(before.credit), to: credit(after.credit) }
    default:
      return { field, from: before[field], to: after[field] } as Change
  }
}

/** Edits a case's fields; each field that really changed gets its own timeline event. */
export function updateCase(doc: StoreDocument, cmd: UpdateCase, ctx: CommandContext): Outcome<Case> {
  const patch = parseInput(CasePatch, cmd.patch, 'The change')
  const { c, index } = findCase(doc, cmd.caseId)
  checkRevision(c, cmd.revision)
  const given = patch as Partial<Record<ChangeableField, unknown>>
  // null in the patch takes the case off its assignee: stored as no field at all.
  const fields = (Object.keys(given) as ChangeableField[]).filter(
    (f) => given[f] !== undefined && JSON.stringify(given[f] ?? undefined) !== JSON.stringify(c[f]),
  )
  if (fields.length === 0) return unchanged(doc, c)
  const after = { ...c, ...Object.fromEntries(fields.map((f) => [f, given[f] ?? undefined])) } as Case
  if (fields.includes('received')) {
    checkReceived(after.received, ctx.now)
    checkReceivedBeforeMilestones(c, after.received.at)
  }
  if (fields.includes('policyId')) knownPolicy(doc, after.policyId)
  if (fields.includes('assigneeId') && after.assigneeId !== undefined) assignableMember(doc, after.assigneeId)
  const events = fields.map((field) => ({ ...eventStamp(ctx), type: 'field_changed' as const, ...changeOf(doc, field, c, after) }))
  const changes = Object.fromEntries(fields.map((f) => [f, after[f]])) as Partial<Case>
  return changeCase(doc, index, changes, events as FieldChanged[], ctx)
}
