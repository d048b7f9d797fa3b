import { useMemo } from 'react'
import { nthBusinessDayAfter } from '../../src/agenda/businessDaysAhead'
import { addDays } from '../../src/agenda/calendarDays'
import { isoWeekdayOf, parseIsoDate } from '../../src/calendar/dayNumber'
import type { IsoDate } from '../../src/calendar/spec'
import { useDaysOff } from '../queries/agenda'

/** How many business days "due soon" looks ahead. */
export const soonBusinessDays = 5

// Five business days never span more than a month, even over Christmas and a closure week.
const lookAhead = 30

/**
 * The last day of "due in the next 5 business days", on the team calendar: null while its days off load. If they
 * cannot be loaded, weekends alone are skipped (the problem area says why), so the list still shows.
 */
export function useSoonUntil(today: IsoDate): { until: IsoDate | null; error: Error | null } {
  const to = addDays(today, lookAhead)
  const { byDate, ready, error } = useDaysOff(today, to)
  const until = useMemo(() => {
    if (error) return nthBusinessDayAfter(today, soonBusinessDays, (d) => isoWeekdayOf(parseIsoDate(d)) >= 6)
    if (!ready) return null
    return nthBusinessDayAfter(today, soonBusinessDays, (d) => byDate.has(d))
  }, [today, byDate, ready, error])
  return { until, error }
}
