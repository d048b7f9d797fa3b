import type { Case } from '../cases/case'
import { milestoneTimes, standingStatusChanges } from '../cases/history'
import { createCalendar, timeZoneOf } from '../calendar'
import { parseIsoDate } from '../calendar/dayNumber'
import type { BusinessCalendar, IsoDate } from '../calendar/spec'
import { DeskError } from '../errors'
import type { Anchor, Milestone } from '../policies/policy'
import { dateInZone, isTimeZone } from '../time'
import type { Deadline } from './deadline'
import { pausedSpansOf, pausesOf, type PausedSpan } from './pauses'

/** What every rule of one case is measured against. */
export interface CaseClock {
  c: Case
  /** When the report was received, in epoch ms. */
  receivedAt: number
  calendar: BusinessCalendar
  teamZone: string
  reporterZone: string
  now: number
  today: IsoDate
  paused: readonly PausedSpan[]
  /** When the case started waiting for the reporter, if it still does. */
  waitingSince: number | undefined
  /** Set when the case is closed: the closing moment, or null if the timeline records none. */
  closed: Deadline['closed']
  /**
   * When each milestone happened (its `on`, not when it was recorded), earliest first, as corrected, withdrawn ones
   * left out; choosing the reporter's credit counts as credit_confirmed (cases/history's milestoneTimes).
   */
  milestones: ReadonlyMap<Milestone, readonly number[]>
  /** Whether to say which days were skipped and why; a list of ten thousand cases needs only the dates and states. */
  explain: boolean
}

/** The latest closing of a closed case that was not taken back. */
function closedAtOf(c: Case): number | undefined {
  let closedAt: number | undefined
  for (const event of standingStatusChanges(c)) if (event.to === 'closed') closedAt = Math.max(closedAt ?? 0, Date.parse(event.at))
  return closedAt
}

const cannotCount = (c: Case, problem: string) => new DeskError('invalid_input', `The deadlines of case ${c.key} cannot be counted: ${problem}`)

/**
 * The calendar and zones the case is counted in. A pinned calendar that can no longer be used (a country without
 * holiday data, a zone this computer does not know) is refused naming the case, so that one case shows its problem
 * while the rest of the list counts.
 */
function countingCalendarOf(c: Case): { calendar: BusinessCalendar; teamZone: string; reporterZone: string } {
  let calendar: BusinessCalendar
  let teamZone: string
  try {
    teamZone = timeZoneOf(c.calendar.spec)
    calendar = createCalendar(c.calendar.spec)
  } catch (error) {
    if (!(error instanceof DeskError)) throw error
    throw cannotCount(c, `the calendar it was pinned to is not usable. ${error.message} Then re-pin the case to the current calendar settings.`)
  }
  if (!isTimeZone(teamZone)) {
    throw cannotCount(
      c,
      `the calendar it was pinned to names the time zone '${teamZone}', which this computer does not know. ` +
        'Re-pin the case to the current calendar settings.',
    )
  }
  const reporterZone = c.received.timeZone
  if (!isTimeZone(reporterZone)) {
    throw cannotCount(c, `the reporter's time zone '${reporterZone}' is not one this computer knows. Edit the case and choose a zone such as Europe/Amsterdam.`)
  }
  return { calendar, teamZone, reporterZone }
}

export function clockOf(c: Case, now: Date, explain: boolean): CaseClock {
  const { calendar, teamZone, reporterZone } = countingCalendarOf(c)
  const today = dateInZone(now.getTime(), teamZone)
  const pauses = pausesOf(c)
  const last = pauses.at(-1)
  const closedAt = c.status === 'closed' ? closedAtOf(c) : undefined
  return {
    c,
    receivedAt: Date.parse(c.received.at),
    calendar,
    teamZone,
    reporterZone,
    now: now.getTime(),
    today,
    paused: pausedSpansOf(pauses, teamZone, parseIsoDate(today)),
    waitingSince: last && last.until === null ? last.since : undefined,
    closed: c.status === 'closed' ? { at: closedAt === undefined ? null : new Date(closedAt).toISOString() } : undefined,
    milestones: milestoneTimes(c),
    explain,
  }
}

/** When an event first happened (at or after `notBefore`): a promise counts from the first acknowledgement, not from a repeated one. */
export function firstOf(event: Anchor, clock: CaseClock, notBefore = -Infinity): number | undefined {
  if (event === 'received') return clock.receivedAt
  const times = clock.milestones.get(event)
  if (times) for (const at of times) if (at >= notBefore) return at
  return undefined
}
