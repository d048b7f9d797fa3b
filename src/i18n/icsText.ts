import type { AgendaEntry, AgendaKind } from '../agenda/agendaEntry'
import type { IsoDate } from '../calendar/spec'
import type { DeadlineState } from '../deadlines/deadline'
import { agendaKindLabel, agendaSummary, agendaSummaryNoun, otherZoneText } from './agendaText'
import { formatDay, formatForZone } from './dates'
import { deadlineStateLabels, slippedLabel } from './labels'
import type { Language } from './language'

/*
 * The words of the ICS export's events. Summaries and descriptions name the case by its key and what is due; the
 * case's title and reporter only when `details` is given, since calendars sync to the cloud.
 */

/** The case's confidential words, for an export the person asked to carry them. */
export interface IcsDetails {
  title: string
  reporterName: string
}

/** An open entry as its event tells it: on the team's day, and whether its own clock is another zone's. */
export type IcsOpenEntry = Pick<AgendaEntry, 'kind' | 'state' | 'date' | 'at' | 'zone'> & { key: string; otherZone: boolean }

/**
 * An event written cancelled: what the ledger or the store still knows of it (a line from before the ledger kept key
 * and kind may have neither), its last date, and its state when the entry is still in the store (a kept promise).
 */
export interface IcsCancelledEntry {
  key?: string
  kind?: AgendaKind
  date: IsoDate
  state?: DeadlineState
}

export interface IcsTextContext {
  teamZone: string
  /** The team's today: the day the states in the descriptions were read. */
  today: IsoDate
  lang: Language
}

interface Words {
  due(day: string): string
  publication(moment: string): string
  teamTime(moment: string): string
  paused: string
  /** The export day as the state lines say it: "when exported on Tue 1 Dec 2026". */
  exportedOn(day: string): string
  state(exportedOn: string, state: string): string
  title(title: string): string
  reporter(name: string): string
  /** The noun of an event whose kind the ledger did not keep. */
  deadline: string
  done: string
  noLongerDue: string
  noLongerPlanned: string
  wasDue(day: string): string
  wasPlanned(day: string): string
}

const english: Words = {
  due: (day) => `Due ${day}, by the end of the day.`,
  publication: (moment) => `Publication planned for ${moment}.`,
  teamTime: (moment) => `On the team's clock: ${moment}.`,
  paused: 'The case waits for the reporter: its clock is paused, and this date moves when the case resumes.',
  exportedOn: (day) => `when exported on ${day}`,
  state: (exportedOn, state) => `State ${exportedOn}: ${state}.`,
  title: (title) => `Case: ${title}`,
  reporter: (name) => `Reporter: ${name}`,
  deadline: 'deadline',
  done: 'done',
  noLongerDue: 'no longer due',
  noLongerPlanned: 'no longer planned',
  wasDue: (day) => `Was due ${day}.`,
  wasPlanned: (day) => `Was planned for ${day}.`,
}

const dutch: Words = {
  due: (day) => `Uiterlijk ${day}, einde van de dag.`,
  publication: (moment) => `Publicatie gepland op ${moment}.`,
  teamTime: (moment) => `Op de klok van het team: ${moment}.`,
  paused: 'De zaak wacht op de melder: de klok staat stil, en deze datum schuift op als de zaak verdergaat.',
  exportedOn: (day) => `bij de export op ${day}`,
  state: (exportedOn, state) => `Stand ${exportedOn}: ${state}.`,
  title: (title) => `Zaak: ${title}`,
  reporter: (name) => `Melder: ${name}`,
  deadline: 'termijn',
  done: 'afgerond',
  noLongerDue: 'vervallen',
  noLongerPlanned: 'niet meer gepland',
  wasDue: (day) => `Was uiterlijk ${day}.`,
  wasPlanned: (day) => `Was gepland op ${day}.`,
}

const words: Record<Language, Words> = { en: english, nl: dutch }

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// A title's line breaks and runs of spaces would make a calendar's one-line summary unreadable; the description keeps them.
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

const withTitle = (summary: string, details: IcsDetails | undefined) => {
  const title = details ? oneLine(details.title) : ''
  return title === '' ? summary : `${summary} — ${title}`
}

