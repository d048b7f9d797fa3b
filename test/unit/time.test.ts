import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import {
  dateInZone,
  endOfDay,
  endOfDayMs,
  instantAt,
  isTimeZone,
  isoInZone,
  nextDayStart,
  wallClockOf,
  wallClockText,
  zonedIso,
} from '../../src/time'

// Every expected value below is Temporal's own answer, asked directly rather than through src/time and its caches.
const zones = ['Europe/Amsterdam', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata']

function temporalStartOfDay(date: string, timeZone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds
}

function temporalEndOfDay(date: string, timeZone: string): number {
  return temporalStartOfDay(Temporal.PlainDate.from(date).add({ days: 1 }).toString(), timeZone) - 1
}

function temporalInstantAt(wallClock: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(wallClock).toZonedDateTime(timeZone, { disambiguation: 'compatible' })
}

function temporalWallClock(instant: number, timeZone: string) {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone)
  return { date: zoned.toPlainDate().toString(), hour: zoned.hour, minute: zoned.minute, second: zoned.second }
}

interface Transition {
  at: number
  before: number
  after: number
}

/** The clock changes of a zone from `from` up to `until`, as Temporal knows them. */
function transitionsOf(timeZone: string, from: string, until: string): Transition[] {
  const end = Date.parse(until)
  const found: Transition[] = []
  let zoned = Temporal.Instant.from(from).toZonedDateTimeISO(timeZone)
  for (;;) {
    const next = zoned.getTimeZoneTransition('next')
    if (!next || next.epochMilliseconds >= end) return found
    found.push({
      at: next.epochMilliseconds,
      before: zoned.offsetNanoseconds / 1e6,
      after: next.offsetNanoseconds / 1e6,
    })
    zoned = next
  }
}

/** 'YYYY-MM-DDTHH:mm' of a wall-clock time given as milliseconds since 1970 on that clock. */
const wallText = (localMs: number) => new Date(localMs).toISOString().slice(0, 16)

describe('the end of a day in a zone', () => {
  it('Sat 6 Apr 2024 in Santiago has 25 hours and ends at 2024-04-07T03:59:59.999Z, not an hour early', () => {
    expect(endOfDay('2024-04-06', 'America/Santiago')).toBe('2024-04-07T03:59:59.999Z')
    expect(endOfDayMs('2024-04-06', 'America/Santiago')).toBe(temporalEndOfDay('2024-04-06', 'America/Santiago'))
  })

  it('Sat 7 Sep 2024 in Santiago ends where Sunday begins at 01:00, its midnight being skipped', () => {
    const sundayStart = temporalStartOfDay('2024-09-08', 'America/Santiago')
    expect(wallClockText(sundayStart, 'America/Santiago')).toBe('2024-09-08T01:00')
    expect(endOfDayMs('2024-09-07', 'America/Santiago')).toBe(sundayStart - 1)
    expect(nextDayStart(Date.parse('2024-09-07T15:00:00Z'), 'America/Santiago')).toBe(sundayStart)
  })

  it('the day change comes at the first millisecond of the next day on the zone’s clock', () => {
    const noon = Date.parse('2026-10-25T11:00:00Z')
    expect(nextDayStart(noon, 'Europe/Amsterdam')).toBe(temporalStartOfDay('2026-10-26', 'Europe/Amsterdam'))
    expect(new Date(nextDayStart(noon, 'Asia/Kolkata')).toISOString()).toBe('2026-10-25T18:30:00.000Z')
  })

  it('refuses a date that does not exist and a zone this computer does not know, saying what to write', () => {
    expect(() => endOfDay('2026-02-30', 'Europe/Amsterdam')).toThrow(/not a calendar date.*YYYY-MM-DD/)
    expect(() => endOfDay('2026-02-20', 'Mars/Olympus_Mons')).toThrow(DeskError)
    expect(() => endOfDay('2026-02-20', 'Mars/Olympus_Mons')).toThrow(/'Mars\/Olympus_Mons' is not a time zone/)
  })
})

