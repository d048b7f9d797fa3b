import { describe, expect, it } from 'vitest'
import { wallClockText, zonedIso } from '../../src/time'

describe('reading a received time on the clock of its zone', () => {
  it('14:10 on 5 Mar 2026 in Amsterdam is 14:10+01:00 (winter time)', () => {
    expect(zonedIso('2026-03-05T14:10', 'Europe/Amsterdam')).toBe('2026-03-05T14:10:00+01:00')
  })

  it('14:10 on 1 Jul 2026 in Amsterdam is 14:10+02:00 (summer time)', () => {
    expect(zonedIso('2026-07-01T14:10', 'Europe/Amsterdam')).toBe('2026-07-01T14:10:00+02:00')
  })

  it('the first minute after the spring jump, 03:00 on 29 Mar 2026 in Amsterdam, is +02:00', () => {
    expect(zonedIso('2026-03-29T03:00', 'Europe/Amsterdam')).toBe('2026-03-29T03:00:00+02:00')
  })

  it('02:30 on 29 Mar 2026 does not exist in Amsterdam and is shifted forward by the hour the clocks skip', () => {
    const at = zonedIso('2026-03-29T02:30', 'Europe/Amsterdam')
    expect(at).toBe('2026-03-29T03:30:00+02:00')
    expect(new Date(at!).toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })

  it('02:30 on 25 Oct 2026 happens twice in Amsterdam and is read as the first time, still summer time', () => {
    const at = zonedIso('2026-10-25T02:30', 'Europe/Amsterdam')!
    expect(at).toBe('2026-10-25T02:30:00+02:00')
    expect(wallClockText(at, 'Europe/Amsterdam')).toBe('2026-10-25T02:30')
  })

  it('half- and quarter-hour zones: Kolkata is +05:30, Kathmandu +05:45', () => {
    expect(zonedIso('2026-01-15T09:00', 'Asia/Kolkata')).toBe('2026-01-15T09:00:00+05:30')
    expect(zonedIso('2026-01-15T09:00', 'Asia/Kathmandu')).toBe('2026-01-15T09:00:00+05:45')
  })

  it('west of Greenwich the offset is negative: Honolulu is -10:00, New York in winter -05:00', () => {
    expect(zonedIso('2026-12-31T23:30', 'Pacific/Honolulu')).toBe('2026-12-31T23:30:00-10:00')
    expect(zonedIso('2026-01-02T08:05', 'America/New_York')).toBe('2026-01-02T08:05:00-05:00')
  })

  it('UTC is +00:00', () => {
    expect(zonedIso('2026-05-01T00:00', 'UTC')).toBe('2026-05-01T00:00:00+00:00')
  })

  it('text that is not a date and time gives null', () => {
    expect(zonedIso('', 'Europe/Amsterdam')).toBeNull()
    expect(zonedIso('5 March, 14:10', 'Europe/Amsterdam')).toBeNull()
    expect(zonedIso('2026-02-30T14:10', 'Europe/Amsterdam')).toBeNull()
  })

  it('shows 2026-03-05T13:10:00Z as 14:10 in Amsterdam and 08:10 in New York', () => {
    expect(wallClockText('2026-03-05T13:10:00Z', 'Europe/Amsterdam')).toBe('2026-03-05T14:10')
    expect(wallClockText('2026-03-05T13:10:00Z', 'America/New_York')).toBe('2026-03-05T08:10')
  })
})
