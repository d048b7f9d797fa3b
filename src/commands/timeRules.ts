import type { Case } from '../cases/case'
import { refusal } from '../errors'

/** Clocks differ between colleagues' machines by a little; more than this ahead of now is a typing mistake. */
export const futureSlackMs = 5 * 60_000

const isLater = (at: string, now: Date) => Date.parse(at) > now.getTime() + futureSlackMs

/** A report cannot arrive in the future. */
export function checkReceivedTime(at: string, now: Date): void {
  if (isLater(at, now)) throw refusal('received.at', 'The report cannot have arrived in the future; enter when it came in')
}

/**
 * A milestone happened after the report arrived and not later than now: a wrong date would move every deadline
 * that counts from it.
 */
export function checkMilestoneTime(c: Case, on: string, now: Date): void {
  if (Date.parse(on) < Date.parse(c.received.at)) {
    throw refusal('on', 'This is before the report was received; enter a time on or after it')
  }
  if (isLater(on, now)) throw refusal('on', 'This time is in the future; record a milestone once it has happened')
}
