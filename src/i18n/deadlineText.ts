import { parseIsoDate } from '../calendar/dayNumber'
import type { IsoDate } from '../calendar/spec'
import type { CountStart, Deadline, DeadlineState, DueDayOff, SkippedDay } from '../deadlines/deadline'
import type { Anchor, Milestone } from '../policies/policy'
import { dateInZone } from '../time'
import { formatDay, formatDayTime, formatDaySpan, formatForZone } from './dates'
import { anchorLabel, deadlineStateLabels, dueLabels, milestoneLabels, slippedLabel } from './labels'
import type { Language } from './language'

/** A deadline in words, for the case screen now and for the emails to the reporter next. */
export interface DeadlineText {
  /** What is due: 'Acknowledge receipt'. */
  label: string
  /** How its date was counted, step by step: 'Received Fri 18 Dec 16:10 → 2 business days → … → due Tue 22 Dec'. */
  explanation: string
  /** The due moment on the reporter's clock, naming their zone; null without a due moment. */
  dueAtReporter: string | null
  /** A promised expected resolution date that passed without the fix: badge it with `state` ('Slipped'), not 'Overdue'. */
  slipped: boolean
  /** The state word to show: the deadline state's label, or 'Slipped' (slippedLabel) for a slipped promise. */
  stateLabel: string
}

/** A promised date that passed without the fix: the team's commitment slipped. */
const isSlipped = (d: Pick<Deadline, 'state'> & { promise?: Deadline['promise'] }) => d.state === 'overdue' && d.promise !== undefined

