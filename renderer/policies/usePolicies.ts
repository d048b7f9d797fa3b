import type { DeskApi, PolicyEntry } from '../../src/ipc/contract'
import { useLoaded } from '../shell/useLoaded'

const listPolicies = (desk: DeskApi) => desk.policies.list({})

/** The presets and the team's own policies; null until loaded, or when loading failed (the failure is on screen). */
export function usePolicies(): { policies: PolicyEntry[] | null; reload(): Promise<void> } {
  const { loaded, reload } = useLoaded(listPolicies)
  return { policies: loaded, reload }
}
