import Holidays from 'date-holidays'
import { DeskError } from '../errors'
import type { HolidayType } from './spec'

export interface Place {
  country: string
  state?: string | undefined
  region?: string | undefined
}

/** date-holidays' priority order, low to high, which it uses to pick one of two entries for the same day. */
const allTypes: readonly HolidayType[] = ['observance', 'optional', 'school', 'bank', 'public']

let catalogue: Holidays | undefined
const places = new Map<string, Required<Place>>()
const sources = new Map<string, Holidays>()

/** date-holidays' own lists of countries, states and regions, with English names where it has them. */
export function placeCatalogue(): Holidays {
  catalogue ??= new Holidays()
  return catalogue
}

function codeIn(list: Record<string, string> | undefined, code: string): string | undefined {
  return Object.keys(list ?? {}).find((known) => known.toUpperCase() === code.toUpperCase())
}

/** The place in date-holidays' spelling; an unknown state or region would silently give the country's holidays. */
function knownPlace(place: Place): Required<Place> {
  const key = [place.country, place.state ?? '', place.region ?? ''].join('/').toUpperCase()
  const cached = places.get(key)
  if (cached) return cached
  const known = placeCatalogue()
  const country = codeIn(known.getCountries('en'), place.country)
  if (!country) {
    throw new DeskError(
      'invalid_input',
      `There is no holiday data for country '${place.country}'. Choose a country from the list under Settings → Calendar.`,
    )
  }
  const state = place.state === undefined ? '' : codeIn(known.getStates(country, 'en'), place.state)
  if (state === undefined) {
    throw new DeskError(
      'invalid_input',
      `There is no holiday data for state '${place.state}' of ${country}. ` +
        'Choose a state from the list under Settings → Calendar, or none.',
    )
  }
  const region = place.region === undefined ? '' : state && codeIn(known.getRegions(country, state, 'en'), place.region)
  if (!region && place.region !== undefined) {
    throw new DeskError(
      'invalid_input',
      `There is no holiday data for region '${place.region}' of ${[country, state].filter(Boolean).join('-')}. ` +
        'Choose a region from the list under Settings → Calendar, or none.',
    )
  }
  const resolved = { country, state, region: region ?? '' }
  places.set(key, resolved)
  return resolved
}

/**
 * date-holidays for one place, built once. date-holidays evaluates every rule it holds for every year asked, so an
 * instance limited to the counted `types` builds a year several times faster than one holding all of them.
 */
export function holidaySourceOf(place: Place, types: readonly HolidayType[] = allTypes): Holidays {
  const { country, state, region } = knownPlace(place)
  // date-holidays reads an empty list as every type.
  const held = types.length > 0 ? allTypes.filter((t) => types.includes(t)) : allTypes
  const key = [country, state, region, ...held].join('/')
  let source = sources.get(key)
  if (!source) {
    source = new Holidays(country, state, region, { languages: ['en'], types: [...held] })
    // Only calendar dates are read from it (`date`, and the number of days from start to end), and these do not depend
    // on a zone. Without one, date-holidays skips its moment-timezone conversions and builds a year ~5× faster.
    source.setTimezone(undefined as unknown as string)
    sources.set(key, source)
  }
  return source
}

export function forgetHolidaySources(): void {
  sources.clear()
  places.clear()
  catalogue = undefined
}
