import { describe, expect, it } from 'vitest'
import {
  clearCalendarCache,
  countries,
  createCalendar,
  defaultTimeZone,
  holidaysOf,
  regionsOf,
  statesOf,
  timeZoneOf,
} from '../../src/calendar'
import { DeskError } from '../../src/errors'

const nl = createCalendar({ country: 'NL' })
const goodFridayCounted = { rule: 'easter -2', name: 'Good Friday', treatAs: 'non_working' } as const

describe('addBusinessDays', () => {
  it('2 business days after Fri 18 Dec 2026 in NL is Tue 22 Dec', () => {
    expect(nl.addBusinessDays('2026-12-18', 2)).toBe('2026-12-22')
  })

  it('15 business days after Mon 14 Dec 2026 in NL skip Christmas, Boxing Day and New Year: Wed 6 Jan 2027', () => {
    expect(nl.addBusinessDays('2026-12-14', 15)).toBe('2027-01-06')
  })

  it('15 business days before Wed 6 Jan 2027 in NL is Mon 14 Dec 2026 (negative n crosses the year backwards)', () => {
    expect(nl.addBusinessDays('2027-01-06', -15)).toBe('2026-12-14')
  })

  it('1 business day before Mon 28 Dec 2026 in NL is Thu 24 Dec (skips the weekend and both Christmas days)', () => {
    expect(nl.addBusinessDays('2026-12-28', -1)).toBe('2026-12-24')
  })

  it('0 business days from Christmas Day 2026 (a holiday) rolls forward to Mon 28 Dec', () => {
    expect(nl.addBusinessDays('2026-12-25', 0)).toBe('2026-12-28')
  })

  it('0 business days from Wed 23 Dec 2026 (a business day) is that day', () => {
    expect(nl.addBusinessDays('2026-12-23', 0)).toBe('2026-12-23')
  })

  it('1 business day after Mon 28 Feb 2028 is the leap day Tue 29 Feb', () => {
    expect(nl.addBusinessDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(nl.addBusinessDays('2028-03-01', -1)).toBe('2028-02-29')
  })

  it('250 business days after Fri 2 Jan 2026 in NL is Thu 24 Dec 2026, 4 before the last of the year', () => {
    expect(nl.addBusinessDays('2026-01-02', 250)).toBe('2026-12-24')
    expect(nl.businessDaysBetween('2026-01-02', '2026-12-24')).toBe(250)
  })

  it('rejects a fractional number of days and a date that does not exist, saying how to write them', () => {
    expect(() => nl.addBusinessDays('2026-12-18', 1.5)).toThrow(DeskError)
    expect(() => nl.addBusinessDays('2026-12-18', 1.5)).toThrow('1.5 is not a whole number of business days')
    expect(() => nl.addBusinessDays('2027-02-29', 1)).toThrow("'2027-02-29' is not a calendar date. Write it as YYYY-MM-DD")
    expect(() => nl.isBusinessDay('18-12-2026')).toThrow("'18-12-2026' is not a calendar date")
  })
})

describe('businessDaysBetween', () => {
  it('counts the business days in (from, to]: 15 from Mon 14 Dec 2026 to Wed 6 Jan 2027 in NL', () => {
    expect(nl.businessDaysBetween('2026-12-14', '2027-01-06')).toBe(15)
  })

  it('is negative when to is before from', () => {
    expect(nl.businessDaysBetween('2027-01-06', '2026-12-14')).toBe(-15)
  })

  it('is 0 from a day to itself and from Thu 24 Dec 2026 to Sun 27 Dec', () => {
    expect(nl.businessDaysBetween('2026-12-24', '2026-12-24')).toBe(0)
    expect(nl.businessDaysBetween('2026-12-24', '2026-12-27')).toBe(0)
  })

  it('counts the leap day: Fri 25 Feb 2028 to Wed 1 Mar 2028 is 3', () => {
    expect(nl.businessDaysBetween('2028-02-25', '2028-03-01')).toBe(3)
  })

  it('counts the 255 business days of 2026 in NL (261 weekdays less 6 public holidays on weekdays)', () => {
    expect(nl.businessDaysBetween('2025-12-31', '2026-12-31')).toBe(255)
  })
})

describe('nonWorkingDays', () => {
  it('lists Christmas to New Year 2026 in NL with reasons and holiday names, both ends included', () => {
    expect(nl.nonWorkingDays('2026-12-25', '2027-01-03')).toEqual([
      { date: '2026-12-25', reason: 'holiday', name: 'Christmas Day' },
      { date: '2026-12-26', reason: 'holiday', name: 'Boxing Day' },
      { date: '2026-12-27', reason: 'weekend' },
      { date: '2027-01-01', reason: 'holiday', name: "New Year's Day" },
      { date: '2027-01-02', reason: 'weekend' },
      { date: '2027-01-03', reason: 'weekend' },
    ])
  })

  it('names both holidays of a day that has two: 1 May 2008 in Germany was Labour Day and Ascension Day', () => {
    expect(createCalendar({ country: 'DE' }).nonWorkingDays('2008-05-01', '2008-05-01')).toEqual([
      { date: '2008-05-01', reason: 'holiday', name: 'Labour Day, Ascension Day' },
    ])
  })

  it('is empty for a range of business days and for a range that ends before it starts', () => {
    expect(nl.nonWorkingDays('2026-12-21', '2026-12-24')).toEqual([])
    expect(nl.nonWorkingDays('2026-12-27', '2026-12-25')).toEqual([])
  })
})

describe('substitute days', () => {
  const england = createCalendar({ country: 'GB', state: 'ENG' })

  it('in England, Boxing Day 2026 falls on a Saturday and is made up on Mon 28 Dec', () => {
    expect(england.nonWorkingDays('2026-12-25', '2026-12-28')).toEqual([
      { date: '2026-12-25', reason: 'holiday', name: 'Christmas Day' },
      { date: '2026-12-26', reason: 'holiday', name: 'Boxing Day' },
      { date: '2026-12-27', reason: 'weekend' },
      { date: '2026-12-28', reason: 'holiday', name: 'Boxing Day (substitute day)' },
    ])
  })

  it('in England, Christmas 2027 falls on a weekend and both days are made up on Mon 27 and Tue 28 Dec', () => {
    expect(england.addBusinessDays('2027-12-24', 1)).toBe('2027-12-29')
    expect(england.nonWorkingDays('2027-12-27', '2027-12-28').map((d) => d.name)).toEqual([
      'Christmas Day (substitute day)',
      'Boxing Day (substitute day)',
    ])
  })

  it('in New South Wales, Anzac Day 2026 falls on a Saturday and is made up on Mon 27 Apr', () => {
    const nsw = createCalendar({ country: 'AU', state: 'NSW' })
    expect(nsw.isBusinessDay('2026-04-27')).toBe(false)
    expect(nsw.addBusinessDays('2026-04-24', 1)).toBe('2026-04-28')
  })
})

describe('the US Independence Day, where UTC midnight is still the day before', () => {
  const us = createCalendar({ country: 'US' })

  it('Thu 3 Jul 2025 is a business day and Fri 4 Jul is not', () => {
    expect(us.isBusinessDay('2025-07-03')).toBe(true)
    expect(us.isBusinessDay('2025-07-04')).toBe(false)
  })

  it('4 Jul 2026 is a Saturday, observed on Fri 3 Jul; each day keeps its own name', () => {
    expect(us.nonWorkingDays('2026-07-03', '2026-07-05')).toEqual([
      { date: '2026-07-03', reason: 'holiday', name: 'Independence Day (substitute day)' },
      { date: '2026-07-04', reason: 'holiday', name: 'Independence Day' },
      { date: '2026-07-05', reason: 'weekend' },
    ])
    expect(us.addBusinessDays('2026-07-02', 1)).toBe('2026-07-06')
  })
})

describe('closures, make-up working days and overrides', () => {
  it('office closures on 24 and 31 Dec 2026 push 1 business day after Wed 23 Dec to Mon 28 Dec', () => {
    const cal = createCalendar({ country: 'NL', closures: ['2026-12-24', '2026-12-31'] })
    expect(cal.addBusinessDays('2026-12-23', 1)).toBe('2026-12-28')
    expect(cal.nonWorkingDays('2026-12-24', '2026-12-24')).toEqual([{ date: '2026-12-24', reason: 'closure' }])
    expect(cal.businessDaysBetween('2026-12-23', '2027-01-04')).toBe(4)
  })

  it('a closure on a holiday is reported as the closure', () => {
    const cal = createCalendar({ country: 'NL', closures: ['2026-12-25'] })
    expect(cal.nonWorkingDays('2026-12-25', '2026-12-25')).toEqual([{ date: '2026-12-25', reason: 'closure' }])
  })

  it('a make-up working day on Sat 26 Dec 2026 (Boxing Day) is a business day and counts', () => {
    const cal = createCalendar({ country: 'NL', workingDays: ['2026-12-26'] })
    expect(cal.isBusinessDay('2026-12-26')).toBe(true)
    expect(cal.addBusinessDays('2026-12-24', 1)).toBe('2026-12-26')
    expect(cal.addBusinessDays('2026-12-28', -1)).toBe('2026-12-26')
  })

  it('a make-up working day wins over a closure of the same date', () => {
    const cal = createCalendar({ country: 'NL', closures: ['2026-12-24'], workingDays: ['2026-12-24'] })
    expect(cal.isBusinessDay('2026-12-24')).toBe(true)
  })

  it('NL Good Friday (typed school by date-holidays) is a business day by default and a holiday once overridden', () => {
    expect(nl.isBusinessDay('2026-04-03')).toBe(true)
    const act = createCalendar({ country: 'NL', overrides: [goodFridayCounted] })
    expect(act.nonWorkingDays('2026-04-03', '2026-04-03')).toEqual([
      { date: '2026-04-03', reason: 'holiday', name: 'Good Friday' },
    ])
    // Thu 25 Mar 2027, then Good Friday, the weekend and Easter Monday.
    expect(act.addBusinessDays('2027-03-25', 1)).toBe('2027-03-30')
  })

  it('counting NL school holidays as non-working brings in Good Friday and Liberation Day', () => {
    const cal = createCalendar({ country: 'NL', holidayTypes: ['public', 'school'] })
    expect(cal.isBusinessDay('2026-04-03')).toBe(false)
    expect(cal.nonWorkingDays('2026-05-05', '2026-05-05')).toEqual([
      { date: '2026-05-05', reason: 'holiday', name: 'Liberation Day' },
    ])
  })

  it('Ontario’s Easter Monday (typed public, not statutory) becomes a business day when ignored', () => {
    const ontario = createCalendar({ country: 'CA', state: 'ON' })
    expect(ontario.isBusinessDay('2026-04-06')).toBe(false)
    const statutory = createCalendar({
      country: 'CA',
      state: 'ON',
      overrides: [{ rule: 'easter 1', name: 'Easter Monday', treatAs: 'working' }],
    })
    expect(statutory.isBusinessDay('2026-04-06')).toBe(true)
    expect(statutory.addBusinessDays('2026-04-02', 1)).toBe('2026-04-06')
  })
})

describe('work weeks', () => {
  it('with a Sunday–Thursday week in Israel, 1 business day after Thu 11 Jun 2026 is Sun 14 Jun', () => {
    const il = createCalendar({ country: 'IL', workWeek: [7, 1, 2, 3, 4] })
    expect(il.addBusinessDays('2026-06-11', 1)).toBe('2026-06-14')
    expect(il.nonWorkingDays('2026-06-12', '2026-06-14')).toEqual([
      { date: '2026-06-12', reason: 'weekend' },
      { date: '2026-06-13', reason: 'weekend' },
    ])
  })

  it('the same calendar with the work week listed in another order gives the same answers', () => {
    const a = createCalendar({ country: 'IL', workWeek: [7, 1, 2, 3, 4] })
    const b = createCalendar({ country: 'IL', workWeek: [1, 2, 3, 4, 7] })
    expect(b.addBusinessDays('2026-06-11', 7)).toBe(a.addBusinessDays('2026-06-11', 7))
  })
})

describe('holidaysOf', () => {
  it('lists every holiday of a year with its type and rule, marking which count under the spec', () => {
    const holidays = holidaysOf({ country: 'NL', overrides: [goodFridayCounted] }, 2026)
    expect(holidays.find((h) => h.date === '2026-04-03')).toEqual({
      date: '2026-04-03',
      name: 'Good Friday',
      type: 'school',
      rule: 'easter -2',
      counted: true,
      overridden: 'non_working',
    })
    expect(holidays.find((h) => h.date === '2026-05-05')).toEqual({
      date: '2026-05-05',
      name: 'Liberation Day',
      type: 'school',
      rule: '05-05',
      counted: false,
    })
    expect(holidays.filter((h) => h.counted).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-04-27',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ])
  })

  it('gives each day of a multi-day holiday, also where it runs into the next year (Hanukkah 2024)', () => {
    const hanukkah = holidaysOf({ country: 'IL' }, 2025).filter((h) => h.name === 'Hanukkah' && h.date < '2025-02-01')
    expect(hanukkah.map((h) => h.date)).toEqual(['2025-01-01', '2025-01-02'])
    const ru = createCalendar({ country: 'RU' })
    expect(ru.addBusinessDays('2025-12-31', 1)).toBe('2026-01-09')
  })
})

describe('places', () => {
  it('lists countries, states and regions from date-holidays with English names', () => {
    expect(countries()).toContainEqual({ code: 'NL', name: 'Netherlands' })
    expect(statesOf('CA')).toContainEqual({ code: 'ON', name: 'Ontario' })
    expect(regionsOf('DE', 'BY')).toContainEqual({ code: 'KATH', name: 'Predominantly catholic communities' })
  })

  it('takes the default time zone from date-holidays, unless the spec names one', () => {
    expect(defaultTimeZone('US')).toBe('America/New_York')
    expect(defaultTimeZone('CA', 'ON')).toBe('America/Toronto')
    expect(timeZoneOf({ country: 'NL' })).toBe('Europe/Amsterdam')
    expect(timeZoneOf({ country: 'US', timeZone: 'America/Los_Angeles' })).toBe('America/Los_Angeles')
  })

  it('refuses an unknown country or state with a message that says what to do', () => {
    expect(() => createCalendar({ country: 'XX' })).toThrow(
      "There is no holiday data for country 'XX'. Choose a country from the list",
    )
    expect(() => createCalendar({ country: 'NL', state: 'ZZ' })).toThrow("There is no holiday data for state 'ZZ' of NL")
    expect(() => createCalendar({ country: 'NL', workWeek: [] })).toThrow('The calendar settings cannot be used (workWeek:')
  })
})

describe('the calendar cache', () => {
  it('a calendar built after clearCalendarCache gives the same answers as one built before', () => {
    const before = createCalendar({ country: 'DE', state: 'BY' })
    const answer = before.addBusinessDays('2026-12-18', 10)
    clearCalendarCache()
    const after = createCalendar({ country: 'DE', state: 'BY' })
    expect(after.addBusinessDays('2026-12-18', 10)).toBe(answer)
    // 21–24 and 28–31 Dec, then New Year's Day, then 4 and 5 Jan.
    expect(answer).toBe('2027-01-05')
  })
})
