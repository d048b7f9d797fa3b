import type { Places } from '../../src/ipc/contract'
import { usePlacesQuery } from '../queries/calendar'
import { useFailureShown } from '../shell/Problems'

/** Countries, and the states and regions of the chosen country and state, from date-holidays; null while loading. */
export function usePlaces(country: string | undefined, state: string | undefined): Places | null {
  const { data, error } = usePlacesQuery(country, state)
  useFailureShown(error)
  // The key names the place, so places of the previous choice are never offered for the new one (German states for France).
  return data ?? null
}

export function placeName(list: { code: string; name: string }[] | undefined, code: string | undefined): string | undefined {
  if (!code) return undefined
  return list?.find((p) => p.code === code)?.name ?? code
}
