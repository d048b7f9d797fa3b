import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { call } from '../desk'
import { caseKeys, policiesKey } from './keys'

/** The presets and the team's own policies. */
export function usePoliciesQuery() {
  return useQuery({ queryKey: policiesKey, queryFn: () => call((desk) => desk.policies.list({})) })
}

/**
 * After a policy was saved or removed: the policies load again, and so does everything counted from them (every
 * case's deadlines and the list's next deadlines).
 */
export function usePoliciesChanged(): () => Promise<void> {
  const client = useQueryClient()
  return useCallback(async () => {
    await Promise.all([client.invalidateQueries({ queryKey: policiesKey }), client.invalidateQueries({ queryKey: caseKeys.all })])
  }, [client])
}
