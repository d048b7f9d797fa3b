import { isoDateOf, parseIsoDate, type DayNumber } from '../calendar/dayNumber'
import type { BusinessCalendar, IsoDate } from '../calendar/spec'
import type { PolicyRule } from '../policies/policy'
import type { SkippedDay } from './deadline'

export interface DueCount {
  calendar: BusinessCalendar
  /** The date of the event counted from, in the team's zone. */
  anchorDate: IsoDate
  /** Day 0 of the count: the anchor date, or the next business day for a report received after hours. */
  start: IsoDate
  amount: number
  unit: PolicyRule['unit']
  paused: ReadonlySet<DayNumber>
}

/**
 * The due date `amount` counted days after `start`, where a paused day that would have counted does not: the date
 * moves by one day for each such day up to it. Skipped are the days after the anchor up to the due date that did not
 * count: weekends, holidays and closures for business days, and paused days for either unit.
 */
export function countDue({ calendar, anchorDate, start, amount, unit, paused }: DueCount): {
  dueDate: IsoDate
  skipped: SkippedDay[]
} {
  const startDay = parseIsoDate(start)
  const counts = (day: DayNumber) => unit === 'calendar_days' || calendar.isBusinessDay(isoDateOf(day))
  let held: DayNumber[] = []
  for (;;) {
    const days = amount + held.length
    const due = unit === 'business_days' ? parseIsoDate(calendar.addBusinessDays(start, days)) : startDay + days
    const heldUpToDue = [...paused].filter((day) => day > startDay && day <= due && counts(day))
    if (heldUpToDue.length === held.length) {
      const dueDate = isoDateOf(due)
      const nonWorking: SkippedDay[] =
        unit === 'business_days' ? calendar.nonWorkingDays(isoDateOf(parseIsoDate(anchorDate) + 1), dueDate) : []
      const pausedDays: SkippedDay[] = held.map((day) => ({ date: isoDateOf(day), reason: 'paused' }))
      const skipped = [...nonWorking, ...pausedDays].sort((a, b) => (a.date < b.date ? -1 : 1))
      return { dueDate, skipped }
    }
    held = heldUpToDue
  }
}
