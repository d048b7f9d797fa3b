import type { Case } from '../cases/case'
import { expectedResolution } from '../cases/history'
import { holidayNameOn } from '../calendar'
import { isoDateOf } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import type { Anchor, Policy, PolicyRule } from '../policies/policy'
import { dateInZone, endOfDayMs, wallClockOf } from '../time'
import { clockOf, firstOf, type CaseClock } from './caseClock'
import { countDue } from './countDue'
import type { CountStart, Deadline, DeadlineState, DueDayOff } from './deadline'

const DAY = 86_400_000
const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'))

/**
 * The instant as toISOString writes it ('2026-12-22T22:59:59.999Z'), for years 0–9999. Written out by hand because
 * toISOString was a fifth of counting a list of ten thousand cases, each deadline carrying two or three instants.
 */
function iso(instant: number): string {
  const day = Math.floor(instant / DAY)
  const inDay = instant - day * DAY
  const ms = inDay % 1000
  const seconds = (inDay - ms) / 1000
  const time = `${twoDigits[Math.floor(seconds / 3600)]}:${twoDigits[Math.floor(seconds / 60) % 60]}:${twoDigits[seconds % 60]}`
  return `${isoDateOf(day)}T${time}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`
}

/** A counted due date, and how it was found. */
interface Count {
  from: Anchor
  anchorAt: number
  countStart: CountStart | undefined
  dueDate: IsoDate
  dueAt: number
  dayOff: DueDayOff | undefined
  skipped: Deadline['skipped']
  pauses: Deadline['pauses']
}

/**
 * A calendar-day count whose last day is not a business day stays on it or moves to the next business day, as the
 * rule says; the day's reason (and holiday name) is kept either way, so the deadline can say which it was.
 */
function dayOffOf(rule: PolicyRule, dueDate: IsoDate, clock: CaseClock): DueDayOff | undefined {
  if (rule.unit !== 'calendar_days' || clock.calendar.isBusinessDay(dueDate)) return undefined
  // A day that is not a business day is always one of the calendar's non-working days.
  const [off = { date: dueDate, reason: 'closure' as const }] = clock.calendar.nonWorkingDays(dueDate, dueDate)
  return { ...withDutchName(off, clock), handling: rule.onDayOff }
}

/** A holiday with its Dutch name beside the calendar's English one, so that a Dutch text names it in Dutch. */
function withDutchName<D extends { date: IsoDate; reason: string; name?: string }>(day: D, clock: CaseClock): D {
  if (day.reason !== 'holiday') return day
  const dutchName = holidayNameOn(clock.c.calendar.spec, day.date, 'nl')
  return dutchName === undefined ? day : { ...day, dutchName }
}

/**
 * Counts a rule's days from an anchor. With afterHoursCountsNextDay, a report received after the end of the working
 * day, or on a day that is not a business day, counts from the next business day; it applies to the report's receipt
 * only, as the setting says, not to the team's own milestones.
 */
function countFrom(rule: PolicyRule & { amount: number }, from: Anchor, at: number, clock: CaseClock): Count {
  const { calendar, teamZone, c } = clock
  const wall = wallClockOf(at, teamZone)
  const { endOfWorkingDay, afterHoursCountsNextDay } = c.calendar
  const [endHour = 0, endMinute = 0] = endOfWorkingDay.split(':').map(Number)
  const afterHours = wall.hour * 3600 + wall.minute * 60 + wall.second > endHour * 3600 + endMinute * 60
  let countStart: CountStart | undefined
  if (from === 'received' && afterHoursCountsNextDay && (afterHours || !calendar.isBusinessDay(wall.date))) {
    const date = calendar.addBusinessDays(wall.date, 1)
    countStart = afterHours ? { reason: 'after_hours', date, endOfWorkingDay } : { reason: 'not_business_day', date }
  }
  const counted = countDue({
    calendar,
    anchorDate: wall.date,
    start: countStart?.date ?? wall.date,
    amount: rule.amount,
    unit: rule.unit,
    paused: clock.paused,
    explain: clock.explain,
  })
  const dayOff = dayOffOf(rule, counted.dueDate, clock)
  const dueDate = dayOff?.handling === 'next_business_day' ? calendar.addBusinessDays(counted.dueDate, 1) : counted.dueDate
  // The due instant is the end of the due calendar day, not of the working day: a reporter promised "within two
  // business days" who hears back at 18:00 on the second day was answered within two business days.
  const dueAt = endOfDayMs(dueDate, teamZone)
  const skipped = counted.skipped.map((day) => withDutchName(day, clock))
  return { from, anchorAt: at, countStart, dueDate, dueAt, dayOff, skipped, pauses: counted.pauses }
}

