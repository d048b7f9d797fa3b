import type { ZonedInstant } from '../cases/fields'
import { isTimeZone, zonedDateTimeOf } from '../time/zone'
import { offsetAt } from '../time/offsets'
import { quoted } from './cleanText'
import type { IntakeNote } from './notes'

const MINUTE = 60_000
// The case refuses a receipt more than five minutes ahead of the clock (src/commands/timeRules.ts).
const futureSlackMs = 5 * MINUTE

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

// RFC 5322 §4.3 obsolete zone names, with the zone whose clock they are read from when its offset agrees then.
const zoneNames: Record<string, { minutes: number; zone?: string }> = {
  ut: { minutes: 0 },
  gmt: { minutes: 0 },
  z: { minutes: 0 },
  est: { minutes: -300, zone: 'America/New_York' },
  edt: { minutes: -240, zone: 'America/New_York' },
  cst: { minutes: -360, zone: 'America/Chicago' },
  cdt: { minutes: -300, zone: 'America/Chicago' },
  mst: { minutes: -420, zone: 'America/Denver' },
  mdt: { minutes: -360, zone: 'America/Denver' },
  pst: { minutes: -480, zone: 'America/Los_Angeles' },
  pdt: { minutes: -420, zone: 'America/Los_Angeles' },
}

// No Etc zone exists for an offset in half or quarter hours; these are the places that keep one, each taken only when
// its offset at that instant is the one the mail gives (Adelaide is +10:30 in its summer only).
const fractionalOffsetZones: Record<number, string[]> = {
  [-570]: ['Pacific/Marquesas'],
  [-210]: ['America/St_Johns'],
  [-150]: ['America/St_Johns'],
  [210]: ['Asia/Tehran'],
  [270]: ['Asia/Kabul'],
  [330]: ['Asia/Kolkata'],
  [345]: ['Asia/Kathmandu'],
  [390]: ['Asia/Yangon'],
  [525]: ['Australia/Eucla'],
  [570]: ['Australia/Darwin', 'Australia/Adelaide'],
  [630]: ['Australia/Adelaide', 'Australia/Lord_Howe'],
  [765]: ['Pacific/Chatham'],
  [825]: ['Pacific/Chatham'],
}

const rfc5322Date =
  /^\s*(?:[a-z]+\s*,?\s*)?(\d{1,2})[\s-]+([a-z]{3,})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:([+-])(\d{2}):?(\d{2})|([a-z]{1,5})\b)?/i
const isoDate = /^\s*(\d{4})-(\d{2})-(\d{2})[T\s](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))?\s*$/i

interface DateParts {
  /** The instant, exact when the offset is known, read as UTC otherwise. */
  instant: number
  /** Minutes east of UTC; undefined when the mail gives none or says -0000 (RFC 5322: the local zone is unknown). */
  offset: number | undefined
  /** A named zone the mail's own zone name points to (EST → America/New_York). */
  namedZone?: string
}

const fullYear = (digits: string): number => {
  const year = Number(digits)
  // RFC 5322 §4.3: two digits below 50 are 20xx, other two- and three-digit years count from 1900.
  if (digits.length === 2) return year < 50 ? 2000 + year : 1900 + year
  return digits.length === 3 ? 1900 + year : year
}

function utcOf(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 0 || month > 11 || hour > 23 || minute > 59 || second > 60) return undefined
  // A leap second is read as the last second of its minute.
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59))
  const back = new Date(ms)
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is no date.
  return back.getUTCDate() === day && back.getUTCMonth() === month ? ms : undefined
}

const signedMinutes = (sign: string, hours: string, minutes: string) => (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes))

function withOffset(local: number, sign: string | undefined, hours: string | undefined, minutes: string | undefined, name?: string): DateParts {
  if (sign !== undefined && hours !== undefined && minutes !== undefined) {
    const offset = signedMinutes(sign, hours, minutes)
    // '-0000' says the sender's zone is unknown; an offset past ±14 hours or with 60+ minutes is no offset.
    const unknown = (sign === '-' && offset === 0) || Math.abs(offset) > 14 * 60 || Number(minutes) > 59
    return { instant: local - (unknown ? 0 : offset) * MINUTE, offset: unknown ? undefined : offset }
  }
  const known = name === undefined ? undefined : zoneNames[name.toLowerCase()]
  if (!known) return { instant: local, offset: undefined }
  return { instant: local - known.minutes * MINUTE, offset: known.minutes, namedZone: known.zone }
}

