import { z } from 'zod'
import { Id } from '../cases/fields'
import { DeskError, parseInput } from '../errors'
import { policyPartLabel } from '../i18n/partLabels'
import { changedSinceRefusal, clashRefusal, otherThingRefusal, removedSinceRefusal, takenIdRefusal } from '../merge/clashRefusal'
import { sameValue } from '../merge/parts'
import { comparePolicy, mergedPolicy } from '../policies/mergePolicy'
import { Policy } from '../policies/policy'
import { validatePolicy } from '../policies/validatePolicy'
import type { StoreDocument } from '../store/document'
import type { CommandContext, Outcome } from './context'

/**
 * `base`: the policy the edit was made on, null for a new one; merged with what is stored now part by part. Absent:
 * made on the policy as stored now (a script or test holding the store).
 */
export const SavePolicy = z.object({ type: z.literal('policy.save'), policy: Policy, base: Policy.nullable().optional() })
export type SavePolicy = z.input<typeof SavePolicy>
/** `base`: the policy as the person saw it when they chose to remove it; absent, as stored now. */
export const RemovePolicy = z.object({ type: z.literal('policy.remove'), policyId: Id, base: Policy.optional() })
export type RemovePolicy = z.input<typeof RemovePolicy>

/**
 * Adds or replaces one of the team's own policies; it must be consistent and not pose as a shipped preset. An edit is
 * merged with what a colleague saved since `base` part by part; when both changed the same part differently, or the
 * colleague removed the policy or took its id for another, it is refused and nothing is saved.
 */
export function savePolicy(doc: StoreDocument, cmd: SavePolicy, _ctx: CommandContext): Outcome<Policy> {
  const mine = validatePolicy(cmd.policy)
  if (cmd.base && cmd.base.id !== mine.id) throw otherThingRefusal({ kind: 'policy', name: cmd.base.name }, 'saving')
  const stored = doc.policies.find((p) => p.id === mine.id)
  const policy = stored === undefined ? added(mine, cmd.base) : edited(mine, cmd.base, stored)
  if (stored !== undefined && sameValue(policy, stored)) return { document: doc, result: stored, events: [] }
  const policies = stored ? doc.policies.map((p) => (p.id === policy.id ? policy : p)) : [...doc.policies, policy]
  return { document: { ...doc, policies }, result: policy, events: [{ type: 'policies.changed' }] }
}

function added(mine: Policy, base: SavePolicy['base']): Policy {
  if (base) throw removedSinceRefusal({ kind: 'policy', name: base.name })
  return mine
}

function edited(mine: Policy, given: SavePolicy['base'], stored: Policy): Policy {
  if (given === null) throw takenIdRefusal({ kind: 'policy', name: stored.name })
  const base = given === undefined ? stored : parseInput(Policy, given, 'The policy')
  const edits = comparePolicy(base, mine, stored)
  const clashes = edits.filter((e) => e.side === 'both')
  if (clashes.length > 0) {
    const rules = [stored.rules, mine.rules, base.rules]
    throw clashRefusal({ kind: 'policy', name: stored.name }, clashes.map((e) => policyPartLabel(e.part, rules)))
  }
  // A rule added here may quote a sentence the colleague took out of the text: the merged policy is checked too.
  return validatePolicy(mergedPolicy(edits, stored))
}

/**
 * Removes a policy of the team's own that no case follows and that is not the default, as the person saw it (`base`):
 * one a colleague changed since is not removed unseen.
 */
export function removePolicy(doc: StoreDocument, cmd: RemovePolicy, _ctx: CommandContext): Outcome<{ removed: true }> {
  const base = cmd.base === undefined ? undefined : parseInput(Policy, cmd.base, 'The policy')
  if (base && base.id !== cmd.policyId) throw otherThingRefusal({ kind: 'policy', name: base.name }, 'removing')
  const policy = doc.policies.find((p) => p.id === cmd.policyId)
  if (!policy) throw new DeskError('not_found', 'This policy is no longer in the store; it may have been removed already.')
  if (base && !sameValue(policy, base)) throw changedSinceRefusal({ kind: 'policy', name: policy.name }, 'removing')
  const users = doc.cases.filter((c) => c.policyId === policy.id).map((c) => c.key)
  if (users.length > 0 || doc.settings.defaultPolicyId === policy.id) {
    const some = `${users.slice(0, 5).join(', ')}${users.length > 5 ? ', …' : ''}`
    const why =
      users.length > 0
        ? `${users.length} ${users.length === 1 ? 'case follows' : 'cases follow'} it (${some}). Move them to another policy first`
        : 'it is the default policy for new cases. Choose another default first'
    throw new DeskError('invalid_input', `The policy “${policy.name}” was not removed: ${why}.`)
  }
  return {
    document: { ...doc, policies: doc.policies.filter((p) => p.id !== policy.id) },
    result: { removed: true },
    events: [{ type: 'policies.changed' }],
  }
}
