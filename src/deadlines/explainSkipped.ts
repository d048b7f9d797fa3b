import { parseIsoDate } from '../calendar/dayNumber'
import type { SkippedDay } from './deadline'
import { dayOfMonth, formatDay, monthName, weekdayName } from './zonedTime'

const reasonText: Record<SkippedDay['reason'], (name: string | undefined) => string> = {
  weekend: () => '',
  holiday: (name) => ` (${name ?? 'holiday'})`,
  closure: (name) => ` (${name ?? 'closure'})`,
  paused: () => ' (waiting for reporter)',
}

/** 'Sat–Sun 19–20 Dec', 'Thu–Fri 31 Dec–1 Jan': the weekdays, then the dates, the month written once where shared. */
function spanText(first: string, last: string): string {
  if (first === last) return formatDay(first)
  const days =
    monthName(first) === monthName(last)
      ? `${dayOfMonth(first)}–${dayOfMonth(last)} ${monthName(last)}`
      : `${dayOfMonth(first)} ${monthName(first)}–${dayOfMonth(last)} ${monthName(last)}`
  return `${weekdayName(first)}–${weekdayName(last)} ${days}`
}

/**
 * The skipped days as a reader scans them: 'Sat–Sun 19–20 Dec, Fri 25 Dec (Christmas Day)'. Consecutive days skipped
 * for the same reason (and name) make one span, so a weekend or a week of closure reads as one item.
 */
export function explainSkipped(skipped: readonly SkippedDay[]): string {
  const spans: { first: SkippedDay; last: SkippedDay }[] = []
  for (const day of skipped) {
    const span = spans.at(-1)
    const joins =
      span !== undefined &&
      span.last.reason === day.reason &&
      span.last.name === day.name &&
      parseIsoDate(day.date) === parseIsoDate(span.last.date) + 1
    if (joins) span.last = day
    else spans.push({ first: day, last: day })
  }
  return spans.map(({ first, last }) => spanText(first.date, last.date) + reasonText[first.reason](first.name)).join(', ')
}
