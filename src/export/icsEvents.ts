import type { AgendaEntry } from '../agenda/agendaEntry'
import { entryDay } from '../agenda/entryDay'
import type { IsoDate } from '../calendar/spec'
import type { DeadlineState } from '../deadlines/deadline'
import { agendaKindLabel, agendaSummary, otherZoneText } from '../i18n/agendaText'
import { formatDay, formatForZone } from '../i18n/dates'
import { deadlineStateLabels, slippedLabel } from '../i18n/labels'
import type { Language } from '../i18n/language'
import { icsUid, type IcsEvent } from './icsEvent'
import { exportedSequence, ledgerAfterExport, type IcsLedger } from './icsLedger'

/** An entry with what its case's list row says about it; title and reporter go into the file only with details. */
export type IcsItem = AgendaEntry & { key: string; title: string; reporterName: string }

export interface IcsEventOptions {
  /** Case titles and reporter names in the events; off by default in the app, since calendars sync to the cloud. */
  details: boolean
  teamZone: string
  /** The team's today: the day the states in the descriptions were read. */
  today: IsoDate
  /** What this installation exported before (the SEQUENCE of each event). */
  ledger: IcsLedger
  lang?: Language
}

/**
 * What is still the team's to do or to watch: open promises with a date (a paused one keeps its date until the
 * reporter answers) and planned publications. Kept promises stay out of the file.
 */
const exportedStates: ReadonlySet<DeadlineState> = new Set(['upcoming', 'due_today', 'overdue', 'paused'])

/** Whether an entry goes into the ICS file; the export dialog counts the events with it before saving. */
export function isExported(e: Pick<AgendaEntry, 'state'>): boolean {
  return exportedStates.has(e.state)
}

const words = {
  en: {
    due: (day: string) => `Due ${day}, by the end of the day.`,
    publication: (moment: string) => `Publication planned for ${moment}.`,
    teamTime: (moment: string) => `On the team's clock: ${moment}.`,
    paused: 'The case waits for the reporter: its clock is paused, and this date moves when the case resumes.',
    state: (day: string, state: string) => `State when exported on ${day}: ${state}.`,
    title: (title: string) => `Case: ${title}`,
    reporter: (name: string) => `Reporter: ${name}`,
  },
  nl: {
    due: (day: string) => `Uiterlijk ${day}, einde van de dag.`,
    publication: (moment: string) => `Publicatie gepland op ${moment}.`,
    teamTime: (moment: string) => `Op de klok van het team: ${moment}.`,
    paused: 'De zaak wacht op de melder: de klok staat stil, en deze datum schuift op als de zaak verdergaat.',
    state: (day: string, state: string) => `Stand bij de export op ${day}: ${state}.`,
    title: (title: string) => `Zaak: ${title}`,
    reporter: (name: string) => `Melder: ${name}`,
  },
} satisfies Record<Language, unknown>

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// A title's line breaks and runs of spaces would make a calendar's one-line summary unreadable; the description keeps them.
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

function description(item: IcsItem, options: IcsEventOptions, otherZone: boolean): string {
  const lang = options.lang ?? 'en'
  const w = words[lang]
  const lines = [`${item.key} · ${agendaKindLabel(item.kind, lang)}`]
  if (item.kind === 'publication') {
    lines.push(w.publication(formatForZone(item.at, item.zone, lang)))
    if (otherZone) lines.push(w.teamTime(formatForZone(item.at, options.teamZone, lang)))
  } else if (otherZone) {
    // Placed on the team's day its end falls in; the case's own day and zone are said, as the chips say them.
    lines.push(`${capitalised(otherZoneText(item.zone, lang))}: ${formatDay(item.date, lang, true)}.`)
    lines.push(w.teamTime(formatForZone(item.at, options.teamZone, lang)))
  } else {
    lines.push(w.due(formatDay(item.date, lang, true)))
  }
  // A resolution date past is the team's own promise slipped, as the case screen says, not a policy term run out.
  const state = item.kind === 'resolution' && item.state === 'overdue' ? slippedLabel[lang] : deadlineStateLabels[lang][item.state]
  lines.push(item.state === 'paused' ? w.paused : w.state(formatDay(options.today, lang, true), state))
  if (options.details) {
    lines.push('', w.title(item.title))
    if (item.reporterName.trim() !== '') lines.push(w.reporter(item.reporterName))
  }
  return lines.join('\n')
}

const byDayThenUid = (a: IcsEvent, b: IcsEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0

/**
 * The events of an export and the ledger to keep once the file is saved: each open entry on the team's day it
 * belongs to (entryDay), its SEQUENCE from the ledger, in day order. Without details the summary and the
 * description carry the case key, what is due, the date and the state only.
 */
export function icsEvents(items: readonly IcsItem[], options: IcsEventOptions): { events: IcsEvent[]; ledger: IcsLedger } {
  const lang = options.lang ?? 'en'
  const events: IcsEvent[] = []
  const exported: { uid: string; date: IsoDate; sequence: number }[] = []
  for (const item of items) {
    if (!isExported(item)) continue
    const { day, otherZone } = entryDay(item, options.teamZone)
    const sequence = exportedSequence(options.ledger[item.uid], day)
    const safe = agendaSummary(item.key, item.kind, lang)
    const title = oneLine(item.title)
    events.push({
      uid: icsUid(item.uid),
      date: day,
      summary: options.details && title !== '' ? `${safe} — ${title}` : safe,
      description: description(item, options, otherZone),
      sequence,
    })
    exported.push({ uid: item.uid, date: day, sequence })
  }
  return { events: events.sort(byDayThenUid), ledger: ledgerAfterExport(options.ledger, exported, options.today) }
}
