import { timeZoneOf } from '../../src/calendar/regions'
import type { IsoDate } from '../../src/calendar/spec'
import type { Case } from '../../src/cases/case'
import type { Deadline } from '../../src/deadlines/deadline'
import type { TemplatePurpose } from '../../src/drafts/template'
import { daysUntil, formatDueDay } from '../../src/i18n'
import type { Language } from '../../src/i18n/language'
import { isTimeZone } from '../../src/time'
import { localTimeZone } from '../time/timeZones'

/** A deadline named in the address of the draft screen: `deadline=<ruleId>:<occurrence>`. */
export type DeadlineRef = { ruleId: string; occurrence: number }

export function deadlineParam(d: DeadlineRef): string {
  return `${d.ruleId}:${d.occurrence}`
}

/** Reads `deadline=<ruleId>:<occurrence>` back; a rule id may hold a colon, the occurrence never does. */
export function parseDeadlineParam(text: string | null): DeadlineRef | undefined {
  if (!text) return undefined
  const colon = text.lastIndexOf(':')
  const occurrence = Number(text.slice(colon + 1))
  if (colon < 1 || !Number.isInteger(occurrence) || occurrence < 1) return undefined
  return { ruleId: text.slice(0, colon), occurrence }
}

export function findDeadline(deadlines: readonly Deadline[], ref: DeadlineRef | undefined): Deadline | undefined {
  return ref && deadlines.find((d) => d.ruleId === ref.ruleId && d.occurrence === ref.occurrence)
}

/** The address of the draft screen for a case, with the template, deadline and language it opens with. */
export function draftPath(
  caseId: string,
  choice: { template?: string; deadline?: DeadlineRef; language?: Language } = {},
): string {
  const query = new URLSearchParams()
  if (choice.template) query.set('template', choice.template)
  if (choice.deadline) query.set('deadline', deadlineParam(choice.deadline))
  if (choice.language) query.set('language', choice.language)
  const search = query.toString()
  return `/cases/${encodeURIComponent(caseId)}/draft${search ? `?${search}` : ''}`
}

/** The text being edited for one template in one language: each keeps its own edits while the user switches. */
export const editKey = (templateId: string, language: Language) => `${templateId}\u0000${language}`

/** What each purpose is called in "Draft the … due tomorrow" on a deadline. */
const purposeNouns: Record<TemplatePurpose, string> = {
  acknowledgement: 'acknowledgement',
  request_info: 'request for information',
  evaluation: 'evaluation',
  progress_update: 'progress update',
  fix_released: 'fix-released email',
  publication_consultation: 'publication consultation',
  credit_confirmation: 'credit confirmation',
  reward_decision: 'reward decision',
  not_vulnerability: 'out-of-scope reply',
  duplicate: 'duplicate reply',
  closing: 'closing email',
}

/** The states in which a deadline still asks for its email. */
const stillDue: ReadonlySet<Deadline['state']> = new Set(['upcoming', 'due_today', 'overdue', 'open', 'paused'])

/**
 * The link a deadline offers to draft its email, in words ("Draft the acknowledgement due tomorrow"), or undefined
 * when it is kept, not counting yet, or no template fits. An expected resolution date asks for nothing until it has
 * passed without the fix; then for the progress update that renegotiates it.
 */
export function draftLinkOf(
  d: Deadline,
  template: { id: string; purpose: TemplatePurpose } | undefined,
  today: IsoDate,
): { text: string; template: string } | undefined {
  if (!template || !stillDue.has(d.state)) return undefined
  // The commitment is kept by releasing the fix, not by an email; only once it slipped is there something to write.
  if (d.promise) return d.state === 'overdue' ? { text: 'Draft a progress update with a new date', template: template.id } : undefined
  const noun = purposeNouns[template.purpose]
  const days = d.dueDate === null ? null : daysUntil(d.dueDate, today)
  const when =
    d.dueDate === null || days === null
      ? ''
      : d.state === 'overdue'
        ? ` that was due ${formatDueDay(d.dueDate, today, 'en')}`
        : days <= 0
          ? ' due today'
          : days === 1
            ? ' due tomorrow'
            : ` due ${formatDueDay(d.dueDate, today, 'en')}`
  return { text: `Draft the ${noun}${when}`, template: template.id }
}

/**
 * The team's zone for this case, the one its deadlines are counted in (its pinned calendar's): every time of the
 * draft screen, the timeline and the sent email is shown on this one clock, naming it. A pinned calendar that cannot
 * name a zone (the deadlines card says why) falls back to this computer's.
 */
export function caseTeamZone(kase: Pick<Case, 'calendar'>): string {
  try {
    const zone = timeZoneOf(kase.calendar.spec)
    return isTimeZone(zone) ? zone : localTimeZone()
  } catch {
    return localTimeZone()
  }
}
