/**
 * Time zones, from the Temporal API (temporal-polyfill) with a cache in front: the end of a day in a zone, a wall-clock
 * time in a zone as an instant, and an instant on someone's clock. Plain TypeScript, usable from Node and the renderer.
 */
export { endOfDay, endOfDayMs, nextDayStart } from './dayBounds'
export { dateInZone, instantAt, isoInZone, wallClockOf, wallClockText, zonedIso, type WallClock } from './wallClock'
export { isTimeZone } from './zone'
