import type { CalendarSettings, HolidayType } from '../../src/calendar/spec'

export const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const

/** A holiday's type as date-holidays names it, for the one-year table. */
export const holidayTypeNames: Record<HolidayType, string> = {
  public: 'Public',
  bank: 'Bank',
  school: 'School',
  optional: 'Optional',
  observance: 'Observance',
}

export const holidayTypeLabels: Record<HolidayType, string> = {
  public: 'Public holidays',
  bank: 'Bank holidays',
  school: 'School holidays',
  optional: 'Optional holidays',
  observance: 'Observances',
}

/** 'Mon–Fri', 'Sun–Thu', or 'Mon, Wed, Fri' when the days are not one run. */
export function describeWorkWeek(workWeek: readonly number[]): string {
  const days = [...new Set(workWeek)].sort((a, b) => a - b)
  if (days.length === 0) return 'No working days'
  if (days.length === 7) return 'Every day'
  // A run may wrap past Sunday (Sun–Thu): start it at the day whose previous day is not a working day.
  const start = days.find((d) => !days.includes(d === 1 ? 7 : d - 1))
  if (start !== undefined) {
    const run = days.map((_, i) => ((start - 1 + i) % 7) + 1)
    if (run.every((d) => days.includes(d))) {
      return run.length === 1 ? weekdayNames[start - 1]! : `${weekdayNames[start - 1]}–${weekdayNames[run.at(-1)! - 1]}`
    }
  }
  return days.map((d) => weekdayNames[d - 1]).join(', ')
}

/** Two calendars count alike when every setting is the same, whatever order their keys or lists were written in. */
export function sameCalendar(a: CalendarSettings, b: CalendarSettings): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
