import { timeZoneOf } from '../calendar'
import type { Case } from '../cases/case'
import type { Policy } from '../policies/policy'
import { nextDayStart } from '../time'
import type { Deadline } from './deadline'
import { deadlinesOf } from './deadlinesOf'
import { nextDeadline } from './nextDeadline'

/** One case's deadlines as counted under one policy, the span of moments they hold for, and its next one once asked for. */
interface Counted {
  policy: Policy
  deadlines: readonly Deadline[]
  /** Counted at this moment, in epoch ms; a clock set back before it counts again. */
  from: number
  /** The first moment of the next day in the case's team zone, in epoch ms. */
  until: number
  next?: Deadline | undefined
}

/**
 * The deadlines of every case, counted without explaining and remembered per case, for the lists that read all ten
 * thousand cases: the case list's next deadline, the calendar's entries and the reminders share one count. The store
 * hands out the same case object until the case changes, so after an edit only that case is counted again.
 *
 * A count holds until the team's day changes where the case is counted: deadlinesOf reads the clock only as that
 * day (due today, a pause running up to today) and as `now > dueAt`, and every dueAt it compares is the end of a day
 * in that zone, so within one day the comparison cannot flip. A case that cannot be counted throws its DeskError on
 * every ask.
 */
export interface DeadlineCache {
  deadlinesOf(c: Case, policy: Policy, now: Date): readonly Deadline[]
  nextDeadlineOf(c: Case, policy: Policy, now: Date): Deadline | undefined
}

export function createDeadlineCache(): DeadlineCache {
  const known = new WeakMap<Case, Counted>()
  const counted = (c: Case, policy: Policy, now: Date): Counted => {
    const at = now.getTime()
    const hit = known.get(c)
    if (hit && hit.policy === policy && at >= hit.from && at < hit.until) return hit
    const deadlines = deadlinesOf(c, policy, now, { explain: false })
    const fresh: Counted = { policy, deadlines, from: at, until: nextDayStart(at, timeZoneOf(c.calendar.spec)) }
    known.set(c, fresh)
    return fresh
  }
  return {
    deadlinesOf: (c, policy, now) => counted(c, policy, now).deadlines,
    nextDeadlineOf(c, policy, now) {
      const entry = counted(c, policy, now)
      if (!('next' in entry)) entry.next = nextDeadline(entry.deadlines)
      return entry.next
    },
  }
}
