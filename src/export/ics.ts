import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator'
import { parseIsoDate } from '../calendar/dayNumber'
import { DeskError } from '../errors'
import { icsUid, type IcsEvent, IcsEvents } from './icsEvent'

// Day numbers count from 1970-01-01, so day × 24 h is that day's UTC midnight, which ical-generator writes as the date.
const dayMs = 86_400_000

export interface IcsOptions {
  /** DTSTAMP of every event: when the file was made. Fixed by tests for a byte-stable file; now by default. */
  stamp?: Date
}

/** The calendar's name as calendar apps show it when the file is subscribed to or imported into a new calendar. */
const icsCalendarName = 'Disclosure Desk deadlines'

/**
 * RFC 5545 forbids control characters in text values; ical-generator escapes backslash, comma, semicolon and line
 * breaks but passes the others through, and a reporter's title may carry any of them. A lone surrogate half (from
 * text cut in the middle of an emoji) would be written as U+FFFD by the encoder anyway; saying so here keeps the
 * line folding's octet count and the file's bytes in step.
 */
function textValue(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

function whereOf(events: unknown, path: PropertyKey[]): string {
  const [index, field] = path
  if (typeof index !== 'number') return 'The events'
  const uid = Array.isArray(events) ? (events[index] as { uid?: unknown } | undefined)?.uid : undefined
  // Quoted as the caller wrote it, unless a line break or another control character in it would break the message.
  const quotable = typeof uid === 'string' && uid !== '' && uid.length <= 80 && !/\p{C}/u.test(uid)
  const which = quotable ? `Event ${index + 1} (${uid})` : `Event ${index + 1}`
  return typeof field === 'string' ? `${which}, ${field}` : which
}

/**
 * An iCalendar file (RFC 5545, METHOD:PUBLISH) of all-day events: DTSTART;VALUE=DATE on the day, DTEND the next day
 * (DTEND is exclusive), so every calendar app shows the event on that day whatever its own time zone. An event
 * marked cancelled is written STATUS:CANCELLED: calendars do not delete an event missing from a re-imported file, so
 * a deadline kept or gone is written once more, cancelled, to take it off them (RFC 5545 3.8.1.11). An event's uid
 * may be any id: it is written as icsUid has it, the same UID in every file. Properties and escaping are
 * ical-generator's; line folding (75 octets, never inside a UTF-8 character) follows its rule, faster.
 */
export function toIcs(events: readonly IcsEvent[], options: IcsOptions = {}): string {
  const parsed = IcsEvents.safeParse(events)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''
    throw new DeskError(
      'invalid_input',
      `The calendar file was not made. ${whereOf(events, issue.path)}: ${issue.message}${more}.`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    )
  }
  const stamp = options.stamp ?? new Date()
  const calendar = ical({
    prodId: { company: 'Disclosure Desk', product: 'Deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: icsCalendarName,
  })
  const body: string[] = []
  for (const e of parsed.data) {
    const day = parseIsoDate(e.date)
    const event = calendar.createEvent({
      id: icsUid(e.uid),
      sequence: e.sequence ?? 0,
      stamp,
      allDay: true,
      start: new Date(day * dayMs),
      end: new Date((day + 1) * dayMs),
      summary: textValue(e.summary),
      description: e.description === undefined ? null : textValue(e.description),
      // A deadline is a reminder, not a meeting: it must not mark the person busy for the whole day.
      transparency: ICalEventTransparency.TRANSPARENT,
      // Said for open events too: an event that returns after a cancellation must say it is on again, not leave the
      // calendar to guess from a missing STATUS.
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
    // An event's own text is escaped but not yet folded: the calendar folds the whole file at the end.
    body.push(foldContentLines(event.toString()))
  }
  // The frame (header and END:VCALENDAR) is the library's own output, folded by it; only the events' folding is ours.
  calendar.clear()
  const frame = calendar.toString()
  if (!frame.endsWith(calendarEnd)) throw new Error(`ical-generator ended a calendar with something other than ${calendarEnd}`)
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves END:VCALENDAR bare.
  return `${frame.slice(0, -calendarEnd.length)}${body.join('')}${calendarEnd}\r\n`
}

const calendarEnd = 'END:VCALENDAR'

/**
 * ical-generator's foldLines, rule for rule: a line break and a space once a line would pass 75 octets, never inside a
 * character (a surrogate pair is one). The library builds a TextEncoder for every character, which takes 21 s for the
 * 5 MB file of 10,000 open deadlines; here the octets are counted from the code point. The tests hold it to the
 * library's output.
 */
export function foldContentLines(text: string): string {
  let out = ''
  let lineStart = 0
  let octets = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 13 && text.charCodeAt(i + 1) === 10) {
      out += text.slice(lineStart, i + 2)
      i++
      lineStart = i + 1
      octets = 0
      continue
    }
    const next = text.charCodeAt(i + 1)
    const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
    // A lone surrogate half is written as U+FFFD, 3 octets, as TextEncoder does.
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3
    octets += size
    if (octets > 74) {
      out += `${text.slice(lineStart, i)}\r\n `
      lineStart = i
      octets = size
    }
    if (pair) i++
  }
  return out + text.slice(lineStart)
}
