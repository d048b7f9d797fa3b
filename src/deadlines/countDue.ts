import { isoDateOf, parseIsoDate, type DayNumber } from '../calendar/dayNumber'
import type { BusinessCalendar, IsoDate } from '../calendar/spec'
import type { PolicyRule } from '../policies/policy'
import type { Deadline, SkippedDay } from './deadline'
import type { PausedSpan } from './pauses'

export interface DueCount {
  calendar: BusinessCalendar
  /** The date of the event counted from, in the team's zone. */
  anchorDate: IsoDate
  /** Day 0 of the count: the anchor date, or the next business day for a report received after hours. */
  start: IsoDate
  amount: number
  unit: PolicyRule['unit']
  /** Sorted, non-overlapping. */
  paused: readonly PausedSpan[]
  /** Whether to list the skipped days and the pauses that held the count. */
  explain: boolean
}

/**
 * The due date `amount` counted days after `start`, where a paused day that would have counted does not: the date
 * moves by one day for each such day up to it. Skipped are the days after the anchor up to the due date that did not
 * count: weekends, holidays and closures for business days, and paused days for either unit; `pauses` are the spans
 * of waiting that held the count, from the day after day 0 on.
 * The count jumps from pause to pause, so a case that has waited for years costs no more than one that has not.
 */
export function countDue({ calendar, anchorDate, start, amount, unit, paused, explain }: DueCount): {
  dueDate: IsoDate
  skipped: SkippedDay[]
  pauses: Deadline['pauses']
} {
  const business = unit === 'business_days'
  const counts = (day: DayNumber) => !business || calendar.isBusinessDay(isoDateOf(day))
  const countedIn = (after: DayNumber, upTo: DayNumber) =>
    business ? calendar.businessDaysBetween(isoDateOf(after), isoDateOf(upTo)) : upTo - after
  const advance = (from: DayNumber, n: number) =>
    business ? parseIsoDate(calendar.addBusinessDays(isoDateOf(from), n)) : from + n

  let cursor = parseIsoDate(start)
  let remaining = amount
  const held: SkippedDay[] = []
  const pauses: Deadline['pauses'] = []
  for (const span of paused) {
    if (span.last <= cursor) continue
    const first = Math.max(span.first, cursor + 1)
    const before = countedIn(cursor, first - 1)
    if (before >= remaining) break
    remaining -= before
    if (explain) {
      pauses.push({ first: isoDateOf(first), last: isoDateOf(span.last) })
      for (let day = first; day <= span.last; day++) if (counts(day)) held.push({ date: isoDateOf(day), reason: 'paused' })
    }
    cursor = span.last
  }
  const dueDate = isoDateOf(advance(cursor, remaining))
  if (!explain) return { dueDate, skipped: [], pauses }
  const nonWorking: SkippedDay[] = business ? calendar.nonWorkingDays(isoDateOf(parseIsoDate(anchorDate) + 1), dueDate) : []
  const skipped = [...nonWorking, ...held].sort((a, b) => (a.date < b.date ? -1 : 1))
  return { dueDate, skipped, pauses }
}
