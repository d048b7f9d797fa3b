import type { Case } from '../cases/case'
import { parseIsoDate } from '../calendar/dayNumber'
import { createCalendar, timeZoneOf } from '../calendar'
import type { BusinessCalendar, IsoDate } from '../calendar/spec'
import { dueLabels, milestoneLabels, type Anchor, type Milestone, type Policy, type PolicyRule } from '../policies/policy'
import { countDue } from './countDue'
import type { Deadline, DeadlineState, SkippedDay } from './deadline'
import { explainSkipped } from './explainSkipped'
import { pausedSpansOf, pausesOf, type PausedSpan } from './pauses'
import { dateInZone, endOfDayIn, formatDay, formatDayTime, formatForZone, wallClockOf } from './zonedTime'

/** What every rule of one case is measured against. */
interface CaseClock {
  c: Case
  calendar: BusinessCalendar
  teamZone: string
  now: number
  today: IsoDate
  paused: readonly PausedSpan[]
  /** When the case started waiting for the reporter, if it still does. */
  waitingSince: number | undefined
  closed: boolean
  closedAt: number | undefined
  /** When each milestone happened (its `on`, not when it was recorded), earliest first. */
  milestones: ReadonlyMap<Milestone, readonly number[]>
  /** Whether to say which days were skipped and why; a list of ten thousand cases needs only the dates and states. */
  explain: boolean
}

function clockOf(c: Case, now: Date, explain: boolean): CaseClock {
  const teamZone = timeZoneOf(c.calendar.spec)
  const today = dateInZone(now.getTime(), teamZone)
  const pauses = pausesOf(c)
  const milestones = new Map<Milestone, number[]>()
  let closedAt: number | undefined
  for (const event of c.timeline) {
    if (event.type === 'milestone') {
      const times = milestones.get(event.milestone) ?? []
      times.push(Date.parse(event.on))
      milestones.set(event.milestone, times)
    }
    if (event.type === 'status_changed' && event.to === 'closed') closedAt = Math.max(closedAt ?? 0, Date.parse(event.at))
  }
  for (const times of milestones.values()) times.sort((a, b) => a - b)
  const last = pauses.at(-1)
  return {
    c,
    calendar: createCalendar(c.calendar.spec),
    teamZone,
    now: now.getTime(),
    today,
    paused: pausedSpansOf(pauses, teamZone, parseIsoDate(today)),
    waitingSince: last && last.until === null ? last.since : undefined,
    closed: c.status === 'closed',
    closedAt,
    milestones,
    explain,
  }
}

/** When an event first happened: a promise counts from the first acknowledgement, not from a repeated one. */
function firstOf(event: Anchor, clock: CaseClock, notBefore = -Infinity): number | undefined {
  if (event === 'received') return Date.parse(clock.c.received.at)
  return clock.milestones.get(event)?.find((at) => at >= notBefore)
}

const anchorLabel = (event: Anchor) => (event === 'received' ? 'Received' : milestoneLabels[event])

function amountText(rule: PolicyRule): string {
  if (rule.amount === null) return 'no time limit'
  const unit = rule.unit === 'business_days' ? 'business day' : 'calendar day'
  return `${rule.amount} ${unit}${rule.amount === 1 ? '' : 's'}`
}

interface Count {
  dueDate: IsoDate
  dueAt: number
  skipped: SkippedDay[]
  text: string
}

/**
 * Counts a rule's days from an anchor. With afterHoursCountsNextDay, a report received after the end of the working
 * day, or on a day that is not a business day, counts from the next business day; it applies to the report's receipt
 * only, as the setting says, not to the team's own milestones.
 */
