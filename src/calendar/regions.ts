import { DeskError } from '../errors'
import { holidaySourceOf, placeCatalogue } from './holidaySource'
import type { CalendarSpec, PlaceName } from './spec'


function byName(list: Record<string, string> | undefined): PlaceName[] {
  return Object.entries(list ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

export function countries(): PlaceName[] {
  return byName(placeCatalogue().getCountries('en'))
}

export function statesOf(country: string): PlaceName[] {
  return byName(placeCatalogue().getStates(country, 'en'))
}

export function regionsOf(country: string, state: string): PlaceName[] {
  return byName(placeCatalogue().getRegions(country, state, 'en'))
}

/** The place's first time zone in date-holidays (the capital's, e.g. America/New_York for US). */
export function defaultTimeZone(country: string, state?: string): string {
  const zone = holidaySourceOf({ country, state }).getTimezones()[0]
  if (zone) return zone
  throw new DeskError(
    'invalid_input',
    `date-holidays names no time zone for ${[country, state].filter(Boolean).join('-')}. Choose one under Settings → Calendar.`,
  )
}

/** The zone in which the calendar's days begin and end: the spec's own, else the place's default. */
export function timeZoneOf(spec: CalendarSpec): string {
  return spec.timeZone ?? defaultTimeZone(spec.country, spec.state)
}
