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

// Once per loaded list, not once per screen that asks: the list, the sidebar and the sample notice all do.
const withSamples = new WeakMap<CaseSummary[], boolean>()

function hasSamples(summaries: CaseSummary[]): boolean {
  let answer = withSamples.get(summaries)
  if (answer === undefined) {
    answer = summaries.some((s) => s.sample)
    withSamples.set(summaries, answer)
  }
  return answer
}

/** The rows of the case list from the cache, shared by the list, the sidebar count and the sample-case notice. */
export function useCaseSummaries(): CaseSummariesState {
  const { data, error, refetch } = useCaseList()
  return useMemo(
    () => ({
      summaries: data ?? null,
      hasSamples: data ? hasSamples(data) : false,
      error,
      reload: async () => {
        await refetch()
      },
    }),
    [data, error, refetch],
  )
}
