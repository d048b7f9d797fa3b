export { clearCalendarCache, createCalendar, holidayNameOn } from './createCalendar'
export { holidaysOf } from './holidaysOf'
export { countries, defaultTimeZone, regionsOf, statesOf, timeZoneOf } from './regions'
export * from './spec'
