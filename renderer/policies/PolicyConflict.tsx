import type { PolicyEntry } from '../../src/ipc/contract'
import { policyPartLabel } from '../../src/i18n/partLabels'
import { theirOnlyParts, type PartEdit } from '../../src/merge/parts'
import { comparePolicy, mergedPolicy, policyParts, policyValueAt, type PolicyPart } from '../../src/policies/mergePolicy'
import type { Policy } from '../../src/policies/policy'
import { call, DeskFailure, type FieldIssue } from '../desk'
import { StoredClash, type Stored } from '../forms/StoredClash'
import { longPolicyPart, policyValueText } from './policyPartText'

export const withoutPresetFlag = ({ preset: _, ...policy }: PolicyEntry): Policy => policy

/** The policy as stored now, from the list every screen reads; null when it is no longer there. */
export async function storedPolicy(id: string): Promise<Stored<Policy>> {
  const all = (await call((desk) => desk.policies.list({}))).map(withoutPresetFlag)
  return { theirs: all.find((p) => p.id === id) ?? null, all }
}

/** What only the colleague changed: a rule only this person added is one of their edits, so theirs and base name the rules. */
const theirsOnly = (base: Policy, theirs: Policy, edits: readonly PartEdit<PolicyPart>[]) =>
  theirOnlyParts(policyParts(base, theirs, theirs), policyValueAt, base, theirs, edits)

const partLabel = (part: PolicyPart, sides: readonly Policy[]) => policyPartLabel(part, sides.map((p) => p.rules))

/**
 * Shown instead of the policy editor when its save was refused because someone else saved the same policy meanwhile
 * (StoredClash): the name, the text and each rule, part by part. A merged policy the backend refuses at a field (a
 * quote no longer in the text) goes back to the editor, on their version, with the refusal at that field (`onRefused`).
 */
export function PolicyConflict({
  base,
  mine,
  onSaved,
  onBack,
  onRefused,
}: {
  base: Policy
  mine: Policy
  onSaved(saved: Policy): void
  onBack(): void
  onRefused(theirs: Policy, merged: Policy, issues: FieldIssue[]): void
}) {
  async function save(policy: Policy, on: Policy | null) {
    try {
      onSaved(await call((desk) => desk.policies.save({ policy, base: on })))
    } catch (error) {
      if (on && error instanceof DeskFailure && error.code !== 'conflict' && error.issues.length > 0) return onRefused(on, policy, error.issues)
      throw error
    }
  }
  return (
    <StoredClash
      what="policy"
      base={base}
      mine={mine}
      stored={storedPolicy}
      compare={comparePolicy}
      theirsOnly={theirsOnly}
      merged={mergedPolicy}
      partLabel={partLabel}
      valueText={policyValueText}
      long={longPolicyPart}
      save={save}
      onBack={onBack}
    />
  )
}
