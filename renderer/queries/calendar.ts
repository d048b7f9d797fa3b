import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { ResolvedCalendarSpec } from '../../src/calendar/spec'
import { call } from '../desk'
import { calendarKeys } from './keys'

/** Countries, and the states and regions of the chosen country and state, from date-holidays. */
export function usePlacesQuery(country: string | undefined, state: string | undefined, enabled = true) {
  const place = { ...(country ? { country } : {}), ...(country && state ? { state } : {}) }
  return useQuery({
    queryKey: calendarKeys.places(place.country, place.state),
    queryFn: () => call((desk) => desk.calendar.places(place)),
    enabled,
  })
}

/**
 * The holidays of one year under a calendar being edited; `enabled` is false while the calendar is not valid. Each
 * choice in the editor is a new calendar, so the last list stays up (with the year it is of) until the next arrives.
 */
export function useHolidaysQuery(spec: Omit<ResolvedCalendarSpec, 'timeZone'>, year: number, enabled: boolean) {
  return useQuery({
    queryKey: calendarKeys.holidays(spec, year),
    queryFn: async () => ({ year, list: await call((desk) => desk.calendar.holidays({ spec, year })) }),
    enabled,
    placeholderData: keepPreviousData,
  })
}
