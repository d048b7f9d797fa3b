import type { Case } from '../cases/case'
import { parseIsoDate, type DayNumber } from '../calendar/dayNumber'
import { standingStatusChanges } from '../cases/history'
import { dateInZone } from '../time'

/** A span in which the case waited for the reporter; `until` is null while it still waits. */
export interface Pause {
  since: number
  until: number | null
}

/** The spans in which the case had status needs_info, read from its standing status changes in the order they happened. */
export function pausesOf(c: Case): Pause[] {
  const changes = standingStatusChanges(c)
    .map((event) => ({ at: Date.parse(event.at), to: event.to }))
    .sort((a, b) => a.at - b.at)
  const pauses: Pause[] = []
  let since: number | null = null
  for (const change of changes) {
    if (change.to === 'needs_info') since ??= change.at
    else if (since !== null) {
      pauses.push({ since, until: change.at })
      since = null
    }
  }
  if (since !== null) pauses.push({ since, until: null })
  return pauses
}

/** Consecutive days on which deadline clocks stand still, first and last included. */
export interface PausedSpan {
  first: DayNumber
  last: DayNumber
}

/**
 * The days on which deadline clocks stand still: from the day the case entered needs_info (team zone) up to, but not
 * including, the day it left it. The day the reporter answers counts in full, so a question asked and answered on the
 * same day pauses nothing. While the case still waits, the pause runs up to today: the due date then shown is the one
 * that holds if the reporter answers today. Spans, not single days: a case can wait for years.
 */
export function pausedSpansOf(pauses: readonly Pause[], timeZone: string, today: DayNumber): PausedSpan[] {
  const spans = pauses
    .map((pause) => ({
      first: parseIsoDate(dateInZone(pause.since, timeZone)),
      last: (pause.until === null ? today : parseIsoDate(dateInZone(pause.until, timeZone))) - 1,
    }))
    .filter((span) => span.last >= span.first)
    .sort((a, b) => a.first - b.first)
  const merged: PausedSpan[] = []
  for (const span of spans) {
    const previous = merged.at(-1)
    if (previous && span.first <= previous.last + 1) previous.last = Math.max(previous.last, span.last)
    else merged.push({ ...span })
  }
  return merged
}
