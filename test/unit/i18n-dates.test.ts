import { describe, expect, it } from 'vitest'
import { formatForZone, zoneLabel } from '../../src/i18n/dates'
import { letterDateTime } from '../../src/i18n/draftWords'

describe('zoneLabel: a zone as a person reads it', () => {
  it.each([
    // POSIX signs read backwards: Etc/GMT-5 is five hours ahead of UTC.
    ['Etc/GMT-5', 'UTC+05:00'],
    ['Etc/GMT+3', 'UTC-03:00'],
    ['Etc/GMT-14', 'UTC+14:00'],
    ['Etc/GMT+12', 'UTC-12:00'],
    ['+05:30', 'UTC+05:30'],
    ['-0330', 'UTC-03:30'],
    ['+00:00', 'UTC'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['Etc/GMT', 'UTC'],
    ['Etc/GMT-0', 'UTC'],
    ['GMT', 'UTC'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
    ['America/New_York', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
  ])('%s → %s', (zone, label) => {
    expect(zoneLabel(zone)).toBe(label)
  })
})

describe('a moment printed for another zone names a fixed offset the way it reads', () => {
  const instant = '2026-12-03T14:10:00+05:00'

  it('on screens (formatForZone)', () => {
    expect(formatForZone(instant, 'Etc/GMT-5', 'en')).toBe('Thu 3 Dec 2026 14:10 (UTC+05:00)')
    expect(formatForZone(instant, 'Etc/GMT+3', 'nl')).toBe('do 3 dec 2026 06:10 (UTC-03:00)')
    expect(formatForZone(instant, 'UTC', 'en')).toBe('Thu 3 Dec 2026 09:10 (UTC)')
  })

  it('in letters (letterDateTime)', () => {
    expect(letterDateTime(instant, 'Etc/GMT-5', 'en')).toBe('Thursday 3 December 2026 at 14:10 (UTC+05:00)')
    expect(letterDateTime(instant, 'Etc/GMT-5', 'nl')).toBe('donderdag 3 december 2026 om 14:10 (UTC+05:00)')
    expect(letterDateTime(instant, 'Europe/Amsterdam', 'en')).toBe('Thursday 3 December 2026 at 10:10 (Europe/Amsterdam)')
  })
})
