import type { Policy } from './policy'
import { presetPolicies } from './presets'

/** The shipped presets first, then the team's own policies. */
export function allPolicies(userPolicies: readonly Policy[]): Policy[] {
  return [...presetPolicies, ...userPolicies]
}

export function policyById(id: string, userPolicies: readonly Policy[]): Policy | undefined {
  return allPolicies(userPolicies).find((p) => p.id === id)
}

/** A policy of the team's own to edit, starting from a preset (or from another copy, keeping the preset it came from). */
export function copyPolicy(source: Policy, newId: string, name: string): Policy {
  return { ...structuredClone(source), id: newId, name, basedOn: source.basedOn ?? source.id }
}
