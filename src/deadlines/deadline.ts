import { z } from 'zod'
import { IsoDate } from '../calendar/spec'
import { Anchor, DueKind, Milestone, PolicyRule } from '../policies/policy'

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

/** Why a day of the team's calendar is not a business day. */
export const DayOffReason = z.enum(['weekend', 'holiday', 'closure'])
export type DayOffReason = z.infer<typeof DayOffReason>

export const SkippedDay = z.object({
  date: IsoDate,
  /** A day off of the calendar, or a day on which the case waited for the reporter. */
  reason: z.enum([...DayOffReason.options, 'paused']),
  /** The holiday's name as the calendar gives it, in English. */
  name: z.string().optional(),
  /** The holiday's Dutch name, for Dutch texts ('Kerstmis'), where date-holidays has one. */
  dutchName: z.string().optional(),
})
export type SkippedDay = z.infer<typeof SkippedDay>

/** Where the count started when it was not the anchor's own date (the setting "after-hours reports count from the next business day"). */
export const CountStart = z.discriminatedUnion('reason', [
  /** The report came in after the end of the working day (`endOfWorkingDay`, 'HH:MM' in the team's zone). */
  z.object({ reason: z.literal('after_hours'), date: IsoDate, endOfWorkingDay: z.string() }),
  /** The report came in on a weekend day, holiday or closure. */
  z.object({ reason: z.literal('not_business_day'), date: IsoDate }),
])
export type CountStart = z.infer<typeof CountStart>

/**
 * A calendar-day promise whose last counted day is not a business day. `handling` is the rule's `onDayOff`: with
 * 'stays' the deadline is that day (`date` equals `dueDate`); with 'next_business_day' `dueDate` is the first
 * business day after `date`.
 */
export const DueDayOff = z.object({
  date: IsoDate,
  reason: DayOffReason,
  name: SkippedDay.shape.name,
  dutchName: SkippedDay.shape.dutchName,
  handling: PolicyRule.shape.onDayOff,
})
export type DueDayOff = z.infer<typeof DueDayOff>

/** An event of the case and when it happened, as an ISO instant (toISOString). */
const EventAt = z.object({ event: Anchor, at: z.iso.datetime() })

/**
 * One promise of the policy on one case, derived from the case and its pinned calendar; never stored. Data only:
 * `deadlineText` (src/i18n) turns it into words, in English or Dutch. Instants are ISO strings written by
 * toISOString, so comparing two of them as strings compares the moments.
 */
export const Deadline = z.object({
  ruleId: z.string(),
  /** What the team has to do. */
  due: DueKind,
  /** 1 for a one-off promise; the n-th progress update of a repeating one. */
  occurrence: z.number().int().min(1),
  /** Whether the promise repeats (progress updates, until the fix is released), so that even its first is numbered. */
  repeats: z.boolean(),
  state: DeadlineState,
  /**
   * The event this occurrence counts from: the rule's `from`, or for the second and later occurrences of a
   * repeating promise the update that kept the one before.
   */
  from: Anchor,
  /** When `from` happened; null while it has not (yet). */
  anchorAt: z.iso.datetime().nullable(),
  /** Set when day 0 of the count is not the anchor's date in the team's zone. */
  countStart: CountStart.optional(),
  /** The rule's number of days; null: the policy promises it without a time limit. */
  amount: z.number().int().min(0).nullable(),
  unit: PolicyRule.shape.unit,
  /** The due day in the team's zone; null while waiting, and for a promise without a time limit until it is broken. */
  dueDate: IsoDate.nullable(),
  /** The end of the due day (23:59:59.999 in the team's zone), or the moment of the event a no-limit promise had to precede. */
  dueAt: z.iso.datetime().nullable(),
  /** For calendar days: the last counted day was a day off, and what the rule did about it. */
  dayOff: DueDayOff.optional(),
  /** Days after the anchor up to the due day that did not count, in date order; empty when counted without explaining. */
  skipped: z.array(SkippedDay),
  /** Spans, first and last day included, in which the case waited for the reporter and the count stood still; empty when counted without explaining. */
  pauses: z.array(z.object({ first: IsoDate, last: IsoDate })),
  /** Set on a paused deadline: since when the case waits for the reporter (the due date holds if they answer today). */
  waitingSince: z.iso.datetime().optional(),
  /** Set when the case was closed before the promise was kept; `at` is null if the timeline records no closing. */
  closed: z.object({ at: z.iso.datetime().nullable() }).optional(),
  /** The event that kept the promise, and when: the rule's `metBy`, or the event that ends a repeating promise. */
  kept: EventAt.optional(),
  /** A promise without a time limit that must be kept before an event (credit before publication); `at` once it happened. */
  before: z.object({ event: Milestone, at: z.iso.datetime().nullable() }).optional(),
  /** A repeating promise whose end event came before its anchor (the fix released before the evaluation): nothing to report. */
  endedBy: EventAt.optional(),
  /** The zone the case's days are counted in (its pinned calendar's). */
  teamZone: z.string(),
  /** The zone the report was received in: the reporter's clock. */
  reporterZone: z.string(),
  /**
   * The expected resolution date the team gave the reporter (ruleId 'expected_resolution'): the date, the
   * resolution_promised event, and the dates given before it, so a renegotiated date still shows what it replaced.
   */
  promise: z.object({ date: IsoDate, eventId: z.string().min(1), earlier: z.array(IsoDate) }).optional(),
  /** The policy's sentence that makes the promise, verbatim, and how a vague one is read (policy text, not translated). */
  quote: z.string(),
  reading: z.string(),
})
export type Deadline = z.infer<typeof Deadline>
