import type { Deadline } from '../deadlines/deadline'
import type { DeadlineCache } from '../deadlines/nextDeadlineCache'
import { DeskError } from '../errors'
import { policyLookup } from '../policies/catalog'
import type { Policy } from '../policies/policy'
import type { StoreDocument } from '../store/document'
import { slicePauses } from '../timeSlices'
import type { Case } from './case'
import { toSummary, type CaseSummary } from './summary'

// Apart from summary.ts, which the renderer imports for the row format: counting with turns is the main process's.

/**
 * The rows of the case list. `policyOf` finds the policy a case follows (undefined: it was removed); `nextDeadlineOf`
 * counts one case under it, and when it refuses with a DeskError (the pinned calendar or a zone cannot be used) that
 * row carries the problem instead, so one bad case never takes the whole list down. Any other error is a bug and still
 * fails the call. Counted with turns for other work: 10,000 cases take from 100 ms to seconds (counted afresh).
 */
export async function caseSummaries(
  cases: readonly Case[],
  policyOf: (c: Case) => Policy | undefined,
  nextDeadlineOf: (c: Case, policy: Policy) => Deadline | undefined,
): Promise<CaseSummary[]> {
  const summaries: CaseSummary[] = []
  const pause = slicePauses()
  for (const c of cases) {
    summaries.push(caseSummary(c, policyOf(c), nextDeadlineOf))
    await pause()
  }
  return summaries
}

function caseSummary(c: Case, policy: Policy | undefined, nextDeadlineOf: (c: Case, policy: Policy) => Deadline | undefined): CaseSummary {
  const summary = toSummary(c)
  if (policy === undefined) return { ...summary, problem: 'policy_missing' }
  let next: Deadline | undefined
  try {
    next = nextDeadlineOf(c, policy)
  } catch (error) {
    if (error instanceof DeskError) return { ...summary, problem: 'calendar_unusable' }
    throw error
  }
  return next ? { ...summary, nextDeadline: { due: next.due, state: next.state, dueDate: next.dueDate, dueAt: next.dueAt } } : summary
}

/**
 * The store's cases as the case list shows them at `at`, each under the policy it follows, counted through the list's
 * `deadlines`: the CSV export gives the same next deadlines, in the same words, and costs nothing once the list was shown.
 */
export const caseListSummaries = ({ cases, policies }: Pick<StoreDocument, 'cases' | 'policies'>, deadlines: DeadlineCache, at: Date) => {
  const policyOf = policyLookup(policies)
  return caseSummaries(
    cases,
    (c) => policyOf(c.policyId),
    (c, policy) => deadlines.nextDeadlineOf(c, policy, at),
  )
}
