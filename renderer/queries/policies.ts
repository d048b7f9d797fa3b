import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { PolicyEntry } from '../../src/ipc/contract'
import type { Policy } from '../../src/policies/policy'
import { call } from '../desk'
import { policiesKey } from './keys'

/** The presets and the team's own policies. */
export function usePoliciesQuery() {
  return useQuery({ queryKey: policiesKey, queryFn: () => call((desk) => desk.policies.list({})) })
}

/**
 * After this screen saved or removed a policy: the cached list shows it at once, so the screen can open the saved
 * policy right away. Loading the policies again, and everything counted from them (every case's deadlines, the list's
 * next deadlines), is the 'policies:changed' event's (LiveUpdates), not the screen's.
 */
export function usePolicyCache(): { saved(policy: Policy): void; removed(id: string): void } {
  const client = useQueryClient()
  const update = useCallback(
    (change: (entries: PolicyEntry[]) => PolicyEntry[]) => client.setQueryData<PolicyEntry[]>(policiesKey, (old) => old && change(old)),
    [client],
  )
  const saved = useCallback(
    (policy: Policy) =>
      update((entries) => {
        const entry = { ...policy, preset: false }
        return entries.some((p) => p.id === policy.id) ? entries.map((p) => (p.id === policy.id ? entry : p)) : [...entries, entry]
      }),
    [update],
  )
  const removed = useCallback((id: string) => update((entries) => entries.filter((p) => p.id !== id)), [update])
  return { saved, removed }
}
