import {
  clearCalendarCache,
  createCalendar,
  type BusinessCalendar,
  type CalendarSpec,
  type IsoDate,
} from '../../src/calendar'
import { naiveCalendar, type NaiveSpec } from '../unit/calendar-naive-walk'
import { median } from './fixtures/median'

const QUERIES = 10_000
const NAIVE_SAMPLE = 50
/** Runs per figure; the median keeps one garbage collection or a busy neighbour from deciding the result. */
const RUNS = 5

const places: NaiveSpec[] = [
  { country: 'NL', holidayTypes: ['public'], workWeek: [1, 2, 3, 4, 5] },
  { country: 'DE', state: 'BY', holidayTypes: ['public'], workWeek: [1, 2, 3, 4, 5] },
  { country: 'US', holidayTypes: ['public'], workWeek: [1, 2, 3, 4, 5] },
]

interface Query {
  place: number
  date: IsoDate
  n: number
}

/** Reports received on any day of 2026, due 1 to 30 business days later: the deadlines a year of cases asks for. */
function queries(): Query[] {
  let state = 20261218
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 4294967296
  }
  const first = Date.parse('2026-01-01T00:00:00Z')
  return Array.from({ length: QUERIES }, () => ({
    place: Math.floor(random() * places.length),
    date: new Date(first + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10),
    n: 1 + Math.floor(random() * 30),
  }))
}

function answer(calendars: BusinessCalendar[], all: Query[]): IsoDate[] {
  return all.map((q) => calendars[q.place]!.addBusinessDays(q.date, q.n))
}

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = run()
  return { ms: performance.now() - start, value }
}


const answerAll = (all: Query[]) => answer(places.map((p) => createCalendar(p as CalendarSpec)), all)

export default async function deadlinesBench(): Promise<Record<string, unknown>[]> {
  const all = queries()
  // Cold: no built year and no date-holidays instance left. The first such run in the process also pays for V8
  // compiling date-holidays and this code; it is reported on its own, and the figure is the median of the runs after it.
  const [firstInProcess, ...cold] = Array.from({ length: RUNS + 1 }, () => {
    clearCalendarCache()
    return timed(() => answerAll(all)).ms
  })
  const warm = Array.from({ length: RUNS }, () => timed(() => answerAll(all)))
  const engineAnswers = warm[0]!.value
  const warmMs = median(warm.map((w) => w.ms))

  const naiveCalendars = places.map((p) => naiveCalendar(p, false))
  const sample = all.slice(0, NAIVE_SAMPLE)
  const naive = timed(() => sample.map((q) => naiveCalendars[q.place]!.addBusinessDays(q.date, q.n)))
  const disagreements = sample.filter((_, i) => naive.value[i] !== engineAnswers[i])
  if (disagreements.length > 0) {
    const example = JSON.stringify(disagreements[0])
    throw new Error(`The engine and the isHoliday walk disagree on ${disagreements.length} of ${NAIVE_SAMPLE} deadlines, e.g. ${example}`)
  }

  const naivePerQuery = naive.ms / NAIVE_SAMPLE
  const warmPerQuery = warmMs / QUERIES
  const round = (ms: number) => Math.round(ms * 1000) / 1000
  return [
    { name: 'deadlines-10k-warm', ms: round(warmMs), queries: QUERIES, places: 'NL, DE-BY, US', runs: RUNS },
    {
      name: 'deadlines-10k-cold',
      ms: round(median(cold)),
      firstInProcessMs: round(firstInProcess!),
      queries: QUERIES,
      places: 'NL, DE-BY, US',
      runs: RUNS,
    },
    {
      name: 'deadlines-naive-per-query',
      ms: round(naivePerQuery),
      speedup: Math.round(naivePerQuery / warmPerQuery),
      sample: NAIVE_SAMPLE,
    },
  ]
}
