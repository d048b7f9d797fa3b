import type { Case } from '../cases/case'
import { plannedPublication } from '../cases/history'
import type { Deadline, DeadlineState } from '../deadlines/deadline'
import { deadlinesOf } from '../deadlines/deadlinesOf'
import { DeskError } from '../errors'
import type { Policy } from '../policies/policy'
import { dateInZone, isTimeZone } from '../time'
import type { AgendaEntry } from './agendaEntry'

/**
 * The states a dated promise is shown on the calendar in. Waiting and undated open promises have no day yet, and a
 * promise that ended without being due (closed case) is no longer the team's to keep.
 */
const shownStates: ReadonlySet<DeadlineState> = new Set(['upcoming', 'due_today', 'overdue', 'paused', 'met_on_time', 'met_late'])

/** The dated entries among a case's deadlines, in the order deadlinesOf gives them. */
function agendaOfDeadlines(caseId: string, deadlines: readonly Deadline[]): AgendaEntry[] {
  const entries: AgendaEntry[] = []
  for (const d of deadlines) {
    if (d.dueDate === null || d.dueAt === null || !shownStates.has(d.state)) continue
    entries.push({
      uid: `${caseId}/${d.ruleId}/${d.occurrence}`,
      caseId,
      kind: d.due,
      ruleId: d.ruleId,
      occurrence: d.occurrence,
      state: d.state,
      date: d.dueDate,
      at: d.dueAt,
      zone: d.teamZone,
    })
  }
  return entries
}

/**
 * The publication date proposed to the reporter, while the case is neither published nor closed: a day on the
 * proposal's own clock, overdue once that day passed there unpublished.
 */
function publicationEntry(c: Case, now: Date): AgendaEntry | undefined {
  if (c.status === 'published' || c.status === 'closed') return undefined
  const planned = plannedPublication(c)
  if (!planned) return undefined
  const instant = Date.parse(planned.at)
  // A zone this computer's time zone data lacks still has a moment: its day on UTC's clock places it near enough, and
  // the entry says which clock it is on.
  const zone = isTimeZone(planned.timeZone) ? planned.timeZone : 'UTC'
  const date = dateInZone(instant, zone)
  const today = dateInZone(now.getTime(), zone)
  const state: DeadlineState = date < today ? 'overdue' : date === today ? 'due_today' : 'upcoming'
  return {
    uid: `${c.id}/publication`,
    caseId: c.id,
    kind: 'publication',
    ruleId: null,
    occurrence: 1,
    state,
    date,
    at: new Date(instant).toISOString(),
    zone,
  }
}

/**
 * Every dated thing of one case on the team's calendar as of `now`: its deadlines with a due date (open, paused or
 * met) and its planned publication. A case whose policy is gone or whose pinned calendar cannot be used shows its
 * publication only (the case list names its problem), so one bad case never takes the calendar down.
 */
export function agendaOfCase(c: Case, policy: Policy | undefined, now: Date): AgendaEntry[] {
  return withPublication(c, now, () => (policy ? deadlinesOf(c, policy, now, { explain: false }) : []))
}

/** agendaOfCase with the counting passed in, so a cache can share one count of the deadlines with the case list. */
export function withPublication(c: Case, now: Date, count: () => readonly Deadline[]): AgendaEntry[] {
  let deadlines: readonly Deadline[] = []
  try {
    deadlines = count()
  } catch (error) {
    if (!(error instanceof DeskError)) throw error
  }
  const entries = agendaOfDeadlines(c.id, deadlines)
  const publication = publicationEntry(c, now)
  if (publication) entries.push(publication)
  return entries
}
