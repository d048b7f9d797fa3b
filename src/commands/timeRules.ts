import type { Case, ZonedInstant } from '../cases/case'
import { milestoneTimes } from '../cases/history'
import { refusal } from '../errors'
import { isTimeZone } from '../time'

/** Clocks differ between colleagues' machines by a little; more than this ahead of now is a typing mistake. */
const futureSlackMs = 5 * 60_000

const isLater = (at: string, now: Date) => Date.parse(at) > now.getTime() + futureSlackMs

/** A report cannot arrive in the future. The case form repeats this check as the user types. */
export function checkReceivedTime(at: string, now: Date): void {
  if (isLater(at, now)) throw refusal('received.at', 'The report cannot have arrived in the future; enter when it came in')
}

/** The receipt of a new or edited case: not in the future, and in a zone the deadlines can count in. */
export function checkReceived(received: ZonedInstant, now: Date): void {
  checkReceivedTime(received.at, now)
  if (!isTimeZone(received.timeZone)) throw refusal('received.timeZone', 'Choose a time zone from the list')
}

/** Moving the receipt later than a milestone would leave that milestone before the report arrived. */
export function checkReceivedBeforeMilestones(c: Case, receivedAt: string): void {
  const first = Math.min(...[...milestoneTimes(c).values()].map((times) => times[0]!))
  if (first < Date.parse(receivedAt)) {
    throw refusal('received.at', 'A milestone on the timeline lies before this time; correct that milestone first, or enter an earlier time')
  }
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
