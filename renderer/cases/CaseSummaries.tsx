import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { CaseSummary, DeskApi } from '../../src/ipc/contract'
import { useLoaded } from '../shell/useLoaded'

type CaseSummariesState = {
  /** Null while the first load is under way or after it failed (the failure is on screen). */
  summaries: CaseSummary[] | null
  hasSamples: boolean
  reload(): Promise<void>
}

const CaseSummariesContext = createContext<CaseSummariesState | null>(null)

const listCases = (desk: DeskApi) => desk.cases.list({})

/** The rows of the case list, shared by the list, the sidebar count and the sample-case notice. */
export function CaseSummariesProvider({ children }: { children: ReactNode }) {
  const { loaded: summaries, reload } = useLoaded(listCases)
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
