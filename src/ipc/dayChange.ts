import type { IsoDate } from '../calendar/spec'
import { dateInZone, nextDayStart } from '../time'

/** When the next 'clock:dayChanged' is due (the first millisecond of the next day in the team's zone) and the day it announces. */
export function nextDayChange(now: number, teamZone: string): { at: number; today: IsoDate } {
  const at = nextDayStart(now, teamZone)
  return { at, today: dateInZone(at, teamZone) }
}
