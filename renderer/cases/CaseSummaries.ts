import { useMemo } from 'react'
import type { CaseSummary } from '../../src/ipc/contract'
import { useCaseList } from '../queries/cases'

type CaseSummariesState = {
  /** Null while the first load is under way or after it failed. */
  summaries: CaseSummary[] | null
  hasSamples: boolean
  /** Why the list could not be loaded, for the screen that shows it. */
  error: Error | null
  /** Asks main again, e.g. after loading failed; after a change, the change's own invalidation does this. */
  reload(): Promise<void>
}

/** The rows of the case list from the cache, shared by the list, the sidebar count and the sample-case notice. */
export function useCaseSummaries(): CaseSummariesState {
  const { data, error, refetch } = useCaseList()
  return useMemo(
    () => ({
      summaries: data ?? null,
      hasSamples: data?.some((s) => s.sample) ?? false,
      error,
      reload: async () => {
        await refetch()
      },
    }),
    [data, error, refetch],
  )
}
