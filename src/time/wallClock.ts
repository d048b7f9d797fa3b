import { Temporal } from 'temporal-polyfill'
import { isoDateOf } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import { DeskError } from '../errors'
import { DAY, offsetAt } from './offsets'
import { checkedZone, zonedDateTimeOf } from './zone'

/** A moment as a wall clock in some zone shows it. */
export interface WallClock {
  date: IsoDate
  hour: number
  minute: number
  second: number
}

// Writing a date costs more than finding the offset; a desk's instants fall on a few thousand days.
const dateTexts = new Map<number, IsoDate>()

function dateOfDay(day: number): IsoDate {
  let text = dateTexts.get(day)
  if (text === undefined) {
    text = isoDateOf(day)
    dateTexts.set(day, text)
  }
  return text
}

/** This instant on the clock of `timeZone` (the reporter's, the team's). */
export function wallClockOf(instant: number, timeZone: string): WallClock {
  const local = instant + offsetAt(instant, timeZone)
  const day = Math.floor(local / DAY)
  const secondOfDay = Math.floor((local - day * DAY) / 1000)
  return {
    date: dateOfDay(day),
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor(secondOfDay / 60) % 60,
    second: secondOfDay % 60,
  }
}

export function dateInZone(instant: number, timeZone: string): IsoDate {
  return dateOfDay(Math.floor((instant + offsetAt(instant, timeZone)) / DAY))
}

const twoDigits = (n: number) => String(n).padStart(2, '0')

/** The value for an <input type="datetime-local"> showing that instant on the zone's clock: 'YYYY-MM-DDTHH:mm'. */
export function wallClockText(instant: number | string, timeZone: string): string {
  const wall = wallClockOf(typeof instant === 'string' ? Date.parse(instant) : instant, timeZone)
  return `${wall.date}T${twoDigits(wall.hour)}:${twoDigits(wall.minute)}`
}

const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * 'YYYY-MM-DDTHH:mm' (seconds optional) on the clock of `timeZone`, or null when the text is no such time.
 * Temporal's 'compatible' disambiguation decides the hours a clock change makes odd, as a person reading a clock
 * would: a repeated hour (clocks set back) gives the earlier of its two instants, and a skipped hour (clocks set
 * forward) is shifted forward by the length of the jump, so 02:30 on the night Amsterdam skips 02:00–03:00 is 03:30.
 */
function zonedWallClock(wallClock: string, timeZone: string): Temporal.ZonedDateTime | null {
  const zone = checkedZone(timeZone)
  const m = wallClockPattern.exec(wallClock)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number, number, number, number, number, number,
  ]
  let plain: Temporal.PlainDateTime
  try {
    // The constructor refuses 2026-02-30 or 24:00 rather than rolling them over.
    plain = new Temporal.PlainDateTime(year, month, day, hour, minute, second)
  } catch {
    return null
  }
  return plain.toZonedDateTime(zone, { disambiguation: 'compatible' })
}

/** 'YYYY-MM-DDTHH:mm' on the clock of `timeZone` as an ISO instant ('2026-03-05T13:10:00.000Z'); see zonedWallClock. */
export function instantAt(wallClock: string, timeZone: string): string {
  const zoned = zonedWallClock(wallClock, timeZone)
  if (!zoned) {
    throw new DeskError(
      'invalid_input',
      `'${wallClock}' is not a date and time. Nothing was changed; write it as YYYY-MM-DDTHH:mm, e.g. 2026-03-05T14:10.`,
    )
  }
  return new Date(zoned.epochMilliseconds).toISOString()
}

/**
 * The same instant as instantAt, written with the zone's offset as received.at stores it:
 * '2026-03-05T14:10' in Europe/Amsterdam is '2026-03-05T14:10:00+01:00'. Null for text that is not a wall-clock time.
 */
export function zonedIso(wallClock: string, timeZone: string): string | null {
  return zonedWallClock(wallClock, timeZone)?.toString({ timeZoneName: 'never', fractionalSecondDigits: 0 }) ?? null
}

/** '2026-03-02T09:15:00.000+01:00': the instant, to the millisecond, as a clock in `timeZone` showed it. */
export function isoInZone(instant: number, timeZone: string): string {
  return zonedDateTimeOf(instant, timeZone).toString({ timeZoneName: 'never', fractionalSecondDigits: 3 })
}
