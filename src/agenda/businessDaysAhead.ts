import type { IsoDate } from '../calendar/spec'
import { addDays } from './calendarDays'

/**
 * The n-th business day after today ("due in the next 5 business days" ends there); today itself for n = 0.
 * `isDayOff` is the team calendar's answer for the days the screen loaded, so this needs no calendar of its own.
 */
export function nthBusinessDayAfter(today: IsoDate, n: number, isDayOff: (d: IsoDate) => boolean): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`nthBusinessDayAfter needs a whole number of days ≥ 0, not ${n}`)
  let day = today
  // A team calendar cannot be off for a year on end; stop rather than loop forever on a calendar that says so.
  for (let counted = 0, walked = 0; counted < n; walked++) {
    if (walked > 366 + n) throw new RangeError(`No ${n} business days in the year after ${today}`)
    day = addDays(day, 1)
    if (!isDayOff(day)) counted++
  }
  return day
}
