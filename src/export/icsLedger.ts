import { z } from 'zod'
import { IsoDate } from '../calendar/spec'

/**
 * What this installation last exported per event UID: the date and the SEQUENCE it carried. A later export gives an
 * event whose date moved the next SEQUENCE, so a calendar that imported the earlier file takes the new date.
 */
export const IcsLedger = z.record(z.string(), z.object({ date: IsoDate, sequence: z.number().int().min(0) }))
export type IcsLedger = z.infer<typeof IcsLedger>
