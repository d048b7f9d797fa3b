import type { IsoDate } from '../calendar/spec'
import type { DeadlineState } from '../deadlines/deadline'
import type { AgendaEntry } from './agendaEntry'
import { chipTone, type ChipTone } from './chipTone'
import { entryDay } from './entryDay'

/** An entry as the team sees it on its own calendar: the team's day it sits on, and its state and tone on that day. */
export interface TeamView {
  day: IsoDate
  otherZone: boolean
  state: DeadlineState
  tone: ChipTone
}

/**
 * Today, the calendar and the reminders all judge an entry by this one view, so they agree. An entry's own state is
 * its own zone's: a New York deadline due Tue 1 Dec ends Wed 06:00 in Amsterdam, so on Tuesday New York calls it due
 * today while the team's calendar has it on Wednesday, tomorrow. So an open entry (upcoming or due today) is judged by
 * its team day against the team's today: before it overdue (its moment is past: the team's day ended after it, or the
 * list was counted before midnight), on it due today, after it upcoming. An overdue entry stays overdue (its moment
 * passed, whichever day it sits on); paused and kept ones keep their state.
 */
export function teamView(e: Pick<AgendaEntry, 'state' | 'date' | 'at' | 'zone'>, teamZone: string, today: IsoDate): TeamView {
  const { day, otherZone } = entryDay(e, teamZone)
  const state = e.state === 'upcoming' || e.state === 'due_today' ? (day < today ? 'overdue' : day === today ? 'due_today' : 'upcoming') : e.state
  return { day, otherZone, state, tone: chipTone({ state, date: day }, today) }
}
