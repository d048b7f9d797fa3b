import Holidays from 'date-holidays'
import { defaultTimeZone, type HolidayType, type IsoDate } from '../../src/calendar'
import { endOfDayMs } from '../../src/time'

export interface NaiveSpec {
  country: string
  state?: string
  holidayTypes: HolidayType[]
  workWeek: number[]
  closures?: IsoDate[]
  workingDays?: IsoDate[]
}

export interface NaiveCalendar {
  isBusinessDay(date: IsoDate): boolean
  addBusinessDays(date: IsoDate, n: number): IsoDate
  businessDaysBetween(from: IsoDate, to: IsoDate): number
}

const DAY_MS = 86_400_000

function shifted(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

function isoWeekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7
}

/**
 * The slow, obvious calendar the engine must agree with: one day at a time, asking date-holidays' isHoliday at
 * midday in the place's own zone (UTC midnight would still be the day before west of Greenwich).
 * `remember` keeps each day's answer, so a test can ask thousands of questions; the benchmark asks without it.
 */
export function naiveCalendar(spec: NaiveSpec, remember: boolean): NaiveCalendar {
  const holidays = new Holidays(spec.country, spec.state as string)
  const zone = defaultTimeZone(spec.country, spec.state)
  // 12 hours before the day's end is inside it, whether the day lasts 23, 24 or 25 hours.
  const midday = (date: IsoDate) => new Date(endOfDayMs(date, zone) - 12 * 3_600_000)
  const types = new Set<string>(spec.holidayTypes)
  const closures = new Set(spec.closures ?? [])
  const workingDays = new Set(spec.workingDays ?? [])
  const known = new Map<IsoDate, boolean>()

  function ask(date: IsoDate): boolean {
    if (workingDays.has(date)) return true
    if (closures.has(date)) return false
    const entries = holidays.isHoliday(midday(date))
    if (entries && entries.some((h) => types.has(h.type))) return false
    return spec.workWeek.includes(isoWeekday(date))
  }

  function isBusinessDay(date: IsoDate): boolean {
    if (!remember) return ask(date)
    let answer = known.get(date)
    if (answer === undefined) {
      answer = ask(date)
      known.set(date, answer)
    }
    return answer
  }

  function countUpTo(from: IsoDate, to: IsoDate): number {
    let count = 0
    for (let day = shifted(from, 1); day <= to; day = shifted(day, 1)) if (isBusinessDay(day)) count++
    return count
  }

  return {
    isBusinessDay,
    addBusinessDays(date, n) {
      let day = date
      if (n === 0) {
        while (!isBusinessDay(day)) day = shifted(day, 1)
        return day
      }
      const step = Math.sign(n)
      for (let left = Math.abs(n); left > 0; ) {
        day = shifted(day, step)
        if (isBusinessDay(day)) left--
      }
      return day
    },
    businessDaysBetween(from, to) {
      return to >= from ? countUpTo(from, to) : -countUpTo(to, from)
    },
  }
}
