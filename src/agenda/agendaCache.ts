import type { Case } from '../cases/case'
import type { Policy } from '../policies/policy'
import type { AgendaEntry } from './agendaEntry'
import { agendaOfCase } from './agendaOf'

const MINUTE_MS = 60_000

/**
 * agendaOfCase remembered per case object and minute, as the case list's next-deadline cache is: the store hands out
 * the same case object until the case changes, so after an edit only that case is counted again; a state may lag the
 * clock by less than a minute.
 */
export function createAgendaCache(): (c: Case, policy: Policy | undefined, now: Date) => AgendaEntry[] {
  let minute = Number.NaN
  let known = new WeakMap<Case, { policy: Policy | undefined; entries: AgendaEntry[] }>()
  return (c, policy, now) => {
    const current = Math.floor(now.getTime() / MINUTE_MS)
    if (current !== minute) {
      minute = current
      known = new WeakMap()
    }
    const hit = known.get(c)
    if (hit && hit.policy === policy) return hit.entries
    const entries = agendaOfCase(c, policy, now)
    known.set(c, { policy, entries })
    return entries
  }
}
