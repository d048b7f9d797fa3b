import { z } from 'zod'
import { IsoDate } from '../calendar/spec'
import { DeadlineState } from '../deadlines/deadline'
import { DueKind } from '../policies/policy'

/** What a calendar entry is about: one of the policy's promises, or the publication date proposed to the reporter. */
export const AgendaKind = z.enum([...DueKind.options, 'publication'])
export type AgendaKind = z.infer<typeof AgendaKind>

/**
 * One dated thing on the team's calendar: a deadline of a case that has a due date (open or met), or a planned
 * publication. Data only; the case's key, title, assignee, severity and policy come from its list row (CaseSummary),
 * so ten thousand cases do not send them four times over.
 */
export const AgendaEntry = z.object({
  /**
   * Stable for as long as the promise exists, so an ICS re-import updates the event instead of adding a second:
   * `<caseId>/<ruleId>/<occurrence>` for a deadline, `<caseId>/publication` for the publication.
   */
  uid: z.string().min(1),
  caseId: z.string().min(1),
  kind: AgendaKind,
  /** The policy rule for a deadline (the draft screen's `deadline=<ruleId>:<occurrence>`); null for a publication. */
  ruleId: z.string().nullable(),
  occurrence: z.number().int().min(1),
  /** The deadline's state; a planned publication is 'upcoming', 'due_today' or 'overdue' (the day passed unpublished). */
  state: DeadlineState,
  /** The day in `zone`: the deadline's due date, or the publication's date on the clock it was proposed on. */
  date: IsoDate,
  /** The deadline's end of day (dueAt), or the publication's moment, as an ISO instant. */
  at: z.iso.datetime(),
  /** The zone `date` is a day of: the case's pinned calendar's (a deadline), or the proposal's (a publication). */
  zone: z.string().min(1),
})
export type AgendaEntry = z.infer<typeof AgendaEntry>

const field = AgendaEntry.shape

/** An entry as it crosses IPC: its values in this order (see CaseRow for why tuples). */
export const AgendaRow = z.tuple([field.uid, field.caseId, field.kind, field.ruleId, field.occurrence, field.state, field.date, field.at, field.zone])
export type AgendaRow = z.infer<typeof AgendaRow>

export function toAgendaRow(e: AgendaEntry): AgendaRow {
  return [e.uid, e.caseId, e.kind, e.ruleId, e.occurrence, e.state, e.date, e.at, e.zone]
}

export function fromAgendaRow([uid, caseId, kind, ruleId, occurrence, state, date, at, zone]: AgendaRow): AgendaEntry {
  return { uid, caseId, kind, ruleId, occurrence, state, date, at, zone }
}
