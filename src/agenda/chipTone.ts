import { isoWeekdayOf, parseIsoDate } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import type { AgendaEntry } from './agendaEntry'

/** The colour families of the calendar's chips, in the order the legend lists them. */
export const chipTones = ['overdue', 'due_today', 'this_week', 'later', 'met', 'paused'] as const
export type ChipTone = (typeof chipTones)[number]

/**
 * How urgent an entry looks on the calendar. The state decides, except that an upcoming entry is 'this_week' up to the
 * Sunday that ends today's ISO week, 'later' after it. Give it the team's state and day (teamView, which reads the
 * tone from here), not the entry's own zone's, or a chip disagrees with the day it sits on.
 */
export function chipTone(e: Pick<AgendaEntry, 'state' | 'date'>, today: IsoDate): ChipTone {
  switch (e.state) {
    case 'overdue':
      return 'overdue'
    case 'due_today':
      return 'due_today'
    case 'met_on_time':
    case 'met_late':
      return 'met'
    case 'paused':
      return 'paused'
    default: {
      const now = parseIsoDate(today)
      return parseIsoDate(e.date) <= now + (7 - isoWeekdayOf(now)) ? 'this_week' : 'later'
    }
  }
}
