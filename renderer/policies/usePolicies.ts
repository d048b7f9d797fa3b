import type { PolicyEntry } from '../../src/ipc/contract'
import { usePoliciesChanged, usePoliciesQuery } from '../queries/policies'

/**
 * The presets and the team's own policies; null until loaded, or when loading failed. `reload` after a save or a
 * removal: the policies load again, and so does everything counted from them.
 */
export function usePolicies(): { policies: PolicyEntry[] | null; reload(): Promise<void> } {
  const { data } = usePoliciesQuery()
  return { policies: data ?? null, reload: usePoliciesChanged() }
}
