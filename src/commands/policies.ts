import { z } from 'zod'
import { Id } from '../cases/fields'
import { DeskError } from '../errors'
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

/** Adds or replaces one of the team's own policies; it must be consistent and not pose as a shipped preset. */
export function savePolicy(doc: StoreDocument, cmd: SavePolicy, _ctx: CommandContext): Outcome<Policy> {
  const policy = validatePolicy(cmd.policy)
  const known = doc.policies.some((p) => p.id === policy.id)
  const policies = known ? doc.policies.map((p) => (p.id === policy.id ? policy : p)) : [...doc.policies, policy]
  return { document: { ...doc, policies }, result: policy, events: [{ type: 'policies.changed' }] }
}

/** Removes a policy of the team's own that no case follows and that is not the default. */
export function removePolicy(doc: StoreDocument, cmd: RemovePolicy, _ctx: CommandContext): Outcome<{ removed: true }> {
  const policy = doc.policies.find((p) => p.id === cmd.policyId)
  if (!policy) throw new DeskError('not_found', 'This policy is no longer in the store; it may have been removed already.')
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
