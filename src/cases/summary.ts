import { z } from 'zod'
import { IsoDate } from '../calendar/spec'
import { DeadlineState, type Deadline } from '../deadlines/deadline'
import { DeskError } from '../errors'
import { DueKind } from '../policies/policy'
import { Case, Rating } from './case'
import { CaseStatus } from './lifecycle'

/** The most urgent promise still open on a case: data only, the renderer's formatter words it. */
export const NextDeadline = z.object({
  due: DueKind,
  state: DeadlineState,
  dueDate: IsoDate.nullable(),
  dueAt: z.string().nullable(),
})
export type NextDeadline = z.infer<typeof NextDeadline>

/**
 * One row of the case list: enough to sort and filter ten thousand cases in the renderer. The report text stays in main,
 * where `cases:search` looks through it (see search.ts), so a row is a few hundred bytes however long the report.
 */
export const CaseSummary = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  reporterName: z.string(),
  reporterEmail: z.string(),
  reporterHandle: z.string().optional(),
  status: CaseStatus,
  rating: Rating.optional(),
  score: z.number().optional(),
  assigneeId: z.string().optional(),
  tags: z.array(z.string()),
  receivedAt: z.string(),
  updatedAt: z.string(),
  sample: z.boolean(),
  nextDeadline: NextDeadline.optional(),
  /** Why this case's deadlines cannot be counted (its policy is gone, its pinned calendar unusable); the other rows are unaffected. */
  problem: z.string().optional(),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export function toSummary(c: Case): CaseSummary {
  const { severity } = c
  return {
    id: c.id,
    key: c.key,
    title: c.title,
    reporterName: c.reporter.name,
    reporterEmail: c.reporter.email,
    reporterHandle: c.reporter.handle,
    status: c.status,
    rating: severity.kind === 'unrated' ? undefined : severity.rating,
    score: severity.kind === 'cvss' ? severity.score : undefined,
    assigneeId: c.assigneeId,
    tags: c.tags,
    receivedAt: c.received.at,
    updatedAt: c.updatedAt,
    sample: c.sample,
  }
}

/**
 * The rows of the case list. `nextDeadlineOf` counts one case; when it refuses with a DeskError (the case's policy or
 * calendar cannot be used), that row carries the problem instead, so one bad case never takes the whole list down.
 * Any other error is a bug and still fails the call.
 */
export function caseSummaries(cases: readonly Case[], nextDeadlineOf: (c: Case) => Deadline | undefined): CaseSummary[] {
  return cases.map((c) => {
    const summary = toSummary(c)
    let next: Deadline | undefined
    try {
      next = nextDeadlineOf(c)
    } catch (error) {
      if (error instanceof DeskError) return { ...summary, problem: error.message }
      throw error
    }
    return next ? { ...summary, nextDeadline: { due: next.due, state: next.state, dueDate: next.dueDate, dueAt: next.dueAt } } : summary
  })
}
