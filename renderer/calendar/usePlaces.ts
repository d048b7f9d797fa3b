import { useEffect, useState } from 'react'
import type { Places } from '../../src/ipc/contract'
import { call } from '../desk'
import { useProblems } from '../shell/Problems'

/** Countries, and the states and regions of the chosen country and state, from date-holidays; null while loading. */
export function usePlaces(country: string | undefined, state: string | undefined): Places | null {
  const { report } = useProblems()
  const [places, setPlaces] = useState<{ key: string; value: Places } | null>(null)
  const key = `${country ?? ''}/${state ?? ''}`
  useEffect(() => {
    let current = true
    call((desk) => desk.calendar.places({ ...(country ? { country } : {}), ...(country && state ? { state } : {}) })).then(
      (value) => current && setPlaces({ key, value }),
      (error) => current && report(error),
    )
    return () => {
      current = false
    }
  }, [country, state, key, report])
  // Places of the previous choice must not be offered for the new one, e.g. German states for France.
  return places?.key === key ? places.value : null
}

export function placeName(list: { code: string; name: string }[] | undefined, code: string | undefined): string | undefined {
  if (!code) return undefined
  return list?.find((p) => p.code === code)?.name ?? code
}
