import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CaseSummary } from '../../src/ipc/contract'
import { call } from '../desk'
import { useProblems } from '../shell/Problems'

type CaseSummariesState = {
  /** Null while the first load is under way or after it failed (the failure is on screen). */
  summaries: CaseSummary[] | null
  hasSamples: boolean
  reload(): Promise<void>
}

const CaseSummariesContext = createContext<CaseSummariesState | null>(null)

/** The rows of the case list, shared by the list, the sidebar count and the sample-case notice. */
export function CaseSummariesProvider({ children }: { children: ReactNode }) {
  const { report } = useProblems()
  const [summaries, setSummaries] = useState<CaseSummary[] | null>(null)

  const reload = useCallback(async () => {
    try {
      setSummaries(await call((desk) => desk.cases.list({})))
    } catch (error) {
      report(error)
    }
  }, [report])

  useEffect(() => {
    void reload()
  }, [reload])

  const value = useMemo(
    () => ({ summaries, hasSamples: summaries?.some((s) => s.sample) ?? false, reload }),
    [summaries, reload],
  )
  return <CaseSummariesContext.Provider value={value}>{children}</CaseSummariesContext.Provider>
}

export function useCaseSummaries(): CaseSummariesState {
  const state = useContext(CaseSummariesContext)
  if (!state) throw new Error('useCaseSummaries is used outside CaseSummariesProvider')
  return state
}