describe('a wall-clock time in a zone as an instant', () => {
  for (const timeZone of zones) {
    const changes = transitionsOf(timeZone, '2024-01-01T00:00:00Z', '2028-01-01T00:00:00Z')
    // Kolkata's last clock changes were in the Second World War: the same rules must hold then.
    const checked =
      timeZone === 'Asia/Kolkata' ? transitionsOf(timeZone, '1941-01-01T00:00:00Z', '1946-01-01T00:00:00Z') : changes

    if (timeZone === 'Asia/Kolkata') {
      it('Asia/Kolkata keeps +05:30 all year, so every wall-clock time is one instant', () => {
        expect(changes).toEqual([])
        expect(instantAt('2026-01-15T09:00', timeZone)).toBe('2026-01-15T03:30:00.000Z')
        expect(zonedIso('2026-07-15T09:00', timeZone)).toBe('2026-07-15T09:00:00+05:30')
        expect(checked.length).toBeGreaterThan(0)
      })
    } else {
      it(`${timeZone} changes its clocks twice a year in 2024–2027`, () => {
        expect(changes).toHaveLength(8)
      })
    }

    for (const change of checked) {
      const shift = change.after - change.before
      const when = new Date(change.at).toISOString()
      if (shift > 0) {
        it(`${timeZone}, clocks forward at ${when}: a skipped time is shifted forward by the jump`, () => {
          // Every minute the clock skips, from the first to the last.
          for (let local = change.at + change.before; local < change.at + change.after; local += 60_000) {
            const wall = wallText(local)
            const expected = temporalInstantAt(wall, timeZone)
            expect(instantAt(wall, timeZone)).toBe(new Date(expected.epochMilliseconds).toISOString())
            expect(zonedIso(wall, timeZone)).toBe(expected.toString({ timeZoneName: 'never' }))
            expect(wallClockText(instantAt(wall, timeZone), timeZone)).toBe(wallText(local + shift))
          }
        })
      } else {
        it(`${timeZone}, clocks back at ${when}: a repeated time gives the earlier instant`, () => {
          for (let local = change.at + change.after; local < change.at + change.before; local += 60_000) {
            const wall = wallText(local)
            const earlier = Temporal.PlainDateTime.from(wall).toZonedDateTime(timeZone, { disambiguation: 'earlier' })
            expect(instantAt(wall, timeZone)).toBe(new Date(earlier.epochMilliseconds).toISOString())
            expect(instantAt(wall, timeZone)).toBe(new Date(temporalInstantAt(wall, timeZone).epochMilliseconds).toISOString())
            expect(zonedIso(wall, timeZone)).toBe(earlier.toString({ timeZoneName: 'never' }))
            // Both instants show that time: the clock really does pass it twice.
            expect(wallClockText(earlier.epochMilliseconds, timeZone)).toBe(wall)
            expect(wallClockText(earlier.epochMilliseconds - shift, timeZone)).toBe(wall)
          }
        })
      }
      it(`${timeZone}, around the change at ${when}: each instant on the clock as Temporal reads it`, () => {
        for (let instant = change.at - 7_200_000; instant <= change.at + 7_200_000; instant += 60_000) {
          expect(wallClockOf(instant, timeZone)).toEqual(temporalWallClock(instant, timeZone))
          expect(wallClockOf(instant + 999, timeZone)).toEqual(temporalWallClock(instant + 999, timeZone))
          expect(isoInZone(instant, timeZone)).toBe(
            Temporal.Instant.fromEpochMilliseconds(instant)
              .toZonedDateTimeISO(timeZone)
              .toString({ timeZoneName: 'never', fractionalSecondDigits: 3 }),
          )
        }
      })
    }
  }

  it('writes the zone’s offset with the time, as received.at stores it', () => {
    expect(zonedIso('2026-03-05T14:10', 'Europe/Amsterdam')).toBe('2026-03-05T14:10:00+01:00')
    expect(zonedIso('2026-01-15T09:00', 'Asia/Kathmandu')).toBe('2026-01-15T09:00:00+05:45')
    expect(zonedIso('2026-12-31T23:30:15', 'Pacific/Honolulu')).toBe('2026-12-31T23:30:15-10:00')
    expect(isoInZone(Date.parse('2026-03-02T08:15:00.120Z'), 'Europe/Amsterdam')).toBe('2026-03-02T09:15:00.120+01:00')
  })

  it('gives null for text that is not a wall-clock time, and instantAt refuses it saying how to write one', () => {
    for (const text of ['', '5 March, 14:10', '2026-03-05', '2026-02-30T10:00', '2026-03-05T24:00', '2026-03-05T14:10Z']) {
      expect(zonedIso(text, 'Europe/Amsterdam')).toBeNull()
      expect(() => instantAt(text, 'Europe/Amsterdam')).toThrow(/is not a date and time.*YYYY-MM-DDTHH:mm/)
    }
  })

  it('refuses a zone it does not know with a DeskError naming it', () => {
    let error: unknown
    try {
      instantAt('2026-03-05T14:10', 'Europe/Amsterdm')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DeskError)
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining("'Europe/Amsterdm'") })
    expect(() => wallClockOf(0, 'Europe/Amsterdm')).toThrow(DeskError)
    expect(isTimeZone('Europe/Amsterdm')).toBe(false)
    expect(isTimeZone('')).toBe(false)
    expect(isTimeZone('Europe/Amsterdam')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    // Temporal takes a fixed offset as a zone; a desk must not, or summer time would be lost.
    expect(isTimeZone('+01:00')).toBe(false)
  })
})