/** An event of the case and when it happened: what kept a promise, or ended it before it began. */
interface EventAt {
  event: Anchor
  at: number
}

/** What one deadline adds to the rule's own data. */
interface Outcome {
  state: DeadlineState
  count?: Count
  /** When the rule's `from` happened, for a deadline that was not counted from it. */
  anchorAt?: number | undefined
  /** A broken promise without a time limit: due at the moment of the event it had to precede. */
  due?: { date: IsoDate; at: number }
  kept?: EventAt | undefined
  before?: Deadline['before']
  endedBy?: EventAt
}

// Optional fields are set one by one rather than spread in: a list of ten thousand cases builds sixty thousand of these.
function deadline(rule: PolicyRule, occurrence: number, outcome: Outcome, clock: CaseClock): Deadline {
  const { state, count, kept, before, endedBy } = outcome
  const anchorAt = count ? count.anchorAt : outcome.anchorAt
  const due = count ? { date: count.dueDate, at: count.dueAt } : outcome.due
  const d: Deadline = {
    ruleId: rule.id,
    due: rule.due,
    occurrence,
    repeats: rule.repeatsUntil !== undefined,
    state,
    from: count?.from ?? rule.from,
    anchorAt: anchorAt === undefined ? null : iso(anchorAt),
    amount: rule.amount,
    unit: rule.unit,
    dueDate: due?.date ?? null,
    dueAt: due ? iso(due.at) : null,
    skipped: count?.skipped ?? [],
    pauses: count?.pauses ?? [],
    teamZone: clock.teamZone,
    reporterZone: clock.reporterZone,
    quote: rule.quote,
    reading: rule.reading,
  }
  if (count?.countStart) d.countStart = count.countStart
  if (count?.dayOff) d.dayOff = count.dayOff
  if (state === 'paused' && clock.waitingSince !== undefined) d.waitingSince = iso(clock.waitingSince)
  if (state === 'not_applicable' && clock.closed) d.closed = clock.closed
  if (kept) d.kept = { event: kept.event, at: iso(kept.at) }
  if (before) d.before = before
  if (endedBy) d.endedBy = { event: endedBy.event, at: iso(endedBy.at) }
  return d
}

function openState(count: Count, clock: CaseClock): DeadlineState {
  if (clock.closed) return 'not_applicable'
  if (clock.now > count.dueAt) return 'overdue'
  if (clock.waitingSince !== undefined) return 'paused'
  return clock.today === count.dueDate ? 'due_today' : 'upcoming'
}

const metState = (metAt: number, dueAt: number | undefined): DeadlineState =>
  dueAt === undefined || metAt <= dueAt ? 'met_on_time' : 'met_late'

/** A deadline with a counted due date: kept on time or late, or still open as of now. */
function counted(rule: PolicyRule, occurrence: number, count: Count, clock: CaseClock, kept?: EventAt): Deadline {
  const state = kept ? metState(kept.at, count.dueAt) : openState(count, clock)
  return deadline(rule, occurrence, { state, count, kept }, clock)
}

function waiting(rule: PolicyRule, clock: CaseClock): Deadline {
  return deadline(rule, 1, { state: clock.closed ? 'not_applicable' : 'waiting' }, clock)
}

/**
 * A one-off promise is kept by the first `metBy` event, even one that came before its anchor: an evaluation sent
 * together with the acknowledgement keeps the promise to evaluate within three days of it.
 */
function oneOff(rule: PolicyRule, clock: CaseClock): Deadline {
  const anchorAt = firstOf(rule.from, clock)
  const metAt = firstOf(rule.metBy, clock)
  const kept = metAt === undefined ? undefined : { event: rule.metBy, at: metAt }
  if (anchorAt === undefined && kept === undefined) return waiting(rule, clock)
  if (rule.amount === null) return withoutTimeLimit(rule, clock, kept)
  if (anchorAt === undefined) return deadline(rule, 1, { state: 'met_on_time', kept }, clock)
  return counted(rule, 1, countFrom({ ...rule, amount: rule.amount }, rule.from, anchorAt, clock), clock, kept)
}

/**
 * A promise without a time limit stays open until kept. If it names an event it must come before (credit before
 * publication) and that event happens first, the promise is broken: overdue since that moment, late if kept after.
 */