function countFrom(rule: PolicyRule & { amount: number }, event: Anchor, at: number, clock: CaseClock): Count {
  const { calendar, teamZone, c } = clock
  const wall = wallClockOf(at, teamZone)
  const [endHour = 0, endMinute = 0] = c.calendar.endOfWorkingDay.split(':').map(Number)
  const afterHours = wall.hour * 3600 + wall.minute * 60 + wall.second > endHour * 3600 + endMinute * 60
  const steps = [`${anchorLabel(event)} ${formatDayTime(at, teamZone)}`]
  let start = wall.date
  if (event === 'received' && c.calendar.afterHoursCountsNextDay && (afterHours || !calendar.isBusinessDay(wall.date))) {
    start = calendar.addBusinessDays(wall.date, 1)
    const why = afterHours ? `after ${c.calendar.endOfWorkingDay}` : 'not a business day'
    steps.push(`${why}, counts from ${formatDay(start)}`)
  }
  const { dueDate, skipped } = countDue({
    calendar,
    anchorDate: wall.date,
    start,
    amount: rule.amount,
    unit: rule.unit,
    paused: clock.paused,
    explain: clock.explain,
  })
  steps.push(amountText(rule))
  if (skipped.length > 0) steps.push(`skipped ${explainSkipped(skipped)}`)
  steps.push(`due ${formatDay(dueDate)}`)
  // The due instant is the end of the due calendar day, not of the working day: a reporter promised "within two
  // business days" who hears back at 18:00 on the second day was answered within two business days.
  return { dueDate, dueAt: endOfDayIn(dueDate, teamZone), skipped, text: steps.join(' → ') }
}

function openState(count: Count, clock: CaseClock): DeadlineState {
  if (clock.closed) return 'not_applicable'
  if (clock.now > count.dueAt) return 'overdue'
  if (clock.waitingSince !== undefined) return 'paused'
  return clock.today === count.dueDate ? 'due_today' : 'upcoming'
}

const metState = (metAt: number, dueAt: number | undefined): DeadlineState =>
  dueAt === undefined || metAt <= dueAt ? 'met_on_time' : 'met_late'

/** The event that kept a promise, and when. */
interface Kept {
  by: Anchor
  at: number
}

function notes(state: DeadlineState, clock: CaseClock, kept?: Kept): string[] {
  if (kept) {
    const verdict = state === 'met_late' ? 'late' : 'on time'
    return [`${anchorLabel(kept.by)} ${formatDayTime(kept.at, clock.teamZone)}, ${verdict}`]
  }
  if (state === 'not_applicable' && clock.closed) {
    const when = clock.closedAt === undefined ? '' : ` ${formatDay(dateInZone(clock.closedAt, clock.teamZone))}`
    return [`case closed${when}: no longer due`]
  }
  if (state === 'paused' && clock.waitingSince !== undefined) {
    const since = formatDay(dateInZone(clock.waitingSince, clock.teamZone))
    return [`waiting for the reporter since ${since}: the clock stands still; this date holds if they answer today`]
  }
  return []
}

interface Outcome {
  state: DeadlineState
  due?: { date: IsoDate; at: number } | undefined
  skipped?: SkippedDay[]
  explanation: string[]
  kept?: Kept | undefined
}

function deadline(rule: PolicyRule, occurrence: number, outcome: Outcome, clock: CaseClock): Deadline {
  const { state, due, kept } = outcome
  return {
    ruleId: rule.id,
    due: rule.due,
    label: dueLabels[rule.due],
    quote: rule.quote,
    reading: rule.reading,
    occurrence,
    state,
    dueDate: due?.date ?? null,
    dueAt: due ? new Date(due.at).toISOString() : null,
    dueAtReporter: due && clock.explain ? formatForZone(due.at, clock.c.received.timeZone) : null,
    ...(kept ? { metAt: new Date(kept.at).toISOString() } : {}),
    skipped: outcome.skipped ?? [],
    explanation: [...outcome.explanation, ...notes(state, clock, kept)].join(' · '),
  }
}

/** A deadline with a counted due date: kept on time or late, or still open as of now. */
function counted(rule: PolicyRule, occurrence: number, count: Count, clock: CaseClock, kept?: Kept): Deadline {
  const state = kept ? metState(kept.at, count.dueAt) : openState(count, clock)
  const due = { date: count.dueDate, at: count.dueAt }
  return deadline(rule, occurrence, { state, due, skipped: count.skipped, explanation: [count.text], kept }, clock)
}

function waiting(rule: PolicyRule, clock: CaseClock): Deadline {
  const state = clock.closed ? 'not_applicable' : 'waiting'
  return deadline(rule, 1, { state, explanation: [`Waits for ${anchorLabel(rule.from)} → then ${amountText(rule)}`] }, clock)
}

/**
 * A one-off promise is kept by the first `metBy` event, even one that came before its anchor: an evaluation sent
 * together with the acknowledgement keeps the promise to evaluate within three days of it.
 */
