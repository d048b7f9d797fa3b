import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createCalendar,
  holidaysOf,
  type BusinessCalendar,
  type CalendarSpec,
  type HolidayOverride,
  type HolidayType,
} from '../../src/calendar'
import { businessCalendarOver } from '../../src/calendar/businessCalendar'
import { buildBusinessYear } from '../../src/calendar/businessYear'
import { isoDateOf, parseIsoDate, type DayNumber } from '../../src/calendar/dayNumber'
import exclusions from './calendar-peer-exclusions.json'

interface PeerVector {
  id: number
  source: string
  region: string
  dateHolidays: [string, string?] | null
  /** Weekend days as JavaScript getDay() numbers, 0 = Sunday … 6 = Saturday (HK's Sunday-only weekend is [0]). */
  weekend: number[]
  op: string
  expected: unknown
  date?: string
  year?: number
  start?: string
  end?: string
  n?: number
  include_start?: boolean
  extra_working_days?: string[]
  extra_holidays?: string[]
  mock?: { weekend: number[]; holidays_md?: string[]; holidays?: string[]; weekend_workdays?: string[] }
}

const peer = JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/oracle/peer-vectors.json'), 'utf8')) as {
  vectors: PeerVector[]
}

/**
 * How each peer region maps onto date-holidays. workalendar counts what the law of the place closes offices for;
 * date-holidays types some of those days below 'public', so they are brought in the way a user would do it.
 */
const regionSpecs: Record<string, { overrides: HolidayOverride[] }> = {
  // date-holidays types Good Friday and Liberation Day as 'school' in NL; the General Time Limits Act counts both.
  NL: {
    overrides: [
      { rule: 'easter -2', name: 'Good Friday', treatAs: 'non_working' },
      { rule: '05-05', name: 'Liberation Day', treatAs: 'non_working' },
    ],
  },
  // Easter Monday is typed 'public' for Ontario, but it is not a statutory holiday there.
  'CA-ON': { overrides: [{ rule: 'easter 1', name: 'Easter Monday', treatAs: 'working' }] },
  // Berchtoldstag is typed 'optional'; the canton of Zürich keeps 2 January as a day of rest.
  'CH-ZH': { overrides: [{ rule: '01-02', name: 'Berchtoldstag', treatAs: 'non_working' }] },
}

function workWeekOf(weekend: number[]): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((isoDay) => !weekend.includes(isoDay % 7))
}

function calendarOf(v: PeerVector, holidayTypes?: HolidayType[]): BusinessCalendar {
  const workWeek = workWeekOf(v.weekend)
  const closures = v.extra_holidays ?? []
  const workingDays = [...(v.extra_working_days ?? []), ...(v.mock?.weekend_workdays ?? [])]
  if (v.mock) return mockCalendar(v.mock, workWeek, closures, workingDays)
  const [country, state] = v.dateHolidays ?? []
  const spec: CalendarSpec = { country: country ?? '', workWeek, closures, workingDays, ...regionSpecs[v.region] }
  if (state) spec.state = state
  if (holidayTypes) spec.holidayTypes = holidayTypes
  return createCalendar(spec)
}

/** The peers' stub calendars have made-up holidays, so they go straight into the engine's year tables. */
function mockCalendar(
  mock: NonNullable<PeerVector['mock']>,
  workWeek: number[],
  closures: string[],
  workingDays: string[],
): BusinessCalendar {
  const closed = new Set(closures.map(parseIsoDate))
  const worked = new Set(workingDays.map(parseIsoDate))
  return businessCalendarOver((year) => {
    const holidays = new Map<DayNumber, string>()
    for (const monthDay of mock.holidays_md ?? []) holidays.set(parseIsoDate(`${year}-${monthDay}`), `stub ${monthDay}`)
    for (const date of mock.holidays ?? []) if (date.startsWith(`${year}-`)) holidays.set(parseIsoDate(date), `stub ${date}`)
    return buildBusinessYear({ year, workWeek, holidays, closures: closed, workingDays: worked })
  })
}

function dayBefore(date: string): string {
  return isoDateOf(parseIsoDate(date) - 1)
}

