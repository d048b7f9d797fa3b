import { z } from 'zod'
import { IsoDate } from '../calendar/spec'
import { DeadlineState } from '../deadlines/deadline'
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
 * Why a case's deadlines cannot be counted: the policy it follows no longer exists, or the calendar it was pinned to
 * (or a time zone it is counted in) cannot be used on this computer. The row's key names the case.
 */
export const CaseProblem = z.enum(['policy_missing', 'calendar_unusable'])
export type CaseProblem = z.infer<typeof CaseProblem>

/**
 * One row of the case list: enough to sort and filter ten thousand cases in the renderer. The report text stays in main,
 * where `cases:search` looks through it (see search.ts), so a row is a few hundred bytes however long the report; it
 * crosses IPC as a CaseRow.
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
  /** The policy the case follows (the calendar's policy filter); it may no longer exist, see `problem`. */
  policyId: z.string(),
  tags: z.array(z.string()),
  receivedAt: z.string(),
  sample: z.boolean(),
  nextDeadline: NextDeadline.optional(),
  /** Why this case's deadlines cannot be counted, as data the renderer words; the other rows are unaffected. */
  problem: CaseProblem.optional(),
})
export type CaseSummary = z.infer<typeof CaseSummary>

const field = CaseSummary.shape
const next = NextDeadline.shape

/**
 * A summary as it crosses IPC: its values in this order, null for an absent one. Ten thousand objects would repeat
 * every field name ten thousand times, a third of the list's bytes (4.3 MB of objects against 2.7 MB of rows).
 */
export const CaseRow = z.tuple([
  field.id,
  field.key,
  field.title,
  field.reporterName,
  field.reporterEmail,
  field.reporterHandle.unwrap().nullable(),
  field.status,
  field.rating.unwrap().nullable(),
  field.score.unwrap().nullable(),
  field.assigneeId.unwrap().nullable(),
  field.policyId,
  field.tags,
  field.receivedAt,
  field.sample,
  z.tuple([next.due, next.state, next.dueDate, next.dueAt]).nullable(),
  field.problem.unwrap().nullable(),
])
export type CaseRow = z.infer<typeof CaseRow>

export function toRow(s: CaseSummary): CaseRow {
  const d = s.nextDeadline
  return [
    s.id,
    s.key,
    s.title,
    s.reporterName,
    s.reporterEmail,
    s.reporterHandle ?? null,
    s.status,
    s.rating ?? null,
    s.score ?? null,
    s.assigneeId ?? null,
    s.policyId,
    s.tags,
    s.receivedAt,
    s.sample,
    d ? [d.due, d.state, d.dueDate, d.dueAt] : null,
    s.problem ?? null,
  ]
}

/** The summary a row stands for; the renderer reads `cases:list` with `rows.map(fromRow)`. */
export function fromRow(row: CaseRow): CaseSummary {
  const [id, key, title, reporterName, reporterEmail, reporterHandle, status, rating, score, assigneeId, policyId, tags, receivedAt, sample, next, problem] = row
  return {
    id,
    key,
    title,
    reporterName,
    reporterEmail,
    ...(reporterHandle !== null && { reporterHandle }),
    status,
    ...(rating !== null && { rating }),
    ...(score !== null && { score }),
    ...(assigneeId !== null && { assigneeId }),
    policyId,
    tags,
    receivedAt,
    sample,
    ...(next !== null && { nextDeadline: { due: next[0], state: next[1], dueDate: next[2], dueAt: next[3] } }),
    ...(problem !== null && { problem }),
  }
}

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
    policyId: c.policyId,
    tags: c.tags,
    receivedAt: c.received.at,
    sample: c.sample,
  }
}
