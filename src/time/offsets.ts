import { checkedZone, zonedDateTimeOf } from './zone'

export const DAY = 86_400_000

// A Temporal call costs tens of microseconds and a case list asks for tens of thousands of wall clocks. A zone's
// offset holds for months, so it is kept per UTC day, when it is the same at both ends of that day; on the day the
// clocks change (null here) each instant is asked of Temporal.
const offsetsByZone = new Map<string, Map<number, number | null>>()

function exactOffsetAt(instant: number, timeZone: string): number {
  return zonedDateTimeOf(instant, timeZone).offsetNanoseconds / 1_000_000
}

/** The zone's offset all through UTC day `day` (days since 1970-01-01), or undefined when its clocks change that day. */
export function steadyOffsetOn(day: number, timeZone: string): number | undefined {
  let byDay = offsetsByZone.get(timeZone)
  if (!byDay) {
    byDay = new Map()
    offsetsByZone.set(checkedZone(timeZone), byDay)
  }
  let offset = byDay.get(day)
  if (offset === undefined) {
    const atStart = exactOffsetAt(day * DAY, timeZone)
    offset = atStart === exactOffsetAt((day + 1) * DAY - 1, timeZone) ? atStart : null
    byDay.set(day, offset)
  }
  return offset ?? undefined
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds (Amsterdam in winter: 3,600,000). */
export function offsetAt(instant: number, timeZone: string): number {
  return steadyOffsetOn(Math.floor(instant / DAY), timeZone) ?? exactOffsetAt(instant, timeZone)
}
