import type { PolicyEntry } from '../../src/ipc/contract'
import { usePoliciesQuery } from '../queries/policies'
import { useFailureShown } from '../shell/Problems'

/** The presets and the team's own policies; null until loaded, or when loading failed (shown on the screen asking). */
export function usePolicies(): { policies: PolicyEntry[] | null } {
  const { data, error } = usePoliciesQuery()
  useFailureShown(error)
  return { policies: data ?? null }
}
