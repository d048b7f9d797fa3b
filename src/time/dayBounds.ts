import { Temporal } from 'temporal-polyfill'
import { parseIsoDate } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import { DAY, steadyOffsetOn } from './offsets'
import { checkedZone } from './zone'
import { dateInZone } from './wallClock'

// Deadlines ask for the end of the same few hundred days again and again, per case.
const endsByZone = new Map<string, Map<IsoDate, number>>()

// Clocks set back show a time twice, at instants as far apart as the change: an hour, three at most since 1970
// (Antarctica/Casey). With no change within twelve hours of the candidate, no other instant shows its midnight, so
// the candidate is where the day starts.
const CLEAR = 12 * 3_600_000

function steadyAround(instant: number, offset: number, timeZone: string): boolean {
  return (
    steadyOffsetOn(Math.floor((instant - CLEAR) / DAY), timeZone) === offset &&
    steadyOffsetOn(Math.floor((instant + CLEAR) / DAY), timeZone) === offset
  )
}

/** The first millisecond of the day after `date` in the zone, in epoch ms. */
function startOfNextDay(date: IsoDate, timeZone: string): number {
  const midnight = (parseIsoDate(date) + 1) * DAY
  const offset = steadyOffsetOn(Math.floor(midnight / DAY), timeZone)
  if (offset !== undefined && steadyAround(midnight - offset, offset, timeZone)) return midnight - offset
  // Near a clock change Temporal decides, and its start of day is right where midnight is skipped
  // (America/Santiago until 2022: the day began at 01:00) or repeated.
  return Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds
}

/**
 * The last millisecond of `date` in the zone, in epoch ms: one before the next day starts, so a day of 23 or 25 hours
 * ends at its own 23:59:59.999 (America/Santiago, Sat 6 Apr 2024, 25 hours: 2024-04-07T03:59:59.999Z).
 */
export function endOfDayMs(date: IsoDate, timeZone: string): number {
  let ends = endsByZone.get(timeZone)
  if (!ends) {
    ends = new Map()
    endsByZone.set(checkedZone(timeZone), ends)
  }
  let end = ends.get(date)
  if (end === undefined) {
    end = startOfNextDay(date, timeZone) - 1
    ends.set(date, end)
  }
  return end
}

/** endOfDayMs as an ISO instant: '2024-04-06' in America/Santiago → '2024-04-07T03:59:59.999Z'. */
export function endOfDay(date: string, timeZone: string): string {
  return new Date(endOfDayMs(date, timeZone)).toISOString()
}

/** The first millisecond of the day after the one `instant` falls on in the zone (when "today" changes there). */
export function nextDayStart(instant: number, timeZone: string): number {
  return endOfDayMs(dateInZone(instant, timeZone), timeZone) + 1
}
