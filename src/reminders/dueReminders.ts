import type { IsoDate } from '../calendar/spec'
import { addDays } from '../agenda/calendarDays'
import type { AgendaEntry, AgendaKind } from '../agenda/agendaEntry'
import { teamView } from '../agenda/teamView'
import { compareText } from '../compareText'
import type { DeadlineState } from '../deadlines/deadline'
import { dateInZone } from '../time'
import type { ReminderPrefs, ShownReminders } from './reminderState'

/** How many of each the start-of-day summary (or a folded batch) counts, all in the team's days. */
export interface ReminderCounts {
  overdue: number
  dueToday: number
  dueTomorrow: number
}

/**
 * One desktop notification to show, as data: the words are reminderText's, the showing is the main process's.
 * A deadline's reminder carries its case, so a click can open it; a summary opens Today.
 */
export type Reminder =
  | {
      kind: 'due_tomorrow' | 'overdue'
      key: string
      caseId: string
      uid: string
      entryKind: AgendaKind
      /** The team's day it is due on (teamView), which the words name. */
      day: IsoDate
    }
  | { kind: 'summary'; key: string; counts: ReminderCounts }

export interface DueRemindersInput {
  /** Every case's calendar entries, with their states at `now` (agendaOfCase). */
  entries: readonly AgendaEntry[]
  now: Date
  teamZone: string
  shown: ShownReminders
  prefs: ReminderPrefs
  /** Who this installation acts as ("You are"), or null when nobody is chosen. */
  memberId: string | null
  assigneeOf: (caseId: string) => string | undefined
  /** The first check after the app started (or a store was opened): the summary's moment. */
  startup: boolean
}

/** Shown keys are let go after this many days: by then no entry they name can become due tomorrow or overdue again. */
const shownRetentionDays = 60

/**
 * More reminders than this at one check (the first minute after a day change on a big store) become one summary
 * instead: a stack of twenty notifications is read as none.
 */
export const maxSeparateReminders = 3

// Paused (waiting on the reporter), met and waiting promises ask nothing of the team now.
const openStates: ReadonlySet<DeadlineState> = new Set(['upcoming', 'due_today'])

/**
 * Which reminders are due now, and what was shown after showing them. A deadline reminds once per kind and due date
 * (key `<uid>|<kind>|<date>`): the day before its team day, and when it becomes overdue. "Becomes" means on its team
 * day or the next (a deadline of the team's zone passes at midnight, one of a zone to the east during the team's day);
 * one overdue since before yesterday passed while the app was closed, and is counted in the start summary instead of
 * shown on its own. The summary comes once per team day, at the first start that has anything to count; what it
 * counts is marked shown, so the same deadlines do not follow one by one. It is the day's count, so it may include a
 * deadline already shown on its own that day (overnight while the app ran, or after a start with nothing to count).
 * A date that moves is a new key, so it reminds again. Nothing when reminders are off; 'mine' with nobody chosen
 * keeps no case (the settings say so).
 */
export function dueReminders(input: DueRemindersInput): { reminders: Reminder[]; shown: ShownReminders } {
  const { now, teamZone, prefs, startup } = input
  const today = dateInZone(now.getTime(), teamZone)
  const tomorrow = addDays(today, 1)
  const yesterday = addDays(today, -1)
  const shown = keptShown(input.shown, today)
  if (!prefs.enabled) return { reminders: [], shown }

  const inScope =
    prefs.scope === 'all'
      ? () => true
      : (caseId: string) => input.memberId !== null && input.assigneeOf(caseId) === input.memberId
  const counts: ReminderCounts = { overdue: 0, dueToday: 0, dueTomorrow: 0 }
  const separate: Extract<Reminder, { caseId: string }>[] = []
  for (const e of input.entries) {
    if (e.state !== 'overdue' && !openStates.has(e.state)) continue
    if (!inScope(e.caseId)) continue
    // Judged on the team's day, as Today and the calendar judge it, so a reminder never contradicts them.
    const { day, state } = teamView(e, teamZone, today)
    let kind: 'overdue' | 'due_tomorrow' | undefined
    if (state === 'overdue') {
      counts.overdue++
      if (day >= yesterday) kind = 'overdue'
    } else if (day === today) {
      counts.dueToday++
    } else if (day === tomorrow) {
      counts.dueTomorrow++
      kind = 'due_tomorrow'
    }
    if (!kind) continue
    const key = `${e.uid}|${kind}|${e.date}`
    if (key in shown) continue
    separate.push({ kind, key, caseId: e.caseId, uid: e.uid, entryKind: e.kind, day })
  }
  separate.sort((a, b) => (a.kind === b.kind ? compareText(a.day, b.day) || compareText(a.uid, b.uid) : a.kind === 'overdue' ? -1 : 1))

  const next = { ...shown }
  for (const r of separate) next[r.key] = today
  const summaryKey = `summary|${today}`
  const anything = counts.overdue + counts.dueToday + counts.dueTomorrow > 0
  if (startup && anything && !(summaryKey in shown)) {
    next[summaryKey] = today
    return { reminders: [{ kind: 'summary', key: summaryKey, counts }], shown: next }
  }
  if (separate.length > maxSeparateReminders) {
    return { reminders: [{ kind: 'summary', key: `${summaryKey}|${now.toISOString()}`, counts }], shown: next }
  }
  return { reminders: separate, shown: next }
}

/** The shown keys of the last shownRetentionDays team days; older ones name nothing that can remind again. */
function keptShown(shown: ShownReminders, today: IsoDate): ShownReminders {
  const oldest = addDays(today, -shownRetentionDays)
  const kept: ShownReminders = {}
  for (const [key, on] of Object.entries(shown)) if (on >= oldest) kept[key] = on
  return kept
}
