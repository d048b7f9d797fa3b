import { useCallback, useEffect, useState } from 'react'
import type { PolicyEntry } from '../../src/ipc/contract'
import { call } from '../desk'
import { useProblems } from '../shell/Problems'

/** The presets and the team's own policies; null until loaded, or when loading failed (the failure is on screen). */
export function usePolicies(): { policies: PolicyEntry[] | null; reload(): Promise<void> } {
  const { report } = useProblems()
  const [policies, setPolicies] = useState<PolicyEntry[] | null>(null)
  const reload = useCallback(async () => {
    try {
      setPolicies(await call((desk) => desk.policies.list({})))
    } catch (error) {
      report(error)
    }
  }, [report])
  useEffect(() => {
    void reload()
  }, [reload])
  return { policies, reload }
}
