import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { nthBusinessDayAfter } from '../../src/agenda/businessDaysAhead'
import { addDays } from '../../src/agenda/calendarDays'
import { isoWeekdayOf, parseIsoDate } from '../../src/calendar/dayNumber'
import type { IsoDate } from '../../src/calendar/spec'
import { useDaysOff } from '../queries/agenda'
import { daysOffKey } from '../queries/keys'

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
  const { byDate, error } = useDaysOff(today, to)
  // An empty map is also what a loading query gives; its status tells the two apart without a second fetch.
  const loaded = useQueryClient().getQueryState(daysOffKey(today, to))?.status === 'success'
  const until = useMemo(() => {
    if (error) return nthBusinessDayAfter(today, soonBusinessDays, (d) => isoWeekdayOf(parseIsoDate(d)) >= 6)
    if (!loaded) return null
    return nthBusinessDayAfter(today, soonBusinessDays, (d) => byDate.has(d))
  }, [today, byDate, loaded, error])
  return { until, error }
}
