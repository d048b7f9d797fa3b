import Holidays from 'date-holidays'
import { describe, expect, it } from 'vitest'
import { countries, createCalendar, holidaysOf, type CalendarSpec, type IsoDate } from '../../src/calendar'
import { seededRandom } from '../support/seededRandom'
import { naiveCalendar, type NaiveSpec } from './calendar-naive-walk'

const DAY_MS = 86_400_000
const FIRST = Date.parse('2025-01-01T00:00:00Z')
const SPAN_DAYS = 4 * 365

function shifted(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

const specs: NaiveSpec[] = [
  { country: 'NL', holidayTypes: ['public'], workWeek: [1, 2, 3, 4, 5] },
  {
    country: 'DE',
    state: 'BY',
    holidayTypes: ['public'],
    workWeek: [1, 2, 3, 4, 5],
    closures: ['2026-12-24', '2026-12-31', '2027-01-06'],
    workingDays: ['2026-12-27', '2027-01-01'],
  },
  { country: 'US', holidayTypes: ['public'], workWeek: [1, 2, 3, 4, 5] },
  { country: 'GB', state: 'ENG', holidayTypes: ['public', 'bank'], workWeek: [1, 2, 3, 4, 5] },
  { country: 'AU', state: 'NSW', holidayTypes: ['public'], workWeek: [1, 2, 3, 4, 5] },
  { country: 'IL', holidayTypes: ['public'], workWeek: [7, 1, 2, 3, 4] },
]

describe('the engine agrees with a day-by-day walk over date-holidays’ isHoliday', () => {
  for (const spec of specs) {
    const place = [spec.country, spec.state].filter(Boolean).join('-')
    const title = `${place} (${spec.holidayTypes.join(', ')}; week ${spec.workWeek.join('')}): 300 random questions, 2025–2028`
    it(title, { timeout: 30_000 }, () => {
      const fast = createCalendar(spec as CalendarSpec)
      const slow = naiveCalendar(spec, true)
      const random = seededRandom(20261218)
      const someDay = (): IsoDate => shifted(new Date(FIRST).toISOString().slice(0, 10), Math.floor(random() * SPAN_DAYS))
      const mismatches: string[] = []
      for (let q = 0; q < 100; q++) {
        const date = someDay()
        const n = Math.floor(random() * 61) - 30
        const other = someDay()
        const near = shifted(date, Math.floor(random() * 121) - 60)
        const answers: [string, unknown, unknown][] = [
          [`addBusinessDays(${date}, ${n})`, fast.addBusinessDays(date, n), slow.addBusinessDays(date, n)],
          [`isBusinessDay(${other})`, fast.isBusinessDay(other), slow.isBusinessDay(other)],
          [`businessDaysBetween(${date}, ${near})`, fast.businessDaysBetween(date, near), slow.businessDaysBetween(date, near)],
        ]
        for (const [question, ours, naive] of answers) {
          if (ours !== naive) mismatches.push(`${question}: engine ${String(ours)}, walk ${String(naive)}`)
        }
      }
      expect(mismatches).toEqual([])
    })
  }
})

/** Each date a date-holidays entry covers, from its local date and its length (the obvious reading of the data). */
function datesOf(holiday: { date: string; start: Date; end: Date }): IsoDate[] {
  const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS))
  return Array.from({ length: days }, (_, i) => shifted(holiday.date.slice(0, 10), i))
}

describe('the engine reads date-holidays without its zone and with only the counted types, and loses nothing', () => {
  it('for the public holidays of 2026 and 2027 in every country date-holidays knows', { timeout: 120_000 }, () => {
    const differences = countries().flatMap(({ code }) => {
      const everyDayWorked = createCalendar({ country: code, workWeek: [1, 2, 3, 4, 5, 6, 7] })
      const engine = everyDayWorked.nonWorkingDays('2026-01-01', '2027-12-31').map((d) => d.date)
      const zoned = new Holidays(code)
      const reference = [2025, 2026, 2027]
        .flatMap((year) => zoned.getHolidays(year).filter((h) => h.type === 'public').flatMap(datesOf))
        .filter((date) => date >= '2026-01-01' && date <= '2027-12-31')
      const listed = [2026, 2027].flatMap((year) => holidaysOf({ country: code }, year).filter((h) => h.counted))
      const expected = JSON.stringify([...new Set(reference)].sort())
      const problems: string[] = []
      if (JSON.stringify(engine) !== expected) problems.push(`${code}: engine ${engine.join(' ')}; data ${expected}`)
      if (JSON.stringify([...new Set(listed.map((h) => h.date))]) !== expected) problems.push(`${code}: holidaysOf differs`)
      return problems
    })
    expect(countries().length).toBeGreaterThan(200)
    expect(differences).toEqual([])
  })
})