/** The sentence parts of one language; each gets the data it names and writes dates in that language. */
interface Phrases {
  amount(amount: number | null, unit: Deadline['unit']): string
  countStart(start: CountStart): string
  skipped(days: string): string
  due(date: IsoDate, dayOff: DueDayOff | undefined): string
  movedOffDayOff(dayOff: DueDayOff): string
  waiting(from: Anchor, amount: string): string
  keptBeforeAnchor(from: Anchor): string
  noTimeLimit(before: Milestone | undefined): string
  cameFirst(event: Milestone, at: string): string
  endedBeforeAnchor(by: Anchor, at: string, from: Anchor): string
  kept(by: Anchor, at: string, late: boolean): string
  closed(on: string | null): string
  paused(since: string): string
  skippedReason(day: SkippedDay): string
  promised(date: string, earlier: string[]): string
  slipped(date: string): string
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

const english: Phrases = {
  amount: (amount, unit) =>
    amount === null
      ? 'no time limit'
      : unit === 'business_days'
        ? plural(amount, 'business day', 'business days')
        : plural(amount, 'calendar day', 'calendar days'),
  countStart: (start) =>
    `${start.reason === 'after_hours' ? `after ${start.endOfWorkingDay}` : 'not a business day'}, counts from ${formatDay(start.date, 'en')}`,
  skipped: (days) => `skipped ${days}`,
  due: (date, dayOff) => {
    const text = `due ${formatDay(date, 'en')}`
    if (dayOff?.handling !== 'stays') return text
    const on = dayOff.reason === 'weekend' ? 'a weekend' : dayOff.reason === 'closure' ? 'a closure day' : (dayOff.name ?? 'a holiday')
    return `${text} (falls on ${on})`
  },
  movedOffDayOff: (dayOff) =>
    `ends ${formatDay(dayOff.date, 'en')} (${dayOff.reason === 'holiday' ? (dayOff.name ?? 'holiday') : dayOff.reason}): moved to the next business day`,
  waiting: (from, amount) => `Waits for ${anchorLabel(from, 'en')} → then ${amount}`,
  keptBeforeAnchor: (from) => `Kept before ${anchorLabel(from, 'en')} was recorded`,
  noTimeLimit: (before) => (before === undefined ? 'No time limit' : `No time limit — before ${milestoneLabels.en[before]}`),
  cameFirst: (event, at) => `${milestoneLabels.en[event]} ${at} came first`,
  endedBeforeAnchor: (by, at, from) => `${anchorLabel(by, 'en')} ${at} came before ${anchorLabel(from, 'en')}: nothing to report`,
  kept: (by, at, late) => `${anchorLabel(by, 'en')} ${at}, ${late ? 'late' : 'on time'}`,
  closed: (on) => `case closed${on === null ? '' : ` ${on}`}: no longer due`,
  paused: (since) => `waiting for the reporter since ${since}: the clock stands still; this date holds if they answer today`,
  skippedReason: (day) =>
    day.reason === 'weekend' ? '' : day.reason === 'paused' ? ' (waiting for reporter)' : ` (${day.name ?? day.reason})`,
  promised: (date, earlier) => `Promised to the reporter: the fix by ${date}${earlier.length > 0 ? ` (was ${earlier.join(', then ')})` : ''}`,
  slipped: (date) => `slipped: the fix was not released by ${date}; offer a progress update with a new date`,
}

/** An event in the middle of a Dutch sentence: 'Wacht op de ontvangstbevestiging', 'vóór de publicatie'. */
const dutchEventNouns: Record<Anchor, string> = {
  received: 'de melding',
  acknowledgement_sent: 'de ontvangstbevestiging',
  evaluation_sent: 'de beoordeling',
  progress_update_sent: 'het voortgangsbericht',
  fix_released: 'de oplossing',
  publication_consulted: 'het overleg over publicatie',
  published: 'de publicatie',
  credit_confirmed: 'de bevestiging van de vermelding',
  reward_decided: 'het besluit over de beloning',
}

// Holidays by their Dutch names where the calendar has them ('Kerstmis'), else by the English ones.
const dutch: Phrases = {
  amount: (amount, unit) =>
    amount === null
      ? 'geen termijn'
      : unit === 'business_days'
        ? plural(amount, 'werkdag', 'werkdagen')
        : plural(amount, 'kalenderdag', 'kalenderdagen'),
  countStart: (start) =>
    `${start.reason === 'after_hours' ? `na ${start.endOfWorkingDay}` : 'geen werkdag'}, telt vanaf ${formatDay(start.date, 'nl')}`,
  skipped: (days) => `overgeslagen ${days}`,
  due: (date, dayOff) => {
    const text = `uiterlijk ${formatDay(date, 'nl')}`
    if (dayOff?.handling !== 'stays') return text
    const on =
      dayOff.reason === 'weekend'
        ? 'valt in het weekend'
        : dayOff.reason === 'closure'
          ? 'valt op een sluitingsdag'
          : `valt op ${dayOff.dutchName ?? dayOff.name ?? 'een feestdag'}`
    return `${text} (${on})`
  },
  movedOffDayOff: (dayOff) => {
    const why = dayOff.reason === 'weekend' ? 'weekend' : dayOff.reason === 'closure' ? 'sluiting' : (dayOff.dutchName ?? dayOff.name ?? 'feestdag')
    return `laatste dag ${formatDay(dayOff.date, 'nl')} (${why}): verschoven naar de eerstvolgende werkdag`
  },
  waiting: (from, amount) => `Wacht op ${dutchEventNouns[from]} → dan ${amount}`,
  keptBeforeAnchor: (from) => `Nagekomen voordat ${dutchEventNouns[from]} was vastgelegd`,
  noTimeLimit: (before) => (before === undefined ? 'Geen termijn' : `Geen termijn — vóór ${dutchEventNouns[before]}`),
  cameFirst: (event, at) => `${milestoneLabels.nl[event]} ${at} kwam eerst`,
  endedBeforeAnchor: (by, at, from) => `${anchorLabel(by, 'nl')} ${at}, vóór ${dutchEventNouns[from]}: niets te melden`,
  kept: (by, at, late) => `${anchorLabel(by, 'nl')} ${at}, ${late ? 'te laat' : 'op tijd'}`,
  closed: (on) => `zaak gesloten${on === null ? '' : ` op ${on}`}: vervalt`,
  paused: (since) => `wacht sinds ${since} op de melder: de klok staat stil; deze datum geldt als de melder vandaag antwoordt`,
  skippedReason: (day) =>
    day.reason === 'weekend'
      ? ''
      : day.reason === 'paused'
        ? ' (wachten op melder)'
        : ` (${day.dutchName ?? day.name ?? (day.reason === 'holiday' ? 'feestdag' : 'sluiting')})`,
  promised: (date, earlier) =>
    `Toegezegd aan de melder: de oplossing uiterlijk ${date}${earlier.length > 0 ? ` (eerder: ${earlier.join(', daarna ')})` : ''}`,
  slipped: (date) => `verstreken: de oplossing is op ${date} nog niet uitgebracht; stuur een voortgangsbericht met een nieuwe datum`,
}

const phrases: Record<Language, Phrases> = { en: english, nl: dutch }

/**
 * The skipped days as a reader scans them: 'Sat–Sun 19–20 Dec, Fri 25 Dec (Christmas Day)'. Consecutive days skipped
 * for the same reason (and name) make one span, so a weekend or a week of closure reads as one item.
 */
export function skippedText(skipped: readonly SkippedDay[], lang: Language): string {
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
  const say = phrases[lang]
  return spans.map(({ first, last }) => formatDaySpan(first.date, last.date, lang) + say.skippedReason(first)).join(', ')
}

/** How the date was found, from the anchor to the due day; the steps join with arrows. */
function countSteps(d: Deadline, say: Phrases, lang: Language): string[] {
  if (d.promise) {
    const day = (date: IsoDate) => formatDay(date, lang, true)
    const steps = [say.promised(day(d.promise.date), d.promise.earlier.map(day))]
    if (isSlipped(d)) steps.push(say.slipped(day(d.promise.date)))
    return steps
  }
  if (d.endedBy) return [say.endedBeforeAnchor(d.endedBy.event, formatDayTime(d.endedBy.at, d.teamZone, lang), d.from)]
  const amount = say.amount(d.amount, d.unit)
  if (d.amount === null) {
    if (d.anchorAt === null && !d.kept) return [say.waiting(d.from, amount)]
    const steps = [say.noTimeLimit(d.before?.event)]
    const { before, kept } = d
    if (before?.at && (!kept || Date.parse(kept.at) > Date.parse(before.at))) {
      steps.push(say.cameFirst(before.event, formatDayTime(before.at, d.teamZone, lang)))
    }
    return steps
  }
  if (d.anchorAt === null || d.dueDate === null) return [d.kept ? say.keptBeforeAnchor(d.from) : say.waiting(d.from, amount)]
  const arrows = [`${anchorLabel(d.from, lang)} ${formatDayTime(d.anchorAt, d.teamZone, lang)}`]
  if (d.countStart) arrows.push(say.countStart(d.countStart))
  arrows.push(amount)
  if (d.skipped.length > 0) arrows.push(say.skipped(skippedText(d.skipped, lang)))
  if (d.dayOff?.handling === 'next_business_day') arrows.push(say.movedOffDayOff(d.dayOff))
  arrows.push(say.due(d.dueDate, d.dayOff))
  return [arrows.join(' → ')]
}

/** What became of the promise: kept (on time or late), no longer due, or standing still. */
function outcomeNote(d: Deadline, say: Phrases, lang: Language): string[] {
  const day = (instant: string) => formatDay(dateInZone(Date.parse(instant), d.teamZone), lang)
  if (d.kept) return [say.kept(d.kept.event, formatDayTime(d.kept.at, d.teamZone, lang), d.state === 'met_late')]
  if (d.closed) return [say.closed(d.closed.at === null ? null : day(d.closed.at))]
  if (d.waitingSince) return [say.paused(day(d.waitingSince))]
  return []
}

/** The deadline in words; the steps of the count and the note on its outcome are separated by ' · '. */
export function deadlineText(d: Deadline, lang: Language): DeadlineText {
  const say = phrases[lang]
  return {
    label: dueLabels[lang][d.due],
    explanation: [...countSteps(d, say, lang), ...outcomeNote(d, say, lang)].join(' · '),
    dueAtReporter: d.dueAt === null ? null : formatForZone(d.dueAt, d.reporterZone, lang),
    slipped: isSlipped(d),
    stateLabel: isSlipped(d) ? slippedLabel[lang] : deadlineStateLabels[lang][d.state],
  }
}

/** Calendar days from today to the date; negative when it has passed. */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return parseIsoDate(date) - parseIsoDate(today)
}