function oneOff(rule: PolicyRule, clock: CaseClock): Deadline {
  const anchorAt = firstOf(rule.from, clock)
  const metAt = firstOf(rule.metBy, clock)
  const kept = metAt === undefined ? undefined : { by: rule.metBy, at: metAt }
  if (anchorAt === undefined && kept === undefined) return waiting(rule, clock)
  if (rule.amount === null) return withoutTimeLimit(rule, clock, kept)
  if (anchorAt === undefined) {
    return deadline(rule, 1, { state: 'met_on_time', explanation: [`Kept before ${anchorLabel(rule.from)} was recorded`], kept }, clock)
  }
  return counted(rule, 1, countFrom({ ...rule, amount: rule.amount }, rule.from, anchorAt, clock), clock, kept)
}

/**
 * A promise without a time limit stays open until kept. If it names an event it must come before (credit before
 * publication) and that event happens first, the promise is broken: overdue since that moment, late if kept after.
 */
function withoutTimeLimit(rule: PolicyRule, clock: CaseClock, kept: Kept | undefined): Deadline {
  const beforeAt = rule.before === undefined ? undefined : firstOf(rule.before, clock)
  const state: DeadlineState = kept
    ? metState(kept.at, beforeAt)
    : clock.closed
      ? 'not_applicable'
      : beforeAt !== undefined
        ? 'overdue'
        : 'open'
  const explanation = [rule.before === undefined ? 'No time limit' : `No time limit — before ${milestoneLabels[rule.before]}`]
  if (rule.before !== undefined && beforeAt !== undefined && (kept === undefined || kept.at > beforeAt)) {
    explanation.push(`${milestoneLabels[rule.before]} ${formatDayTime(beforeAt, clock.teamZone)} came first`)
  }
  const due = beforeAt === undefined ? undefined : { date: dateInZone(beforeAt, clock.teamZone), at: beforeAt }
  return deadline(rule, 1, { state, due, explanation, kept }, clock)
}

/**
 * A repeating promise (progress updates): the first occurrence counts from the anchor, each next one from the update
 * that kept the previous one. The `repeatsUntil` event (the fix released) ends the series and keeps the occurrence
 * open at that moment, since telling the reporter the fix is out is the last update. Only kept occurrences and the
 * current one are listed.
 */
function repeating(rule: PolicyRule & { amount: number; repeatsUntil: Anchor }, clock: CaseClock): Deadline[] {
  const anchorAt = firstOf(rule.from, clock)
  if (anchorAt === undefined) return [waiting(rule, clock)]
  const endAt = firstOf(rule.repeatsUntil, clock)
  if (endAt !== undefined && endAt < anchorAt) {
    const text = `${anchorLabel(rule.repeatsUntil)} ${formatDayTime(endAt, clock.teamZone)} came before ${anchorLabel(rule.from)}: nothing to report`
    return [deadline(rule, 1, { state: 'not_applicable', explanation: [text] }, clock)]
  }
  const list: Deadline[] = []
  let from: Anchor = rule.from
  let fromAt = anchorAt
  for (let occurrence = 1; ; occurrence++) {
    const count = countFrom(rule, from, fromAt, clock)
    // Each update keeps one occurrence: the one that started the current count does not keep the next.
    const updateAt = firstOf(rule.metBy, clock, occurrence === 1 ? fromAt : fromAt + 1)
    if (endAt !== undefined && (updateAt === undefined || endAt <= updateAt)) {
      return [...list, counted(rule, occurrence, count, clock, { by: rule.repeatsUntil, at: endAt })]
    }
    if (updateAt === undefined) return [...list, counted(rule, occurrence, count, clock)]
    list.push(counted(rule, occurrence, count, clock, { by: rule.metBy, at: updateAt }))
    from = rule.metBy
    fromAt = updateAt
  }
}

/**
 * Every promise of the policy on this case as of `now`, counted on the calendar the case pinned when it was received,
 * in the team's zone. Pure: the same case, policy and moment give the same deadlines. With `explain: false` the dates
 * and states are the same, but `skipped` is empty and the explanation does not list the skipped days.
 */
export function deadlinesOf(c: Case, policy: Policy, now: Date, { explain = true }: { explain?: boolean } = {}): Deadline[] {
  const clock = clockOf(c, now, explain)
  return policy.rules.flatMap((rule) =>
    rule.repeatsUntil !== undefined && rule.amount !== null
      ? repeating({ ...rule, amount: rule.amount, repeatsUntil: rule.repeatsUntil }, clock)
      : [oneOff(rule, clock)],
  )
}
