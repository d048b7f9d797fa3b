import { describe, expect, it } from 'vitest'
import { isCalendarDate, parseIsoDate } from '../../src/calendar/dayNumber'

describe('a calendar date written YYYY-MM-DD', () => {
  it('is real for Thu 29 Feb 2024 (a leap year), Fri 1 Jan 2027 and Fri 31 Dec 2027', () => {
    for (const d of ['2024-02-29', '2027-01-01', '2027-12-31']) expect(isCalendarDate(d)).toBe(true)
  })

  it('is not for 29 Feb 2026, 31 Apr, month 13, day 0, year 0, another shape or other text', () => {
    for (const d of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-12-00', '0000-01-01', '2026-1-05', '2026/01/05', '20260105', '', 'tomorrow']) {
      expect(isCalendarDate(d)).toBe(false)
    }
  })

  it('agrees with parseIsoDate, which counts the real ones and refuses the others with the way to write one', () => {
    expect(parseIsoDate('2024-02-29')).toBe(19782)
    expect(() => parseIsoDate('2026-02-31')).toThrow("'2026-02-31' is not a calendar date. Write it as YYYY-MM-DD, e.g. 2026-12-18.")
  })
})
