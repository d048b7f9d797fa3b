import type { AgendaEntry } from '../agenda/agendaEntry'
import { entryDay } from '../agenda/entryDay'
import type { IsoDate } from '../calendar/spec'
import { compareText } from '../compareText'
import type { DeadlineState } from '../deadlines/deadline'
import { icsCancelledDescription, icsCancelledSummary, icsDescription, icsSummary, type IcsDetails } from '../i18n/icsText'
import type { Language } from '../i18n/language'
import type { IcsEvent } from './icsEvent'
import { icsSaid, isKeptOn, nextSequence, type IcsLedger, type IcsLedgerLine } from './icsLedger'

/** An entry with what its case's list row says about it; title and reporter go into the file only with details. */
export type IcsItem = AgendaEntry & { key: string; title: string; reporterName: string }

export interface IcsEventOptions {
  /** Case titles and reporter names in the events; off by default in the app, since calendars sync to the cloud. */
  details: boolean
  teamZone: string
  /** The team's today: the day the states in the descriptions were read. */
  today: IsoDate
  /** What this installation exported before (the SEQUENCE of each event, and which ones it may have to cancel). */
  ledger: IcsLedger
  lang?: Language
}

/**
 * What is still the team's to do or to watch: open promises with a date (a paused one keeps its date until the
 * reporter answers) and planned publications. Kept promises stay out of the file, but for their cancellation.
 */
const exportedStates: ReadonlySet<DeadlineState> = new Set(['upcoming', 'due_today', 'overdue', 'paused'])

/** Whether an entry goes into the ICS file as an open event; the export dialog counts the events with it before saving. */
export function isExported(e: Pick<AgendaEntry, 'state'>): boolean {
  return exportedStates.has(e.state)
}

const byDayThenUid = (a: IcsEvent, b: IcsEvent) => compareText(a.date, b.date) || compareText(a.uid, b.uid)

const detailsOf = (item: IcsItem | undefined, options: IcsEventOptions): IcsDetails | undefined =>
  options.details && item ? { title: item.title, reporterName: item.reporterName } : undefined

/**
 * What an event tells of its case, for its SEQUENCE: the summary, and with details the title and reporter the
 * description adds. Not the rest of the description: its state line is dated by the export day, and a SEQUENCE that
 * went up with every day's export would tell calendars nothing.
 */
const saidOf = (summary: string, details: IcsDetails | undefined) =>
  icsSaid(details ? [summary, details.title, details.reporterName] : [summary])

/**
 * The events of an export and the ledger to keep once the file is saved: each open entry on the team's day it
 * belongs to (entryDay), its SEQUENCE from the ledger, in day order. Without details the summary and the
 * description carry the case key, what is due, the date and the state only. An event's uid is its entry's; toIcs
 * writes it as a UID (icsUid).
 *
 * A calendar keeps an event a re-imported file no longer holds, so every event the ledger knows and this export has
 * no open entry for (kept, withdrawn, its case closed or removed) is written again, cancelled, on its last date,
 * for as long as the ledger keeps its line. Its words come from the entry while the store still has it (a kept
 * promise), else from the ledger; a title only with details and only from the entry.
 */
export function icsEvents(items: readonly IcsItem[], options: IcsEventOptions): { events: IcsEvent[]; ledger: IcsLedger } {
  const lang = options.lang ?? 'en'
  const ctx = { teamZone: options.teamZone, today: options.today, lang }
  const events: IcsEvent[] = []
  const ledger: IcsLedger = {}
  // Each event once its words are known: its SEQUENCE from what the ledger says the last saved file held.
  const add = (uid: string, e: Omit<IcsEvent, 'uid' | 'sequence'>, details: IcsDetails | undefined, about: Pick<IcsLedgerLine, 'key' | 'kind'>) => {
    const cancelled = e.cancelled ?? false
    const said = saidOf(e.summary, details)
    const sequence = nextSequence(options.ledger[uid], { date: e.date, said, cancelled })
    events.push({ uid, ...e, sequence })
    ledger[uid] = { date: e.date, sequence, said, ...about, ...(cancelled ? { cancelled: true } : {}) }
  }
  const notExported = new Map<string, IcsItem>()
  for (const item of items) {
    if (!isExported(item)) {
      notExported.set(item.uid, item)
      continue
    }
    const { day, otherZone } = entryDay(item, options.teamZone)
    const details = detailsOf(item, options)
    const summary = icsSummary(item, lang, details)
    add(item.uid, { date: day, summary, description: icsDescription({ ...item, otherZone }, ctx, details) }, details, { key: item.key, kind: item.kind })
  }
  for (const [uid, last] of Object.entries(options.ledger)) {
    if (Object.hasOwn(ledger, uid) || !isKeptOn(last, options.today)) continue
    const item = notExported.get(uid)
    const about = { key: item?.key ?? last.key, kind: item?.kind ?? last.kind }
    const entry = { ...about, date: last.date, state: item?.state }
    const details = detailsOf(item, options)
    const summary = icsCancelledSummary(entry, lang, details)
    add(uid, { date: last.date, summary, description: icsCancelledDescription(entry, ctx, details), cancelled: true }, details, about)
  }
  return { events: events.sort(byDayThenUid), ledger }
}
