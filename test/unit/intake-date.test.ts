import { describe, expect, it } from 'vitest'
import { receivedFromDate, zoneForOffset } from '../../src/intake/mailDate'
import { isTimeZone } from '../../src/time/zone'

const now = new Date('2026-12-20T12:00:00Z')
const received = (header: string | undefined, preferredZones: string[] = []) => receivedFromDate(header, { now, preferredZones })

// What Intl (ICU in Node and in Chromium) says the offset of a zone is at an instant: 'GMT+05:30' (ICU versions write
// zero as 'GMT' or 'GMT+00:00').
const intlOffset = (timeZone: string, instant: number) => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value
  return name === 'GMT' ? 'GMT+00:00' : name
}

describe('receivedFromDate: the received time and zone from a Date header', () => {
  it.each([
    ['Tue, 1 Dec 2026 10:15:42 +0100', '2026-12-01T10:15:42+01:00', 'Etc/GMT-1'],
    ['Tue, 01 Dec 2026 10:15:42 +0100 (CET)', '2026-12-01T10:15:42+01:00', 'Etc/GMT-1'],
    ['1 Dec 2026 10:15 +0100', '2026-12-01T10:15:00+01:00', 'Etc/GMT-1'],
    ['Tue, 1 Dec 26 10:15:42 +0100', '2026-12-01T10:15:42+01:00', 'Etc/GMT-1'],
    ['Mon, 7 Dec 2026 16:22:05 -0800', '2026-12-07T16:22:05-08:00', 'Etc/GMT+8'],
    ['Thu, 3 Dec 2026 08:41:12 +0000', '2026-12-03T08:41:12+00:00', 'UTC'],
    ['Thu, 3 Dec 2026 08:41:12 GMT', '2026-12-03T08:41:12+00:00', 'UTC'],
    ['Thu, 10 Dec 2026 17:30:01 +0530', '2026-12-10T17:30:01+05:30', 'Asia/Kolkata'],
    ['Thu, 10 Dec 2026 17:30:01 +0545', '2026-12-10T17:30:01+05:45', 'Asia/Kathmandu'],
    ['Thu, 10 Dec 2026 17:30:01 -0330', '2026-12-10T17:30:01-03:30', 'America/St_Johns'],
    // December is summer in Adelaide (+10:30); Darwin keeps +09:30 all year.
    ['Thu, 10 Dec 2026 17:30:01 +1030', '2026-12-10T17:30:01+10:30', 'Australia/Adelaide'],
    ['Thu, 10 Dec 2026 17:30:01 +0930', '2026-12-10T17:30:01+09:30', 'Australia/Darwin'],
    ['Thu, 10 Dec 2026 17:30:01 +1400', '2026-12-10T17:30:01+14:00', 'Etc/GMT-14'],
    ['Thu, 10 Dec 2026 17:30:01 -1200', '2026-12-10T17:30:01-12:00', 'Etc/GMT+12'],
    // RFC 5322's obsolete names read as their place when its offset agrees: EST in December is New York's clock…
    ['Fri, 11 Dec 2026 09:05:33 EST', '2026-12-11T09:05:33-05:00', 'America/New_York'],
    // …while PDT in December is no clock Los Angeles shows, so it stays a fixed offset.
    ['Fri, 11 Dec 2026 09:05:33 PDT', '2026-12-11T09:05:33-07:00', 'Etc/GMT+7'],
    ['2026-12-01T10:15:42+01:00', '2026-12-01T10:15:42+01:00', 'Etc/GMT-1'],
  ])('%s → %s in %s', (header, at, timeZone) => {
    const offset = at.slice(-6).replace('Z', '+00:00')
    expect(received(header)).toEqual({ received: { at, timeZone }, notes: [{ kind: 'zone_from_offset', offset, timeZone }] })
  })

  it('a preferred zone (the team’s) wins when it has the offset at that instant, not when it does not', () => {
    expect(received('Tue, 1 Dec 2026 10:15:42 +0100', ['Europe/Amsterdam']).received).toEqual({ at: '2026-12-01T10:15:42+01:00', timeZone: 'Europe/Amsterdam' })
    expect(received('Wed, 1 Jul 2026 10:15:42 +0200', ['Europe/Amsterdam']).received.timeZone).toBe('Europe/Amsterdam')
    expect(received('Tue, 1 Dec 2026 10:15:42 +0200', ['Europe/Amsterdam']).received.timeZone).toBe('Etc/GMT-2')
  })

  it('keeps the mail’s own clock in `at`, so a report of 31 Dec 23:30 +01:00 belongs to that year', () => {
    expect(received('Wed, 31 Dec 2025 23:30:00 +0100').received.at).toBe('2025-12-31T23:30:00+01:00')
  })

  it('no offset, -0000 (RFC 5322: the zone is unknown), a military letter or an offset no zone has: the time in UTC, with a note', () => {
    expect(received('Tue, 1 Dec 2026 10:15:42')).toEqual({ received: { at: '2026-12-01T10:15:42+00:00', timeZone: 'UTC' }, notes: [{ kind: 'zone_unknown' }] })
    expect(received('Tue, 1 Dec 2026 10:15:42 -0000').notes).toEqual([{ kind: 'zone_unknown' }])
    expect(received('Tue, 1 Dec 2026 10:15:42 J').notes).toEqual([{ kind: 'zone_unknown' }])
    expect(received('Tue, 1 Dec 2026 10:15:42 +0115')).toEqual({
      received: { at: '2026-12-01T09:00:42+00:00', timeZone: 'UTC' },
      notes: [{ kind: 'zone_unknown', offset: '+01:15' }],
    })
  })

  it('no Date, an unreadable one, a day that does not exist: the import time, in UTC, with a note naming the value', () => {
    const importTime = { at: '2026-12-20T12:00:00+00:00', timeZone: 'UTC' }
    expect(received(undefined)).toEqual({ received: importTime, notes: [{ kind: 'date_missing' }] })
    expect(received('  ')).toEqual({ received: importTime, notes: [{ kind: 'date_missing' }] })
    expect(received('yesterday\r\nafternoon')).toEqual({ received: importTime, notes: [{ kind: 'date_unreadable', value: 'yesterday afternoon' }] })
    expect(received('Mon, 31 Feb 2026 10:00:00 +0100').notes).toEqual([{ kind: 'date_unreadable', value: 'Mon, 31 Feb 2026 10:00:00 +0100' }])
    expect(received('Mon, 1 Dec 2026 25:00:00 +0100').notes[0]!.kind).toBe('date_unreadable')
  })

  it('a Date ahead of the clock (the sender’s is wrong) becomes the import time: the case refuses a report from the future', () => {
    expect(received('Fri, 1 Jan 2027 10:00:00 +0100')).toEqual({
      received: { at: '2026-12-20T13:00:00+01:00', timeZone: 'Etc/GMT-1' },
      notes: [
        { kind: 'date_in_future', value: 'Fri, 1 Jan 2027 10:00:00 +0100' },
        { kind: 'zone_from_offset', offset: '+01:00', timeZone: 'Etc/GMT-1' },
      ],
    })
    // Four minutes ahead is a clock that differs a little, and is kept.
    expect(received('Sun, 20 Dec 2026 12:04:00 +0000').received.at).toBe('2026-12-20T12:04:00+00:00')
  })
})

describe('zoneForOffset: every zone it gives is one Intl and the desk accept, with that offset then', () => {
  const offsets = [...Array.from({ length: 27 }, (_, i) => (i - 12) * 60), -570, -210, -150, 210, 270, 330, 345, 390, 525, 570, 630, 765, 825]

  // A summer offset has no zone out of its season: St John's −02:30 in July, Chatham's +12:45 in January, and so on.
  it.each([
    ['January', Date.parse('2026-01-15T12:00:00Z'), [-150, 765]],
    ['July', Date.parse('2026-07-15T12:00:00Z'), [-210, 825]],
  ])('in %s', (_, instant, outOfSeason) => {
    const missing: number[] = []
    for (const offset of offsets) {
      const zone = zoneForOffset(offset, instant, [])
      if (zone === undefined) {
        missing.push(offset)
        continue
      }
      expect(isTimeZone(zone)).toBe(true)
      const sign = offset < 0 ? '-' : '+'
      const abs = Math.abs(offset)
      const expected = `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
      expect([offset, intlOffset(zone, instant)]).toEqual([offset, expected])
    }
    expect(missing).toEqual(outOfSeason)
  })
})