/** The instant and offset of a Date header as mail programs write it (RFC 5322, its obsolete forms, or ISO 8601). */
export function dateParts(value: string): DateParts | undefined {
  const mail = rfc5322Date.exec(value)
  if (mail) {
    const [, day, monthName, year, hour, minute, second, sign, oh, om, name] = mail
    const month = months.indexOf(monthName!.slice(0, 3).toLowerCase())
    const local = utcOf(fullYear(year!), month, Number(day), Number(hour), Number(minute), Number(second ?? 0))
    return local === undefined ? undefined : withOffset(local, sign, oh, om, name)
  }
  const iso = isoDate.exec(value)
  if (iso) {
    const [, year, month, day, hour, minute, second, z, sign, oh, om] = iso
    const local = utcOf(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0))
    if (local === undefined) return undefined
    return z ? { instant: local, offset: 0 } : withOffset(local, sign, oh, om)
  }
  return undefined
}

const offsetText = (minutes: number) => {
  const abs = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const hasOffset = (zone: string, instant: number, offset: number) => isTimeZone(zone) && offsetAt(instant, zone) === offset * MINUTE

/**
 * A zone Intl and Temporal know (in Node and in Chromium) for a mail's offset at that instant: one of the preferred
 * zones (the team's own) when it has that offset then, the zone the mail named, UTC for +00:00, Etc/GMT∓N for whole
 * hours (POSIX signs: +01:00 is Etc/GMT-1), the places with half- and quarter-hour offsets; undefined when none fits.
 */
export function zoneForOffset(offset: number, instant: number, preferred: readonly string[], named?: string): string | undefined {
  const candidates = [...preferred, ...(named ? [named] : [])]
  const match = candidates.find((zone) => hasOffset(zone, instant, offset))
  if (match) return match
  if (offset === 0) return 'UTC'
  if (offset % 60 === 0) {
    const hours = offset / 60
    const etc = `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`
    return isTimeZone(etc) ? etc : undefined
  }
  return (fractionalOffsetZones[offset] ?? []).find((zone) => hasOffset(zone, instant, offset))
}

const zonedAt = (instant: number, zone: string) =>
  zonedDateTimeOf(instant, zone).toString({ timeZoneName: 'never', fractionalSecondDigits: 0 })

/** When the report was received, from the Date header, and the notes on what had to be guessed or replaced. */
export function receivedFromDate(
  header: string | undefined,
  options: { now: Date; preferredZones: readonly string[] },
): { received: ZonedInstant; notes: IntakeNote[] } {
  const importTime = (note: IntakeNote) => ({
    received: { at: zonedAt(options.now.getTime(), 'UTC'), timeZone: 'UTC' },
    notes: [note],
  })
  const shown = quoted(header ?? '', 200)
  if (header === undefined || shown === '') return importTime({ kind: 'date_missing' })
  const parts = dateParts(header)
  if (!parts) return importTime({ kind: 'date_unreadable', value: shown })
  const future = parts.instant > options.now.getTime() + futureSlackMs
  const instant = future ? options.now.getTime() : parts.instant
  const notes: IntakeNote[] = future ? [{ kind: 'date_in_future', value: shown }] : []
  const zone = parts.offset === undefined ? undefined : zoneForOffset(parts.offset, instant, options.preferredZones, parts.namedZone)
  if (zone === undefined) {
    notes.push(parts.offset === undefined ? { kind: 'zone_unknown' } : { kind: 'zone_unknown', offset: offsetText(parts.offset) })
    return { received: { at: zonedAt(instant, 'UTC'), timeZone: 'UTC' }, notes }
  }
  notes.push({ kind: 'zone_from_offset', offset: offsetText(parts.offset!), timeZone: zone })
  return { received: { at: zonedAt(instant, zone), timeZone: zone }, notes }
}
