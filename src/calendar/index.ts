export { clearCalendarCache, createCalendar } from './createCalendar'
export { holidaysOf, RegionHoliday } from './holidaysOf'
export { countries, defaultTimeZone, PlaceName, regionsOf, statesOf, timeZoneOf } from './regions'
export * from './spec'
