import { checkedZone, zonedDateTimeOf } from './zone'

export const DAY = 86_400_000

// A Temporal call costs 20–60 µs and a case list asks for tens of thousands of wall clocks. A zone's offset holds for
// months, so what Temporal says is kept per UTC day (days since 1970-01-01): the offset of a day on which the clocks
// do not change, and for a day on which they do, the instant of the change with the offsets on either side. A day with
// two changes (none in today's zones) is null: each instant on it is asked of Temporal.
interface Change {
  at: number
  before: number
  after: number
}
interface ZoneDays {
  steady: Map<number, number>
  changing: Map<number, Change | null>
}
const daysByZone = new Map<string, ZoneDays>()

// One question (the offset at a day's start and the next clock change) answers up to a year of days at once.
const FILL_DAYS = 366

const offsetOf = (zoned: { offsetNanoseconds: number }) => zoned.offsetNanoseconds / 1_000_000

function daysOf(timeZone: string): ZoneDays {
  let days = daysByZone.get(timeZone)
  if (!days) {
    days = { steady: new Map(), changing: new Map() }
    daysByZone.set(checkedZone(timeZone), days)
  }
  return days
}

function learn(day: number, timeZone: string, days: ZoneDays): void {
  const end = (day + 1) * DAY
  const zoned = zonedDateTimeOf(day * DAY, timeZone)
  const next = zoned.getTimeZoneTransition('next')
  const at = next?.epochMilliseconds ?? Number.POSITIVE_INFINITY
  if (next && at < end) {
    const second = next.getTimeZoneTransition('next')
    const twice = second !== null && second.epochMilliseconds < end
    days.changing.set(day, twice ? null : { at, before: offsetOf(zoned), after: offsetOf(next) })
    return
  }
  const last = Math.min(day + FILL_DAYS, Math.floor(at / DAY) - 1)
  for (let d = day; d <= last && (d === day || !days.steady.has(d)); d++) days.steady.set(d, offsetOf(zoned))
}

/** The zone's offset all through UTC day `day`, or undefined when its clocks change that day. */
export function steadyOffsetOn(day: number, timeZone: string): number | undefined {
  const days = daysOf(timeZone)
  const offset = days.steady.get(day)
  if (offset !== undefined || days.changing.has(day)) return offset
  learn(day, timeZone, days)
  return days.steady.get(day)
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds (Amsterdam in winter: 3,600,000). */
export function offsetAt(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY)
  const steady = steadyOffsetOn(day, timeZone)
  if (steady !== undefined) return steady
  const change = daysOf(timeZone).changing.get(day)
  if (change) return instant < change.at ? change.before : change.after
  return offsetOf(zonedDateTimeOf(instant, timeZone))
}
