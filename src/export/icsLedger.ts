import { z } from 'zod'
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

/**
 * The ledger after an export was saved. Events not in this export keep their line, so one that returns (a publication
 * taken back and planned again) comes back with a SEQUENCE above the one the calendar holds.
 */
export function ledgerAfterExport(ledger: IcsLedger, exported: readonly ({ uid: string } & Exported)[]): IcsLedger {
  const next: IcsLedger = { ...ledger }
  for (const { uid, date, sequence } of exported) next[uid] = { date, sequence }
  return next
}
