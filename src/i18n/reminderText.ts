import type { AgendaKind } from '../agenda/agendaEntry'
import type { IsoDate } from '../calendar/spec'
import type { Reminder, ReminderCounts } from '../reminders/dueReminders'
import { formatDueDay } from './deadlineText'
import { dueLabels } from './labels'
import type { Language } from './language'

/** A desktop notification's two lines. */
export interface ReminderText {
  title: string
  body: string
}

interface Words {
  publication: string
  dueTomorrow(key: string): string
  overdue(key: string): string
  dueOn(what: string, day: string): string
  wasDue(what: string, day: string): string
  summaryTitle: string
  counts(c: ReminderCounts): string[]
}

const english: Words = {
  publication: 'Publish as planned',
  dueTomorrow: (key) => `Due tomorrow: ${key}`,
  overdue: (key) => `Overdue: ${key}`,
  dueOn: (what, day) => `${what}, due ${day}`,
  wasDue: (what, day) => `${what}, was due ${day}`,
  summaryTitle: 'Deadlines today',
  counts: (c) => [
    c.overdue > 0 ? `${c.overdue.toLocaleString('en-GB')} overdue` : '',
    c.dueToday > 0 ? `${c.dueToday.toLocaleString('en-GB')} due today` : '',
    c.dueTomorrow > 0 ? `${c.dueTomorrow.toLocaleString('en-GB')} due tomorrow` : '',
  ],
}

const dutch: Words = {
  publication: 'Publiceren zoals gepland',
  dueTomorrow: (key) => `Morgen uiterlijk: ${key}`,
  overdue: (key) => `Te laat: ${key}`,
  dueOn: (what, day) => `${what}, uiterlijk ${day}`,
  wasDue: (what, day) => `${what}, was uiterlijk ${day}`,
  summaryTitle: 'Termijnen vandaag',
  counts: (c) => [
    c.overdue > 0 ? `${c.overdue.toLocaleString('nl-NL')} te laat` : '',
    c.dueToday > 0 ? `${c.dueToday.toLocaleString('nl-NL')} uiterlijk vandaag` : '',
    c.dueTomorrow > 0 ? `${c.dueTomorrow.toLocaleString('nl-NL')} uiterlijk morgen` : '',
  ],
}

const words: Record<Language, Words> = { en: english, nl: dutch }

const whatIsDue = (kind: AgendaKind, lang: Language) => (kind === 'publication' ? words[lang].publication : dueLabels[lang][kind])

/**
 * A reminder in words. Notifications show on a locked screen and stay in the system's notification centre, so they
 * name the case by its key and what is due, never the case's title or the reporter (both confidential).
 * `caseKeyOf` gives a case's key ('VD-2026-007'); `today` (the team's) decides whether the due day needs its year.
 */
export function reminderText(r: Reminder, caseKeyOf: (caseId: string) => string, today: IsoDate, lang: Language): ReminderText {
  const w = words[lang]
  if (r.kind === 'summary') {
    // dueReminders gives no summary with nothing to count.
    return { title: w.summaryTitle, body: w.counts(r.counts).filter((part) => part !== '').join(' · ') }
  }
  const caseKey = caseKeyOf(r.caseId)
  const what = whatIsDue(r.entryKind, lang)
  const day = formatDueDay(r.day, today, lang)
  return r.kind === 'due_tomorrow'
    ? { title: w.dueTomorrow(caseKey), body: w.dueOn(what, day) }
    : { title: w.overdue(caseKey), body: w.wasDue(what, day) }
}