function withoutTimeLimit(rule: PolicyRule, clock: CaseClock, kept: EventAt | undefined): Deadline {
  const beforeAt = rule.before === undefined ? undefined : firstOf(rule.before, clock)
  const state: DeadlineState = kept
    ? metState(kept.at, beforeAt)
    : clock.closed
      ? 'not_applicable'
      : beforeAt !== undefined
        ? 'overdue'
        : 'open'
  const before = rule.before === undefined ? undefined : { event: rule.before, at: beforeAt === undefined ? null : iso(beforeAt) }
  const due = beforeAt === undefined ? undefined : { date: dateInZone(beforeAt, clock.teamZone), at: beforeAt }
  return deadline(rule, 1, { state, anchorAt: firstOf(rule.from, clock), due, kept, before }, clock)
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
    return [deadline(rule, 1, { state: 'not_applicable', anchorAt, endedBy: { event: rule.repeatsUntil, at: endAt } }, clock)]
  }
  const list: Deadline[] = []
  let from: Anchor = rule.from
  let fromAt = anchorAt
  for (let occurrence = 1; ; occurrence++) {
    const count = countFrom(rule, from, fromAt, clock)
    // Each update keeps one occurrence: the one that started the current count does not keep the next.
    const updateAt = firstOf(rule.metBy, clock, occurrence === 1 ? fromAt : fromAt + 1)
    if (endAt !== undefined && (updateAt === undefined || endAt <= updateAt)) {
      return [...list, counted(rule, occurrence, count, clock, { event: rule.repeatsUntil, at: endAt })]
    }
    if (updateAt === undefined) return [...list, counted(rule, occurrence, count, clock)]
    list.push(counted(rule, occurrence, count, clock, { event: rule.metBy, at: updateAt }))
    from = rule.metBy
    fromAt = updateAt
  }
}

/**
 * The expected resolution date told to the reporter, as a deadline of its own: not a rule of the policy but the team's
 * commitment under the policy's evaluation promise ("… with our evaluation … and an expected resolution date"), so it
 * quotes that sentence. Due at the end of the promised day in the team's zone, kept by the fix released; past it
 * unkept, the date has slipped (overdue). A fixed date: days waiting for the reporter do not move it.
 */
function promisedResolution(policy: Policy, clock: CaseClock): Deadline | undefined {
  const promise = expectedResolution(clock.c)
  if (!promise) return undefined
  const evaluation = policy.rules.find((r) => r.due === 'evaluation')
  const rule: PolicyRule = {
    id: 'expected_resolution',
    due: 'resolution',
    quote: evaluation?.quote ?? '',
    reading: '',
    from: 'evaluation_sent',
    metBy: 'fix_released',
    amount: null,
    unit: 'calendar_days',
    onDayOff: 'stays',
  }
  const dueAt = endOfDayMs(promise.date, clock.teamZone)
  const fixedAt = firstOf('fix_released', clock)
  const kept = fixedAt === undefined ? undefined : { event: 'fix_released' as const, at: fixedAt }
  const state: DeadlineState = kept
    ? metState(kept.at, dueAt)
    : clock.closed
      ? 'not_applicable'
      : clock.now > dueAt
        ? 'overdue'
        : clock.today === promise.date
          ? 'due_today'
          : 'upcoming'
  const d = deadline(rule, 1, { state, anchorAt: firstOf('evaluation_sent', clock), due: { date: promise.date, at: dueAt }, kept }, clock)
  d.promise = promise
  return d
}

/**
 * Every promise of the policy on this case as of `now`, counted on the calendar the case pinned when it was received,
 * in the team's zone. Pure: the same case, policy and moment give the same deadlines. With `explain: false` the dates
 * and states are the same, but `skipped` and `pauses` are empty. A case whose pinned calendar or zones cannot be
 * used throws a DeskError naming the case.
 */
export function deadlinesOf(c: Case, policy: Policy, now: Date, { explain = true }: { explain?: boolean } = {}): Deadline[] {
  const clock = clockOf(c, now, explain)
  const list = policy.rules.flatMap((rule) =>
    rule.repeatsUntil !== undefined && rule.amount !== null
      ? repeating({ ...rule, amount: rule.amount, repeatsUntil: rule.repeatsUntil }, clock)
      : [oneOff(rule, clock)],
  )
  const promised = promisedResolution(policy, clock)
  return promised ? [...list, promised] : list
}
