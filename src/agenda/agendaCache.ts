import { timeZoneOf } from '../calendar'
import type { Case } from '../cases/case'
import { createDeadlineCache, type DeadlineCache } from '../deadlines/nextDeadlineCache'
import { DeskError } from '../errors'
import type { Policy } from '../policies/policy'
import { isTimeZone, nextDayStart } from '../time'
import type { AgendaEntry } from './agendaEntry'
import { withPublication } from './agendaOf'

interface Known {
  policy: Policy | undefined
  entries: AgendaEntry[]
  from: number
  until: number
}

/** A case's calendar entries at a moment, as agendaOfCase gives them. */
export type AgendaOf = (c: Case, policy: Policy | undefined, now: Date) => AgendaEntry[]

/**
 * agendaOfCase remembered per case object until a day changes that its entries depend on: the team's day where the
 * case is counted (see DeadlineCache), and the publication's day on the clock it was proposed on. Given the case
 * list's DeadlineCache, the calendar reuses the deadlines the list already counted, so no case is counted twice.
 */
export function createAgendaCache(deadlines: DeadlineCache = createDeadlineCache()): AgendaOf {
  const known = new WeakMap<Case, Known>()
  return (c, policy, now) => {
    const at = now.getTime()
    const hit = known.get(c)
    if (hit && hit.policy === policy && at >= hit.from && at < hit.until) return hit.entries
    const entries = withPublication(c, now, () => (policy ? deadlines.deadlinesOf(c, policy, now) : []))
    const publication = entries.at(-1)?.kind === 'publication' ? entries.at(-1) : undefined
    const zones = [...(policy ? [countedZone(c)] : []), ...(publication ? [publication.zone] : [])]
    // A zone that cannot be found or that this computer does not know has no day to wait for (the case shows its
    // problem): count again at the next ask.
    const until = Math.min(...zones.map((zone) => (zone !== undefined && isTimeZone(zone) ? nextDayStart(at, zone) : at)))
    known.set(c, { policy, entries, from: at, until })
    return entries
  }
}

/**
 * The zone a case's deadlines are counted in; undefined when its calendar names none and its place has no holiday
 * data, so its count failed too and, as in agendaOfCase, the case shows its publication only instead of throwing.
 */
function countedZone(c: Case): string | undefined {
  try {
    return timeZoneOf(c.calendar.spec)
  } catch (error) {
    if (error instanceof DeskError) return undefined
    throw error
  }
}
