import { z } from 'zod'
import { AgendaKind } from '../agenda/agendaEntry'
import { isoDateOf, parseIsoDate } from '../calendar/dayNumber'
import { IsoDate } from '../calendar/spec'

/**
 * What this installation last exported per event UID: the date and the SEQUENCE it carried, what it was about in the
 * words a private file uses (case key, kind), and whether it went out cancelled. A later export gives an event whose
 * date moved the next SEQUENCE, so a calendar that imported the earlier file takes the new date; key and kind let an
 * event whose deadline is gone from the store still be cancelled by name. All but date and sequence are optional:
 * ledgers written before them still read.
 */
export const IcsLedgerLine = z.object({
  date: IsoDate,
  sequence: z.number().int().min(0),
  key: z.string().optional(),
  // A kind a later version dropped reads as unknown rather than failing the whole ledger, and with it every SEQUENCE.
  kind: AgendaKind.optional().catch(undefined),
  cancelled: z.literal(true).optional(),
})
export type IcsLedgerLine = z.infer<typeof IcsLedgerLine>

export const IcsLedger = z.record(z.string(), IcsLedgerLine)
export type IcsLedger = z.infer<typeof IcsLedger>

/**
 * The SEQUENCE an open event carries now: 0 the first time, the same as last time while its date stands (a re-import
 * changes nothing), one more once its date moved or it went out cancelled. RFC 5545 has a calendar keep the copy with
 * the higher SEQUENCE, so an unchanged or lower number would leave the old date, or the cancellation, on it.
 */
export function exportedSequence(last: IcsLedgerLine | undefined, date: IsoDate): number {
  if (!last) return 0
  return last.date === date && !last.cancelled ? last.sequence : last.sequence + 1
}

/** The SEQUENCE of an event written cancelled: one more the first time, so calendars take it; the same after. */
export function cancelledSequence(last: IcsLedgerLine): number {
  return last.cancelled ? last.sequence : last.sequence + 1
}

/** How long a line of an event no longer exported is kept, counted back from the export's day. */
const keptDays = 366

/**
 * Whether a line of an event no longer exported is still kept on `today`: while its date is less than a year past,
 * so one that returns (a publication taken back and planned again, a milestone withdrawn) comes back with a SEQUENCE
 * above the one a calendar holds, and so its cancellation is written again for calendars that import a later file
 * only. Older lines go, or the ledger and the file would grow by every deadline ever kept.
 */
export function isKeptOn(line: IcsLedgerLine, today: IsoDate): boolean {
  // Compared as text (YYYY-MM-DD sorts as dates), so a line with a date that is not in the calendar drops out quietly.
  return line.date >= isoDateOf(parseIsoDate(today) - keptDays)
}
