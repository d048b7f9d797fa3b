import type { Case } from '../cases/case'
import type { Policy } from '../policies/policy'
import type { Deadline } from './deadline'
import { deadlinesOf } from './deadlinesOf'
import { nextDeadline } from './nextDeadline'

const MINUTE_MS = 60_000

/**
 * The next deadline of every case in the list, remembered per case and minute. The store hands out the same case object
 * until the case changes, so after an edit only that case is counted again, not all ten thousand; a state may lag the
 * clock by less than a minute.
 */
export function createNextDeadlineCache(): (c: Case, policy: Policy, now: Date) => Deadline | undefined {
  let minute = Number.NaN
  let known = new WeakMap<Case, { policy: Policy; next: Deadline | undefined }>()
  return (c, policy, now) => {
    const current = Math.floor(now.getTime() / MINUTE_MS)
    if (current !== minute) {
      minute = current
      known = new WeakMap()
    }
    const hit = known.get(c)
    if (hit && hit.policy === policy) return hit.next
    const next = nextDeadline(deadlinesOf(c, policy, now, { explain: false }))
    known.set(c, { policy, next })
    return next
  }
}
