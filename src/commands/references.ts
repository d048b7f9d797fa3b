import { refusal } from '../errors'
import { policyById } from '../policies/catalog'
import type { Policy } from '../policies/policy'
import type { TeamMember } from '../settings/settings'
import type { StoreDocument } from '../store/document'

/** A case may only follow a policy that exists, or its deadlines could not be counted. */
export function knownPolicy(doc: StoreDocument, policyId: string): Policy {
  const policy = policyById(policyId, doc.policies)
  if (!policy) throw refusal('policyId', 'This policy no longer exists; choose one of the policies listed')
  return policy
}

/** A case is assigned to someone on the team, not to a member taken off it or to an id nobody has. */
export function assignableMember(doc: StoreDocument, memberId: string): TeamMember {
  const member = doc.settings.team.find((m) => m.id === memberId)
  if (!member || member.removed) throw refusal('assigneeId', 'Choose someone on the team')
  return member
}

/** The case a duplicate points at, by id or by key as a person types it ('vd-2026-003'). */
export function originalCase(doc: StoreDocument, ref: string, selfId: string): string {
  const wanted = ref.trim()
  const original = doc.cases.find((c) => c.id === wanted || c.key === wanted.toUpperCase())
  if (!original) throw refusal('duplicateOf', `There is no case ${wanted} in this store to be the original of this duplicate`)
  if (original.id === selfId) throw refusal('duplicateOf', 'A case cannot be a duplicate of itself')
  return original.id
}
