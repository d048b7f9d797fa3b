import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Case } from '../../src/cases/case'
import { fromRow } from '../../src/cases/summary'
import { call } from '../desk'
import { caseKeys } from './keys'

/**
 * The rows of the case list, shared by the list, the sidebar count and the sample-case notice. The cache keeps each
 * unchanged row the same object across loads (structural sharing), so after a change only its row renders again.
 */
export function useCaseList() {
  return useQuery({ queryKey: caseKeys.list, queryFn: async () => (await call((desk) => desk.cases.list({}))).map(fromRow) })
}

/** One case as stored. */
export function useCase(id: string, { enabled = true } = {}) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => call((desk) => desk.cases.get({ id })), enabled })
}

/** A case's deadlines, counted by main on today's clock; fetched again when the case or the day changes. */
export function useDeadlines(id: string, { enabled = true } = {}) {
  return useQuery({ queryKey: caseKeys.deadlines(id), queryFn: () => call((desk) => desk.deadlines.ofCase({ id })), enabled })
}

/** What can happen next on a case, for the milestone picker. */
export function useNextMilestones(id: string) {
  return useQuery({ queryKey: caseKeys.nextMilestones(id), queryFn: () => call((desk) => desk.cases.nextMilestones({ id })) })
}

/**
 * The ids of the cases whose report text (or key, title, reporter) holds every word of `text`; empty text asks
 * nothing. Each text's answer is kept, so typing back to an earlier search shows it at once, and while a new text is
 * on its way the previous answer stays, so the list does not flicker.
 */
export function useCaseSearch(text: string) {
  const trimmed = text.trim()
  return useQuery({
    queryKey: caseKeys.search(trimmed),
    queryFn: () => call((desk) => desk.cases.search({ text: trimmed })),
    enabled: trimmed !== '',
    placeholderData: keepPreviousData,
    select: idSet,
  })
}

// At module level: a select function that keeps its identity is run again only when the answer changes.
const idSet = (answer: { ids: string[] }): ReadonlySet<string> => new Set(answer.ids)

/**
 * Runs one change to a case (`desk.cases.update`, `transition`, `addNote`, ...) and puts the saved case in the cache, so
 * the screen that made the change shows it at once. What is counted from the case (its deadlines, its next milestones,
 * its row in the list, the searches) loads again on the 'case:changed' event main sends for every change, this app's
 * too (LiveUpdates), so nothing here refetches it a second time. Throws the DeskFailure, for the form to show.
 */
export function useCaseChange(): (request: () => Promise<Case>) => Promise<Case> {
  const client = useQueryClient()
  return useCallback(
    async (request) => {
      const saved = await request()
      client.setQueryData(caseKeys.one(saved.id), saved)
      return saved
    },
    [client],
  )
}

/**
 * What main counts on today's clock: the list's next deadlines, the agenda and every case's deadlines. A new day can turn
 * "Due today" into "Overdue" without any case changing.
 */
export function invalidateCountedOnTheClock(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: ({ queryKey: [group, kind, , below] }) =>
      group === caseKeys.all[0] && (kind === 'list' || kind === 'agenda' || below === 'deadlines'),
  })
}
