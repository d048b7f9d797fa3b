import { useCallback, useEffect, useState } from 'react'
import type { DeskApi, Result } from '../../src/ipc/contract'
import { call } from '../desk'
import { useProblems } from './Problems'

/**
 * What one desk request returns, loaded when the component mounts and again on `reload`. A failed load is shown in the
 * problem area and keeps what was there (null before the first success). `request` must keep its identity across
 * renders (declare it at module level): it is what the load depends on.
 */
export function useLoaded<T>(request: (desk: DeskApi) => Promise<Result<T>>): {
  loaded: T | null
  reload(): Promise<void>
  /** Replaces the loaded value with one the backend returned elsewhere, e.g. from a save. */
  replace(value: T): void
} {
  const { report } = useProblems()
  const [loaded, setLoaded] = useState<T | null>(null)

  const reload = useCallback(async () => {
    try {
      setLoaded(await call(request))
    } catch (error) {
      report(error)
    }
  }, [request, report])

  useEffect(() => {
    void reload()
  }, [reload])

  return { loaded, reload, replace: setLoaded }
}
