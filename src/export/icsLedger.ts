import { z } from 'zod'
import { AgendaKind } from '../agenda/agendaEntry'
import { addDays } from '../agenda/calendarDays'
import { IsoDate } from '../calendar/spec'

/**
 * What this installation last exported per event UID: the date and the SEQUENCE it carried, a fingerprint of what
 * it told of its case (`said`, see icsSaid), what it was about in the words a private file uses (case key, kind), and whether it
 * went out cancelled. A later export gives an event whose date, words or status changed the next SEQUENCE, so a
 * calendar that imported the earlier file takes the new one; key and kind let an event whose deadline is gone from
 * the store still be cancelled by name. All but date and sequence are optional: ledgers written before them still read.
 */
export const IcsLedgerLine = z.object({
  date: IsoDate,
  sequence: z.number().int().min(0),
  said: z.string().optional(),
  key: z.string().optional(),
  // A kind a later version dropped reads as unknown rather than failing the whole ledger, and with it every SEQUENCE.
  kind: AgendaKind.optional().catch(undefined),
  cancelled: z.literal(true).optional(),
})
export type IcsLedgerLine = z.infer<typeof IcsLedgerLine>

export const IcsLedger = z.record(z.string(), IcsLedgerLine)
export type IcsLedger = z.infer<typeof IcsLedger>

/**
 * A short fingerprint (32-bit FNV-1a, base 36) of what an event tells of its case, so the ledger can tell that it
 * changed without keeping the words: a case title must not sit in installation.json for every event. A collision
 * (one in four billion) only keeps a SEQUENCE where it could have gone up.
 */
export function icsSaid(texts: readonly string[]): string {
  const text = JSON.stringify(texts)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/** An event as this export writes it, as far as its SEQUENCE goes. */
export interface IcsRevision {
  date: IsoDate
  said: string
  cancelled: boolean
}

/**
 * The SEQUENCE an event carries now: 0 the first time, the same as last time while its date, words and status stand
 * (a re-import changes nothing), one more once any of them changed. RFC 5545 has a calendar keep the copy with the
 * higher SEQUENCE, so an unchanged number would leave the old date, the cancellation, or the words on it: after an
 * export with case titles, a private one must go up, or calendars that sync to the cloud keep the titles. A line from
 * before `said` was kept goes up once, since what it said is not known.
 */
export function nextSequence(last: IcsLedgerLine | undefined, now: IcsRevision): number {
  if (!last) return 0
  const same = last.date === now.date && last.said === now.said && (last.cancelled ?? false) === now.cancelled
  return same ? last.sequence : last.sequence + 1
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
  return line.date >= addDays(today, -keptDays)
}