/** Our answer to the vector's question, asked the way the peer's operation defines it (see the file's `semantics`). */
function answerOf(v: PeerVector): unknown {
  const cal = calendarOf(v)
  const date = v.date ?? ''
  const start = v.start ?? ''
  const end = v.end ?? ''
  const n = v.n ?? 0
  const [low, high] = start <= end ? [start, end] : [end, start]
  switch (v.op) {
    case 'is_holiday':
      return cal.nonWorkingDays(date, date)[0]?.reason === 'holiday'
    case 'is_working_day':
      return cal.isBusinessDay(date)
    // Both step over non-working days one business day at a time; they differ only at n = 0 (workalendar keeps the start).
    case 'add_working_days':
    case 'get_nth_working_day':
      return cal.addBusinessDays(start, n)
    case 'sub_working_days':
      return cal.addBusinessDays(start, -Math.abs(n))
    // workalendar: order-insensitive, (start, end], plus start itself with include_start.
    case 'get_working_days_delta':
      return cal.businessDaysBetween(low, high) + (v.include_start && cal.isBusinessDay(low) ? 1 : 0)
    // python-holidays: order-insensitive closed interval [start, end] = ours (start - 1, end].
    case 'get_working_days_count':
      return cal.businessDaysBetween(dayBefore(low), high)
    // Only dates are compared: the peers' holiday names are their own English wording.
    case 'holidays_exact': {
      const [country, state] = v.dateHolidays ?? []
      const spec: CalendarSpec = { country: country ?? '', ...regionSpecs[v.region], ...(state ? { state } : {}) }
      return [...new Set(holidaysOf(spec, v.year ?? 0).filter((h) => h.counted).map((h) => h.date))].sort()
    }
    // workalendar's helper looks at the weekend only, never at holidays.
    case 'find_following_working_day':
      return calendarOf(v, []).addBusinessDays(date, 0)
    default:
      throw new Error(`vector ${v.id}: unknown peer operation ${v.op}`)
  }
}

function expectedOf(v: PeerVector): unknown {
  if (v.op !== 'holidays_exact') return v.expected
  return (v.expected as (string | [string, string])[]).map((entry) => (typeof entry === 'string' ? entry : entry[0])).sort()
}

function ourAnswerOrError(v: PeerVector): unknown {
  try {
    return answerOf(v)
  } catch (error) {
    return String(error)
  }
}

function disagreement(v: PeerVector): string | undefined {
  const answer = ourAnswerOrError(v)
  const expected = expectedOf(v)
  if (JSON.stringify(answer) === JSON.stringify(expected)) return undefined
  const question = v.date ?? (v.start ? `${v.start} ${v.end ?? v.n}` : v.year)
  return `#${v.id} ${v.region} ${v.op}(${question}): peer ${JSON.stringify(expected)}, ours ${JSON.stringify(answer)} (${v.source})`
}

const excluded = new Map(exclusions.map((e) => [e.id, e.reason]))

describe('peer vectors from workalendar and python-holidays (../shared/oracle/peer-vectors.json)', () => {
  it('the file holds the 759 vectors it was written with', () => {
    expect(peer.vectors).toHaveLength(759)
  })

  // 759 vectors, each building a year's calendar: seconds on a loaded two-CPU machine, more than vitest's default 5 s.
  it('every vector not listed in calendar-peer-exclusions.json gives the peer’s answer', { timeout: 60_000 }, () => {
    const failures = peer.vectors.filter((v) => !excluded.has(v.id)).flatMap((v) => disagreement(v) ?? [])
    expect(failures).toEqual([])
  })

  it('every excluded vector still disagrees, so an exclusion cannot outlive its reason', () => {
    const stale = peer.vectors.filter((v) => excluded.has(v.id) && disagreement(v) === undefined).map((v) => v.id)
    expect(stale).toEqual([])
  })

  it('every exclusion names a vector of the file and says why', () => {
    const ids = new Set(peer.vectors.map((v) => v.id))
    expect(exclusions.filter((e) => !ids.has(e.id) || e.reason.trim().length < 20)).toEqual([])
  })
})
