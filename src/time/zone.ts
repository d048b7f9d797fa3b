import { Temporal } from 'temporal-polyfill'
import { z } from 'zod'
import { DeskError } from '../errors'

/** A zone's name as the time-zone database writes it ('America/Argentina/ComodRivadavia' is among the longest). */
export const TimeZoneName = z.string().min(1, 'Choose a time zone').max(100, 'A time zone name has at most 100 characters; choose one from the list')

// Asking Temporal about a zone it does not know throws a RangeError that names no remedy; each zone is checked once.
const known = new Map<string, boolean>()

/**
 * Whether the runtime's time-zone data knows `name`, a zone's name such as 'Europe/Amsterdam'. Temporal also takes a
 * fixed offset ('+01:00'); that is refused, because a team or reporter on it would keep that offset through summer.
 */
export function isTimeZone(name: string): boolean {
  let answer = known.get(name)
  if (answer === undefined) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name)
      answer = !/^[+-]/.test(name)
    } catch {
      answer = false
    }
    known.set(name, answer)
  }
  return answer
}

/** `timeZone`, once it is known to be one; otherwise a refusal a person can act on. */
export function checkedZone(timeZone: string): string {
  if (isTimeZone(timeZone)) return timeZone
  throw new DeskError(
    'invalid_input',
    `'${timeZone}' is not a time zone this computer knows, so no time can be placed in it. ` +
      'Nothing was changed; choose a zone such as Europe/Amsterdam.',
  )
}

/** Temporal's exact answer: the instant on the zone's clock. */
export function zonedDateTimeOf(instant: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(checkedZone(timeZone))
}
