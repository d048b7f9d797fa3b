import { z } from 'zod'
import { isCalendarDate } from '../calendar/dayNumber'
import { IsoDate } from '../calendar/spec'

/*
 * The event data of an ICS file, apart from the writer (ics.ts), so a screen can use what the export holds without
 * reaching ical-generator: the renderer must not bundle it.
 */

const realDate = IsoDate.refine(isCalendarDate, { message: 'Use a real calendar date as YYYY-MM-DD' })

// Characters that need no escaping in iCalendar text and cannot break a line; '%' is icsUid's escape.
const notPlainOrEscape = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9._~:@/+=%-]/gu

/** The UID's domain part (RFC 5545 3.8.4.7 advises "id@domain"), so an event of ours is told apart from another app's. */
export const icsUidDomain = 'disclosure-desk'

/**
 * Any id as an ICS UID (ical-generator writes UID unescaped): every character iCalendar would need escaped, or that
 * could break a line, as %XX of its UTF-8 bytes, and "@disclosure-desk" after an id without a domain of its own.
 * A UID it made comes back unchanged, so a caller may pass either; the price is that an id already written as %XX
 * ("a%20b") gives the UID of the one it spells ("a b"), which toIcs refuses as a UID used twice rather than merge.
 */
export function icsUid(id: string): string {
  const escaped = id.replace(notPlainOrEscape, (ch) =>
    Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  )
  return escaped.includes('@') ? escaped : `${escaped}@${icsUidDomain}`
}

/** One all-day event of the file. `uid` is any id: the file carries it as icsUid writes it, the same every export. */
export const IcsEvent = z.object({
  uid: z.string().min(1, 'Give the event a UID').max(255, 'Keep the UID to 255 characters'),
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
    const uid = icsUid(e.uid)
    if (seen.has(uid)) ctx.addIssue({ code: 'custom', path: [i, 'uid'], message: `The UID ${uid} is used by an earlier event` })
    seen.add(uid)
  })
})
