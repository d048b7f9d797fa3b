import { z } from 'zod'
import { IsoDate } from '../calendar/spec'
import { DueKind } from '../policies/policy'

export const DeadlineState = z.enum([
  /** The event it counts from has not happened yet ("waits for the acknowledgement"). */
  'waiting',
  /** A promise without a time limit, not yet kept and not yet broken. */
  'open',
  'upcoming',
  'due_today',
  'overdue',
  /** The case waits for the reporter (needs info): the clock stands still. */
  'paused',
  'met_on_time',
  'met_late',
  /** The case was closed before the promise was kept, or the promise ended without being due. */
  'not_applicable',
])
export type DeadlineState = z.infer<typeof DeadlineState>

export const SkippedDay = z.object({
  date: IsoDate,
  reason: z.enum(['weekend', 'holiday', 'closure', 'paused']),
  name: z.string().optional(),
})
export type SkippedDay = z.infer<typeof SkippedDay>

/** One promise of the policy on one case, derived from the case and its pinned calendar; never stored. */
export const Deadline = z.object({
  ruleId: z.string(),
  due: DueKind,
  label: z.string(),
  quote: z.string(),
  reading: z.string(),
  /** 1 for a one-off promise; the n-th progress update of a repeating one. */
  occurrence: z.number().int().min(1),
  state: DeadlineState,
  /** The due day in the team's zone; null while waiting, and for a promise without a time limit until it is broken. */
  dueDate: IsoDate.nullable(),
  /** The end of the due day (23:59:59.999 in the team's zone), or the moment of the event a no-limit promise had to precede. */
  dueAt: z.iso.datetime().nullable(),
  /** dueAt on the reporter's clock, naming their zone: 'Tue 22 Dec 2026 17:59 (America/New_York)'. */
  dueAtReporter: z.string().nullable(),
  metAt: z.iso.datetime().optional(),
  /** Days between the anchor and the due day that did not count, in date order. */
  skipped: z.array(SkippedDay),
  explanation: z.string(),
})
export type Deadline = z.infer<typeof Deadline>
