import type { PolicyEntry } from '../../src/ipc/contract'
import { usePoliciesQuery } from '../queries/policies'

/** The presets and the team's own policies; null until loaded, or when loading failed. */
export function usePolicies(): { policies: PolicyEntry[] | null } {
  const { data } = usePoliciesQuery()
  return { policies: data ?? null }
}