/** 'Tue 22 Dec' within today's year, 'Tue 22 Dec 2027' outside it: the same words the explanations use. */
export function formatDueDay(date: IsoDate, today: IsoDate, lang: Language): string {
  return formatDay(date, lang, date.slice(0, 4) !== today.slice(0, 4))
}

/** The short words of a deadline list, per language. */
const listWords = {
  en: {
    tomorrow: 'Tomorrow',
    inDays: (days: number) => `In ${days} days`,
    notCounting: 'Not counting yet',
    noLongerDue: 'No longer due',
    noTimeLimit: 'No time limit',
  },
  nl: {
    tomorrow: 'Morgen',
    inDays: (days: number) => `Over ${days} dagen`,
    notCounting: 'Telt nog niet',
    noLongerDue: 'Vervallen',
    noTimeLimit: 'Geen termijn',
  },
} satisfies Record<Language, unknown>

/** The short text of a case's next deadline: 'Overdue · Tue 22 Dec' ('Slipped · …' for a promised date), 'Due today', 'In 3 days'. */
export function dueSoonText(
  next: { state: DeadlineState; dueDate: IsoDate | null; promise?: Deadline['promise'] },
  today: IsoDate,
  lang: Language,
): string {
  const states = deadlineStateLabels[lang]
  if (next.state === 'overdue') {
    const word = isSlipped(next) ? slippedLabel[lang] : states.overdue
    return next.dueDate ? `${word} · ${formatDueDay(next.dueDate, today, lang)}` : word
  }
  if (next.state !== 'upcoming' || !next.dueDate) return states[next.state]
  const days = daysUntil(next.dueDate, today)
  if (days <= 0) return states.due_today
  const words = listWords[lang]
  return days === 1 ? words.tomorrow : words.inDays(days)
}

/** What a deadline without a due moment shows instead: 'Not counting yet', 'No longer due', 'No time limit'. */
export function undatedText(state: DeadlineState, lang: Language): string {
  const words = listWords[lang]
  if (state === 'waiting') return words.notCounting
  if (state === 'not_applicable') return words.noLongerDue
  return words.noTimeLimit
}
