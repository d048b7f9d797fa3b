import type { Case, CasePatch } from './case'
import type { Actor, ChangeableField } from './timeline'
import * as Parts from '../merge/parts'
import { sameValue } from '../merge/parts'

// When a colleague saved the case while this person was editing it, their edit and this one are put together part by
// part: what only one of them changed is taken as is; what both changed differently, the person chooses. The reporter,
// the credit and the reward are edited in parts of their own (a colleague fixing the reporter's email does not clash
// with this person's new reporter name).

/** One part of a case the edit form changes on its own: a field, or a part of the reporter, the credit or the reward. */
export type EditPart =
  | 'title'
  | 'reporter.name'
  | 'reporter.email'
  | 'reporter.handle'
  | 'reporter.language'
  | 'reporter.pgpPublicKey'
  | 'received'
  | 'channel'
  | 'asset'
  | 'reportText'
  | 'severity'
  | 'assigneeId'
  | 'tags'
  | 'policyId'
  | 'credit.choice'
  | 'credit.displayName'
  | 'credit.url'
  | 'credit.cveCreditType'
  | 'reward.amount'
  | 'reward.currency'
  | 'reward.swag'
  | 'reward.status'

/** The parts in the order the form shows them. */
export const editParts: readonly EditPart[] = [
  'title',
  'reporter.name',
  'reporter.email',
  'reporter.handle',
  'reporter.language',
  'reporter.pgpPublicKey',
  'received',
  'channel',
  'asset',
  'reportText',
  'severity',
  'assigneeId',
  'tags',
  'policyId',
  'credit.choice',
  'credit.displayName',
  'credit.url',
  'credit.cveCreditType',
  'reward.amount',
  'reward.currency',
  'reward.swag',
  'reward.status',
]

type Group = 'reporter' | 'credit' | 'reward'
type Editable = Pick<Case, ChangeableField>

/** The case field a part belongs to: the field its timeline event names. */
export function fieldOf(part: EditPart): ChangeableField {
  return part.split('.')[0] as ChangeableField
}

function valueAt(c: Editable, part: EditPart): unknown {
  const [field, key] = part.split('.') as [ChangeableField, string | undefined]
  const value = c[field]
  return key === undefined ? value : (value as Record<string, unknown>)[key]
}

/** The case as this person's edit would leave it: the patch over the case it was made on (null: nobody assigned). */
export function withPatch(c: Case, patch: CasePatch): Case {
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v ?? undefined]))
  return { ...c, ...given } as Case
}

/** A part of the case this person edited, with its value on each side. */
export type PartEdit = Parts.PartEdit<EditPart>
export type Choice = Parts.Choice
export type Choices = Parts.Choices<EditPart>

/**
 * The parts `mine` (a patch made on `base`) changes, in form order, each with what the colleague's save (`current`)
 * holds there. Parts only the colleague changed are not listed: they stay as the colleague saved them.
 */
export function compareEdit(base: Case, mine: CasePatch, current: Case): PartEdit[] {
  return Parts.compareParts(editParts, valueAt, base, withPatch(base, mine), current)
}

/** The parts the colleague changed that this person did not edit: kept as the colleague saved them, nothing to ask. */
export function theirOnlyParts(base: Case, current: Case, edits: readonly PartEdit[]): EditPart[] {
  return Parts.theirOnlyParts(editParts, valueAt, base, current, edits)
}

/** The parts both changed differently for which no choice was made yet. */
export function unchosen(edits: readonly PartEdit[], choices: Choices): EditPart[] {
  return Parts.unchosen(edits, choices)
}

/**
 * The patch to save on `current` (the colleague's version): each part this person changed and only they changed, and
 * each part both changed where they chose theirs ('mine'). Everything else stays as `current` has it. A group
 * (reporter, credit, reward) is sent whole, built on current's. Empty when nothing of this person's is left to save.
 * Throws when a part both changed has no choice: save only once `unchosen` is empty.
 */
export function mergedPatch(edits: readonly PartEdit[], current: Case, choices: Choices): CasePatch {
  Parts.assertChosen(edits, choices)
  const patch: Record<string, unknown> = {}
  const groups: Partial<Record<Group, Record<string, unknown>>> = {}
  for (const edit of edits) {
    if (!Parts.keepsMine(edit, choices)) continue
    const [field, key] = edit.part.split('.') as [ChangeableField, string | undefined]
    if (key === undefined) {
      patch[field] = edit.mine
      continue
    }
    const group = (groups[field as Group] ??= { ...(current[field as Group] as Record<string, unknown>) })
    if (edit.mine === undefined) delete group[key]
    else group[key] = edit.mine
  }
  for (const [field, group] of Object.entries(groups)) {
    if (!sameValue(group, current[field as Group])) patch[field] = group
  }
  // The backend skips a field sent as undefined: taking the case off its assignee is sent as null.
  if ('assigneeId' in patch && patch['assigneeId'] === undefined) patch['assigneeId'] = null
  return patch as CasePatch
}

/** Who made the colleague's change of a field, and when: by the name their app recorded. */
export interface TheirChange {
  by: Actor
  at: string
}

/**
 * The newest change of `field` saved since `base`: its timeline event when there is one, else the newest event since
 * (a change recorded some other way, e.g. an import), else undefined. The timeline is append-only, so what `current`
 * has beyond `base`'s events is what happened since.
 */
export function theirChange(base: Case, current: Case, field: ChangeableField): TheirChange | undefined {
  const seen = new Set(base.timeline.map((e) => e.id))
  const since = current.timeline.filter((e) => !seen.has(e.id))
  const newest = since.findLast((e) => e.type === 'field_changed' && e.field === field) ?? since.at(-1)
  return newest && { by: newest.by, at: newest.at }
}
