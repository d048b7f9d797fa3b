import type { AgendaEntry } from '../agenda/agendaEntry'
import { entryDay } from '../agenda/entryDay'
import type { IsoDate } from '../calendar/spec'
import type { DeadlineState } from '../deadlines/deadline'
import { icsCancelledDescription, icsCancelledSummary, icsDescription, icsSummary, type IcsDetails } from '../i18n/icsText'
import type { Language } from '../i18n/language'
import { icsUid, type IcsEvent } from './icsEvent'
import { cancelledSequence, exportedSequence, isKeptOn, type IcsLedger, type IcsLedgerLine } from './icsLedger'

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

const byDayThenUid = (a: IcsEvent, b: IcsEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0

const detailsOf = (item: IcsItem | undefined, options: IcsEventOptions): IcsDetails | undefined =>
  options.details && item ? { title: item.title, reporterName: item.reporterName } : undefined

/**
 * The events of an export and the ledger to keep once the file is saved: each open entry on the team's day it
 * belongs to (entryDay), its SEQUENCE from the ledger, in day order. Without details the summary and the
 * description carry the case key, what is due, the date and the state only.
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
  const notExported = new Map<string, IcsItem>()
  for (const item of items) {
    if (!isExported(item)) {
      notExported.set(item.uid, item)
      continue
    }
    const { day, otherZone } = entryDay(item, options.teamZone)
    const sequence = exportedSequence(options.ledger[item.uid], day)
    const details = detailsOf(item, options)
    events.push({
      uid: icsUid(item.uid),
      date: day,
      summary: icsSummary(item, lang, details),
      description: icsDescription({ ...item, otherZone }, ctx, details),
      sequence,
    })
    ledger[item.uid] = { date: day, sequence, key: item.key, kind: item.kind }
  }
  for (const [uid, last] of Object.entries(options.ledger)) {
    if (Object.hasOwn(ledger, uid) || !isKeptOn(last, options.today)) continue
    const item = notExported.get(uid)
    const line: IcsLedgerLine = {
      date: last.date,
      sequence: cancelledSequence(last),
      key: item?.key ?? last.key,
      kind: item?.kind ?? last.kind,
      cancelled: true,
    }
    const entry = { key: line.key, kind: line.kind, date: line.date, state: item?.state }
    const details = detailsOf(item, options)
    events.push({
      uid: icsUid(uid),
      date: line.date,
      summary: icsCancelledSummary(entry, lang, details),
      description: icsCancelledDescription(entry, ctx, details),
      sequence: line.sequence,
      cancelled: true,
    })
    ledger[uid] = line
  }
  return { events: events.sort(byDayThenUid), ledger }
}
