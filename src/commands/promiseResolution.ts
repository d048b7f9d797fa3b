import { z } from 'zod'
import { Id, Revision } from '../cases/fields'
import type { Case, TimelineEvent } from '../cases/case'
import { timeZoneOf } from '../calendar'
import { parseIsoDate } from '../calendar/dayNumber'
import { IsoDate } from '../calendar/spec'
import { parseInput, refusal } from '../errors'
import type { StoreDocument } from '../store/document'
import { dateInZone } from '../time'
import { changeCase, checkRevision, eventStamp, findCase } from './caseChange'
import type { CommandContext, Outcome } from './context'

export const PromiseResolution = z.object({
  type: z.literal('case.promiseResolution'),
  caseId: Id,
  date: IsoDate,
  revision: Revision.optional(),
})
export type PromiseResolution = z.input<typeof PromiseResolution>

/** The day `instant` falls on in the team's zone, the zone the case's deadlines are counted in. */
const teamDay = (c: Case, instant: string) => dateInZone(Date.parse(instant), timeZoneOf(c.calendar.spec))

/**
 * The event that makes `date` the expected resolution date, after checking it can be one: a fix is promised for the day
 * the promise was made or later, never for a day already behind it. `since` is that moment (the email's sending time);
 * `path` names the field a refusal goes beside.
 */
export function resolutionPromise(
  c: Case,
  date: IsoDate,
  since: string,
  path: string,
  ctx: CommandContext,
  emailEvent?: string,
): TimelineEvent {
  try {
    parseIsoDate(date)
  } catch {
    throw refusal(path, 'This is not a date in the calendar; enter it as YYYY-MM-DD')
  }
  const first = teamDay(c, since)
  if (date < first) throw refusal(path, `The expected resolution date cannot lie before ${first}, the day it was promised; enter that day or a later one`)
  return { ...eventStamp(ctx), type: 'resolution_promised', date, emailEvent }
}

/**
 * Records an expected resolution date agreed with the reporter outside the app (by phone, in a mail not drafted here).
 * It is recorded as promised today, so it lies today or later on the team's calendar: a date already behind would be
 * a slipped promise from the start, which is a typing mistake, not a commitment.
 */
export function promiseResolution(doc: StoreDocument, cmd: PromiseResolution, ctx: CommandContext): Outcome<Case> {
  const { caseId, date, revision } = parseInput(PromiseResolution, cmd, 'The expected resolution date')
  const { c, index } = findCase(doc, caseId)
  checkRevision(c, revision)
  return changeCase(doc, index, {}, [resolutionPromise(c, date, ctx.now.toISOString(), 'date', ctx)], ctx)
}
