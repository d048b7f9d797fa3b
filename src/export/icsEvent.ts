import { z } from 'zod'
import { parseIsoDate } from '../calendar/dayNumber'
import { IsoDate } from '../calendar/spec'

/*
 * The event data of an ICS file, apart from the writer (ics.ts), so a screen can use what the export holds without
 * reaching ical-generator: the renderer must not bundle it.
 */

const realDate = IsoDate.refine(
  (d) => {
    try {
      parseIsoDate(d)
      return true
    } catch {
      return false
    }
  },
  { message: 'Use a real calendar date as YYYY-MM-DD' },
)

// Characters that need no escaping in iCalendar text and cannot break a line. '%' only as icsUid's escape.
const plain = 'A-Za-z0-9._~:@/+=\\-'
const uidPattern = new RegExp(`^[${plain}%]+$`)
const notPlain = new RegExp(`[^${plain}]`, 'gu')

/**
 * An entry's uid as an ICS UID: every character iCalendar would need escaped (or a line break) as %XX of its UTF-8
 * bytes, '%' itself too, so two entry uids never give one UID. Entry uids are case and rule ids, which are free text
 * in an imported store.
 */
export function icsUid(entryUid: string): string {
  return entryUid.replace(notPlain, (ch) =>
    Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  )
}

/**
 * One all-day event of the file. `uid` is written as it is (ical-generator does not escape UID), so it is kept to
 * characters that need neither escaping nor folding care; icsUid writes an entry's uid that way.
 */
export const IcsEvent = z.object({
  uid: z
    .string()
    .min(1, 'Give the event a UID')
    .max(255, 'Keep the UID to 255 characters')
    .regex(uidPattern, 'Write the UID with letters, digits and . _ ~ : @ / + = % - only'),
  date: realDate,
  summary: z.string().min(1, 'Give the event a summary').max(2_000, 'Keep the summary to 2,000 characters'),
  description: z.string().max(20_000, 'Keep the description to 20,000 characters').optional(),
  sequence: z.number().int('Give the sequence as a whole number').min(0, 'Give the sequence as 0 or more').optional(),
  /** Written STATUS:CANCELLED: the deadline is kept or gone, and calendars that hold the event strike or drop it. */
  cancelled: z.boolean().optional(),
})
export type IcsEvent = z.infer<typeof IcsEvent>

/** A UID twice in one file would make a calendar keep one of the two events and drop the other without a word. */
export const IcsEvents = z.array(IcsEvent).superRefine((events, ctx) => {
  const seen = new Set<string>()
  events.forEach((e, i) => {
    if (seen.has(e.uid)) ctx.addIssue({ code: 'custom', path: [i, 'uid'], message: `The UID ${e.uid} is used by an earlier event` })
    seen.add(e.uid)
  })
})
