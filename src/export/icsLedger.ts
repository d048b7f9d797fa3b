import { z } from 'zod'
import { isoDateOf, parseIsoDate } from '../calendar/dayNumber'
import { IsoDate } from '../calendar/spec'

/**
 * What this installation last exported per event UID: the date and the SEQUENCE it carried. A later export gives an
 * event whose date moved the next SEQUENCE, so a calendar that imported the earlier file takes the new date.
 */
export const IcsLedger = z.record(z.string(), z.object({ date: IsoDate, sequence: z.number().int().min(0) }))
export type IcsLedger = z.infer<typeof IcsLedger>

type Exported = IcsLedger[string]

/**
 * The SEQUENCE an event carries now: 0 the first time, the same as last time while its date stands (a re-import
 * changes nothing), one more once its date moved. RFC 5545 has a calendar keep the copy with the higher SEQUENCE, so
 * an unchanged or lower number would leave the old date on it.
 */
export function exportedSequence(last: Exported | undefined, date: IsoDate): number {
  if (!last) return 0
  return last.date === date ? last.sequence : last.sequence + 1
}

/** How long a line of an event no longer exported is kept, counted back from the export's day. */
const keptDays = 366

/**
 * The ledger after an export was saved on `today`. An event not in this export keeps its line while its date is less
 * than a year past, so one that returns (a publication taken back and planned again, a milestone withdrawn) comes
 * back with a SEQUENCE above the one a calendar holds; older lines go, or the ledger would grow by every deadline
 * ever kept.
 */
export function ledgerAfterExport(ledger: IcsLedger, exported: readonly ({ uid: string } & Exported)[], today: IsoDate): IcsLedger {
  // Compared as text (YYYY-MM-DD sorts as dates), so a line with a date that is not in the calendar drops out quietly.
  const oldest = isoDateOf(parseIsoDate(today) - keptDays)
  const next: IcsLedger = {}
  for (const [uid, line] of Object.entries(ledger)) if (line.date >= oldest) next[uid] = line
  for (const { uid, date, sequence } of exported) next[uid] = { date, sequence }
  return next
}