describe('the fast path agrees with Temporal on every day of 2024–2027', () => {
  const days: string[] = []
  for (let d = Temporal.PlainDate.from('2024-01-01'); d.year < 2028; d = d.add({ days: 1 })) days.push(d.toString())

  for (const timeZone of zones) {
    it(`${timeZone}: the end of each day, and the date at its start, end, and every three hours`, () => {
      const wrong: string[] = []
      for (const date of days) {
        const end = temporalEndOfDay(date, timeZone)
        if (endOfDayMs(date, timeZone) !== end) wrong.push(`${date} ends at ${new Date(endOfDayMs(date, timeZone)).toISOString()}`)
        const start = temporalStartOfDay(date, timeZone)
        const instants = [start, end, end + 1, start - 1]
        for (let at = start + 10_800_000; at < end; at += 10_800_000) instants.push(at + 59_999)
        for (const instant of instants) {
          const expected = temporalWallClock(instant, timeZone).date
          if (dateInZone(instant, timeZone) !== expected) wrong.push(`${new Date(instant).toISOString()} is not on ${expected}`)
        }
      }
      expect(wrong).toEqual([])
    })
  }

  it('and in odd zones: three-hour changes (Antarctica/Casey), a skipped date (Samoa, 30 Dec 2011), quarter hours', () => {
    const wrong: string[] = []
    for (const timeZone of ['Antarctica/Casey', 'Pacific/Apia', 'Asia/Kathmandu', 'Pacific/Chatham']) {
      for (let d = Temporal.PlainDate.from('2009-01-01'); d.year < 2013; d = d.add({ days: 1 })) {
        const date = d.toString()
        const end = temporalEndOfDay(date, timeZone)
        if (endOfDayMs(date, timeZone) !== end) wrong.push(`${timeZone} ${date}`)
        for (const instant of [end - 3_600_000, end, end + 1]) {
          if (dateInZone(instant, timeZone) !== temporalWallClock(instant, timeZone).date) wrong.push(`${timeZone} ${instant}`)
        }
      }
    }
    expect(wrong).toEqual([])
    expect(endOfDay('2011-12-29', 'Pacific/Apia')).toBe('2011-12-30T09:59:59.999Z')
  })

  it('a sweep backwards through time, from a cold cache, agrees too', () => {
    const wrong: string[] = []
    // A zone no other test asks about, so its cache starts empty.
    for (const date of [...days].reverse()) {
      const end = temporalEndOfDay(date, 'Europe/Lisbon')
      if (endOfDayMs(date, 'Europe/Lisbon') !== end) wrong.push(date)
      if (dateInZone(end, 'Europe/Lisbon') !== date) wrong.push(`end of ${date}`)
    }
    expect(wrong).toEqual([])
  })
})
