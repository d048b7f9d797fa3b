import { DeskError } from '../errors'
import type { Policy } from './policy'
import { presetPolicies } from './presets'

/** The shipped presets first, then the team's own policies. */
export function allPolicies(userPolicies: readonly Policy[]): Policy[] {
  return [...presetPolicies, ...userPolicies]
}

export function policyById(id: string, userPolicies: readonly Policy[]): Policy | undefined {
  return allPolicies(userPolicies).find((p) => p.id === id)
}

/** policyById for many cases at once (the case list): the catalog is indexed once, a preset still winning over a copy. */
export function policyLookup(userPolicies: readonly Policy[]): (id: string) => Policy | undefined {
  const byId = new Map<string, Policy>()
  for (const policy of allPolicies(userPolicies)) if (!byId.has(policy.id)) byId.set(policy.id, policy)
  return (id) => byId.get(id)
}

/** A policy of the team's own to edit, starting from a preset (or from another copy, keeping the preset it came from). */
export function copyPolicy(source: Policy, newId: string, name: string): Policy {
  return { ...structuredClone(source), id: newId, name, basedOn: source.basedOn ?? source.id }
}

/** The policy a case follows: without it the case's deadlines cannot be counted, and the message says what to do. */
export function policyOfCase(c: { key: string; policyId: string }, userPolicies: readonly Policy[]): Policy {
  const policy = policyById(c.policyId, userPolicies)
  if (!policy) {
    throw new DeskError('not_found', `Case ${c.key} follows the policy "${c.policyId}", which no longer exists. Choose another policy for the case.`)
  }
  return policy
}