function detailLines(details: IcsDetails | undefined, w: Words): string[] {
  if (!details) return []
  return ['', w.title(details.title), ...(details.reporterName.trim() === '' ? [] : [w.reporter(details.reporterName)])]
}

// A resolution date past is the team's own promise slipped, as the case screen says, not a policy term run out.
const stateLabel = (kind: AgendaKind, state: DeadlineState, lang: Language) =>
  kind === 'resolution' && state === 'overdue' ? slippedLabel[lang] : deadlineStateLabels[lang][state]

/** "VD-2026-007: evaluation due", with details "VD-2026-007: evaluation due — <title on one line>". */
export function icsSummary(e: Pick<IcsOpenEntry, 'key' | 'kind'>, lang: Language, details?: IcsDetails): string {
  return withTitle(agendaSummary(e.key, e.kind, lang), details)
}

/** Key and what is due, the due day (and the team's clock for another zone's), and the state on the export day. */
export function icsDescription(e: IcsOpenEntry, ctx: IcsTextContext, details?: IcsDetails): string {
  const { lang } = ctx
  const w = words[lang]
  const lines = [`${e.key} · ${agendaKindLabel(e.kind, lang)}`]
  if (e.kind === 'publication') {
    lines.push(w.publication(formatForZone(e.at, e.zone, lang)))
    if (e.otherZone) lines.push(w.teamTime(formatForZone(e.at, ctx.teamZone, lang)))
  } else if (e.otherZone) {
    // Placed on the team's day its end falls in; the case's own day and zone are said, as the chips say them.
    lines.push(`${capitalised(otherZoneText(e.zone, lang))}: ${formatDay(e.date, lang, true)}.`)
    lines.push(w.teamTime(formatForZone(e.at, ctx.teamZone, lang)))
  } else {
    lines.push(w.due(formatDay(e.date, lang, true)))
  }
  lines.push(e.state === 'paused' ? w.paused : w.state(w.exportedOn(formatDay(ctx.today, lang, true)), stateLabel(e.kind, e.state, lang)))
  return [...lines, ...detailLines(details, w)].join('\n')
}

const isMet = (state: DeadlineState | undefined): state is 'met_on_time' | 'met_late' => state === 'met_on_time' || state === 'met_late'

const fateOf = (e: IcsCancelledEntry, w: Words) => (isMet(e.state) ? w.done : e.kind === 'publication' ? w.noLongerPlanned : w.noLongerDue)

// agendaSummary's noun, so a cancelled event is named as its open one was; a line without a kind says "deadline".
const nounOf = (kind: AgendaKind | undefined, lang: Language) => (kind ? agendaSummaryNoun(kind, lang) : words[lang].deadline)

/** "VD-2026-007: evaluation done" for a kept promise, "… no longer due" (a publication: "no longer planned") for one gone. */
export function icsCancelledSummary(e: IcsCancelledEntry, lang: Language, details?: IcsDetails): string {
  const what = `${nounOf(e.kind, lang)} ${fateOf(e, words[lang])}`
  return withTitle(e.key === undefined ? capitalised(what) : `${e.key}: ${what}`, details)
}

/** What the event was, the day it was on, and why it is off: the state of a kept promise, or that it is gone. */
export function icsCancelledDescription(e: IcsCancelledEntry, ctx: Pick<IcsTextContext, 'today' | 'lang'>, details?: IcsDetails): string {
  const { lang } = ctx
  const w = words[lang]
  const day = formatDay(e.date, lang, true)
  const exportedOn = w.exportedOn(formatDay(ctx.today, lang, true))
  const what = e.kind ? agendaKindLabel(e.kind, lang) : capitalised(w.deadline)
  const lines = [e.key === undefined ? what : `${e.key} · ${what}`]
  lines.push(e.kind === 'publication' ? w.wasPlanned(day) : w.wasDue(day))
  lines.push(isMet(e.state) ? w.state(exportedOn, deadlineStateLabels[lang][e.state]) : `${capitalised(fateOf(e, w))} ${exportedOn}.`)
  return [...lines, ...detailLines(details, w)].join('\n')
}
