import Holidays from 'date-holidays'
import { DeskError } from '../errors'

export interface Place {
  country: string
  state?: string | undefined
  region?: string | undefined
}

let catalogue: Holidays | undefined
const sources = new Map<string, Holidays>()

/** date-holidays' own lists of countries, states and regions, with English names where it has them. */
export function placeCatalogue(): Holidays {
  catalogue ??= new Holidays()
  return catalogue
}

function codeIn(list: Record<string, string> | undefined, code: string): string | undefined {
  return Object.keys(list ?? {}).find((known) => known.toUpperCase() === code.toUpperCase())
}

/**
 * date-holidays for one place, built once: the constructor parses the country's rules (~6 ms).
 * An unknown state or region would silently fall back to the country's holidays, so each code is checked.
 */
export function holidaySourceOf(place: Place): Holidays {
  const key = [place.country, place.state ?? '', place.region ?? ''].join('/').toUpperCase()
  const cached = sources.get(key)
  if (cached) return cached
  const known = placeCatalogue()
  const country = codeIn(known.getCountries('en'), place.country)
  if (!country) {
    throw new DeskError('invalid_input', `There is no holiday data for country '${place.country}'. Choose a country from the list under Settings → Calendar.`)
  }
  const state = place.state === undefined ? undefined : codeIn(known.getStates(country, 'en'), place.state)
  if (place.state !== undefined && !state) {
    throw new DeskError('invalid_input', `There is no holiday data for state '${place.state}' of ${country}. Choose a state from the list under Settings → Calendar, or none.`)
  }
  const region = place.region === undefined || !state ? undefined : codeIn(known.getRegions(country, state, 'en'), place.region)
  if (place.region !== undefined && !region) {
    throw new DeskError('invalid_input', `There is no holiday data for region '${place.region}' of ${[country, state].filter(Boolean).join('-')}. Choose a region from the list under Settings → Calendar, or none.`)
  }
  const source = new Holidays(country, state as string, region as string, { languages: ['en'] })
  sources.set(key, source)
  return source
}

export function forgetHolidaySources(): void {
  sources.clear()
  catalogue = undefined
}
