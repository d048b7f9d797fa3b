export { clearCalendarCache, createCalendar } from './createCalendar'
export { holidaysOf, type RegionHoliday } from './holidaysOf'
export { countries, defaultTimeZone, regionsOf, statesOf, timeZoneOf, type PlaceName } from './regions'
export * from './spec'
