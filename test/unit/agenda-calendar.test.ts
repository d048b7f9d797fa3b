import { describe, expect, it } from 'vitest'
import { nthBusinessDayAfter } from '../../src/agenda/businessDaysAhead'
import { addDays, addMonths, monthGrid, monthOf, weekOf } from '../../src/agenda/calendarDays'
import { chipTone, chipTones } from '../../src/agenda/chipTone'
import { createCalendar } from '../../src/calendar'

describe('the days of the calendar views', () => {
  it('names the month of a day', () => {
    expect(monthOf('2026-12-22')).toBe('2026-12')
  })

  it('adds days across a month end, a year end and a leap day', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-01', 42)).toBe('2027-01-12')
  })

  it('adds months keeping the day, clamped to the end of a shorter month', () => {
    expect(addMonths('2026-12-22', 1)).toBe('2027-01-22')
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addMonths('2026-05-31', 13)).toBe('2027-06-30')
    expect(addMonths('2026-05-31', -24)).toBe('2024-05-31')
  })

  it('gives Monday to Sunday of the ISO week, across a year end', () => {
    // Thu 31 Dec 2026 is in ISO week 53 of 2026: Mon 28 Dec to Sun 3 Jan.
    expect(weekOf('2026-12-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'])
    expect(weekOf('2026-12-28')[0]).toBe('2026-12-28')
    expect(weekOf('2027-01-03')[0]).toBe('2026-12-28')
  })

  it('covers December 2026 in five weeks from Mon 30 Nov to Sun 3 Jan', () => {
    const grid = monthGrid('2026-12')
    expect(grid).toHaveLength(5)
    expect(grid[0]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'])
    expect(grid[4]?.at(-1)).toBe('2027-01-03')
    expect(grid.flat().filter((d) => d.startsWith('2026-12'))).toHaveLength(31)
  })

  it('covers a month starting on a Monday from its first day, and one starting on a Sunday in six weeks', () => {
    // Feb 2027 starts on a Monday and has exactly four weeks.
    expect(monthGrid('2027-02').map((w) => w[0])).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22'])
    // Nov 2026 starts on a Sunday and ends on a Monday: six rows.
    const november = monthGrid('2026-11')
    expect(november).toHaveLength(6)
    expect(november[0]).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01'])
    expect(november[5]?.[0]).toBe('2026-11-30')
  })
})

describe('the n-th business day after today', () => {
  const nl = createCalendar({ country: 'NL', timeZone: 'Europe/Amsterdam' })
  const dayOff = (d: string) => !nl.isBusinessDay(d)

  it('is Mon 28 Dec for 5 business days after Fri 18 Dec 2026 in NL (weekends and both Christmas days skipped)', () => {
    // Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Fri 25 and Sat 26 and Sun 27 off, Mon 28 (5).
    expect(nthBusinessDayAfter('2026-12-18', 5, dayOff)).toBe('2026-12-28')
    expect(nthBusinessDayAfter('2026-12-18', 5, dayOff)).toBe(nl.addBusinessDays('2026-12-18', 5))
  })

  it('crosses the year end, and counts from a day that is itself off', () => {
    // Sat 26 Dec 2026: Mon 28 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Fri 1 Jan off, Mon 4 Jan (5).
    expect(nthBusinessDayAfter('2026-12-26', 5, dayOff)).toBe('2027-01-04')
  })

  it('is today for none, and refuses a count that is not a whole number ≥ 0', () => {
    expect(nthBusinessDayAfter('2026-12-26', 0, dayOff)).toBe('2026-12-26')
    expect(() => nthBusinessDayAfter('2026-12-26', -1, dayOff)).toThrow(RangeError)
    expect(() => nthBusinessDayAfter('2026-12-26', 1.5, dayOff)).toThrow(RangeError)
  })

  it('stops rather than loops when every day is off', () => {
    expect(() => nthBusinessDayAfter('2026-12-26', 1, () => true)).toThrow(/No 1 business days/)
  })
})

describe('the tone of a chip', () => {
  // Tue 1 Dec 2026: its ISO week ends on Sun 6 Dec.
  const today = '2026-12-01'
  const tone = (state: Parameters<typeof chipTone>[0]['state'], date: string) => chipTone({ state, date }, today)

  it('follows the state for overdue, due today, met and waiting for the reporter', () => {
    expect(tone('overdue', '2026-11-27')).toBe('overdue')
    expect(tone('due_today', today)).toBe('due_today')
    expect(tone('met_on_time', '2026-11-27')).toBe('met')
    expect(tone('met_late', '2026-12-03')).toBe('met')
    expect(tone('paused', '2026-12-03')).toBe('paused')
  })

  it('is this week for an upcoming day up to Sunday, later from the next Monday', () => {
    expect(tone('upcoming', '2026-12-02')).toBe('this_week')
    expect(tone('upcoming', '2026-12-06')).toBe('this_week')
    expect(tone('upcoming', '2026-12-07')).toBe('later')
    expect(tone('upcoming', '2027-01-02')).toBe('later')
  })

  it('on a Sunday, keeps only that day in this week', () => {
    expect(chipTone({ state: 'upcoming', date: '2026-12-06' }, '2026-12-06')).toBe('this_week')
    expect(chipTone({ state: 'upcoming', date: '2026-12-07' }, '2026-12-06')).toBe('later')
  })

  it('lists the tones in the legend order', () => {
    expect(chipTones).toEqual(['overdue', 'due_today', 'this_week', 'later', 'met', 'paused'])
  })
})
