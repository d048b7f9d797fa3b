import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { addDays } from '../../src/agenda/calendarDays'
import { bucketByDay, entryDay } from '../../src/agenda/entryDay'
import { teamView } from '../../src/agenda/teamView'
import { civilDateOf, isoWeekdayOf, parseIsoDate } from '../../src/calendar/dayNumber'
import type { IsoDate } from '../../src/calendar/spec'
import { agendaKindLabel, chipToneLabel, draftActionText, otherZoneText } from '../../src/i18n/agendaText'
import { formatDueDay } from '../../src/i18n/deadlineText'
import { daysOffSpanLimit, type DayOff } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { SeverityBadge } from '../cases/SeverityBadge'
import { draftPath } from '../drafts/draftState'
import { useDaysOff, type AgendaItem } from '../queries/agenda'
import { useSettings } from '../queries/settings'
import { memberName } from '../settings/members'
import { dayOffName } from './calendarView'
import './agendaList.css'

/** One line of the list: a day's heading (or the overdue group's), or one entry under it. */
type Line =
  | { kind: 'heading'; key: string; day: IsoDate | 'overdue'; count: number }
  | { kind: 'entry'; key: string; item: AgendaItem; day: IsoDate; otherZone: boolean; overdueGroup: boolean }

// Fixed heights: a row is two short lines whatever the title's length (it is cut off), so nothing needs measuring.
const headingHeight = 40
const rowHeight = 54

/**
 * The agenda: what is overdue first, then every day from `from` on that has entries (or is a holiday or closure),
 * each under its day's heading. `items` come filtered; the list buckets them once per change and draws only the lines
 * in view, so forty thousand entries scroll like forty.
 */
export function AgendaList({
  items,
  from,
  focusDay,
  teamZone,
  today,
  buckets: given,
}: {
  items: AgendaItem[]
  from: IsoDate
  /** A day to scroll to and mark, such as the one whose "+N more" was followed from the month. */
  focusDay?: IsoDate
  teamZone: string
  today: IsoDate
  /** `items` by team day in urgency order, when the caller has them already (bucketByDay); else the list makes them. */
  buckets?: ReadonlyMap<IsoDate, readonly AgendaItem[]>
}) {
  const { settings, team } = useSettings()
  // Earlier days hold what was met, or planned, before the first day shown; they are a click away, not in the way.
  const [earlierShown, setEarlierShown] = useState(false)
  useEffect(() => setEarlierShown(false), [from])

  const buckets = useMemo(() => given ?? bucketsOf(items, teamZone), [given, items, teamZone])
  const focusStart = focusDay !== undefined && focusDay < from ? focusDay : from
  const { earlier, firstDay, lastDay } = useMemo(() => {
    let count = 0
    let first: IsoDate | undefined
    let last: IsoDate | undefined
    for (const [day, list] of buckets) {
      if (first === undefined || day < first) first = day
      if (last === undefined || day > last) last = day
      if (day < focusStart) count += list.filter((e) => teamView(e, teamZone, today).state !== 'overdue').length
    }
    return { earlier: count, firstDay: first, lastDay: last }
  }, [buckets, focusStart, teamZone, today])
  const start = earlierShown && firstDay !== undefined && firstDay < focusStart ? firstDay : focusStart

  // Holidays and closures are named on their headings; a span of at most what one call answers, from the first day.
  const daysOff = useDaysOff(start, addDays(start, daysOffSpanLimit - 1)).byDate
  const lines = useMemo(() => agendaLines(buckets, start, today, lastDay, daysOff, teamZone), [buckets, start, today, lastDay, daysOff, teamZone])

  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (lines[i]!.kind === 'heading' ? headingHeight : rowHeight),
    getItemKey: (i) => lines[i]!.key,
    overscan: 10,
  })

  // Scrolls to the focused day when it is asked for, not again on every live update of the entries.
  const scrolledTo = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (focusDay === undefined || scrolledTo.current === focusDay || lines.length === 0) return
    const index = lines.findIndex((l) => l.kind === 'heading' && l.day !== 'overdue' && l.day >= focusDay)
    if (index < 0) return
    scrolledTo.current = focusDay
    virtualizer.scrollToIndex(index, { align: 'start' })
  }, [focusDay, lines, virtualizer])

  return (
    <section className="agenda" aria-label="Agenda">
      {earlier > 0 && !earlierShown && (
        <p className="agenda-earlier">
          <button type="button" className="button button-quiet" onClick={() => setEarlierShown(true)}>
            Show {earlier === 1 ? '1 earlier entry' : `${earlier.toLocaleString('en')} earlier entries`}
          </button>
        </p>
      )}
      <div className="agenda-scroll" ref={scrollRef} tabIndex={-1}>
        {lines.length === 0 ? (
          <p className="agenda-empty">Nothing is due from {formatDueDay(start, today, 'en')} on.</p>
        ) : (
          <div className="agenda-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const line = lines[v.index]!
              return line.kind === 'heading' ? (
                <DayHeading
                  key={v.key}
                  top={v.start}
                  day={line.day}
                  count={line.count}
                  today={today}
                  dayOff={line.day === 'overdue' ? undefined : daysOff.get(line.day)}
                  focused={line.day === focusDay}
                />
              ) : (
                <AgendaRow
                  key={v.key}
                  top={v.start}
                  item={line.item}
                  day={line.day}
                  otherZone={line.otherZone}
                  overdueGroup={line.overdueGroup}
                  today={today}
                  teamZone={teamZone}
                  team={settings ? team : null}
                />
              )
            })}
          </div>
        )}
      </div>
    </section>
  )
}

// Bucketing sorts every day's list: tens of thousands of entries take tens of milliseconds, so a list the calendar
// already bucketed once (same array: useAgenda and the screen's filter keep it) is not sorted again on the next visit.
const bucketCache = new WeakMap<readonly AgendaItem[], { zone: string; buckets: ReadonlyMap<IsoDate, readonly AgendaItem[]> }>()

function bucketsOf(items: readonly AgendaItem[], teamZone: string): ReadonlyMap<IsoDate, readonly AgendaItem[]> {
  const cached = bucketCache.get(items)
  if (cached?.zone === teamZone) return cached.buckets
  const buckets = bucketByDay(items, teamZone)
  bucketCache.set(items, { zone: teamZone, buckets })
  return buckets
}

/**
 * The lines in order: the overdue entries before `start` as one group (oldest first), then each day from `start`
 * with its entries in urgency order; today, and the holidays and closures up to the last entry, even when nothing is
 * due on them: today is where a reader looks first, and no one acts on a day off.
 */
function agendaLines(
  buckets: ReadonlyMap<IsoDate, readonly AgendaItem[]>,
  start: IsoDate,
  today: IsoDate,
  lastDay: IsoDate | undefined,
  daysOff: Map<IsoDate, DayOff>,
  teamZone: string,
): Line[] {
  const days = [...buckets.keys()].sort()
  const overdue: AgendaItem[] = []
  for (const day of days) {
    if (day >= start) break
    for (const item of buckets.get(day)!) if (teamView(item, teamZone, today).state === 'overdue') overdue.push(item)
  }
  const shown = new Set(days.filter((d) => d >= start))
  if (buckets.size > 0 && today >= start) shown.add(today)
  if (lastDay !== undefined) {
    for (const [day, off] of daysOff) if (off.reason !== 'weekend' && day >= start && day <= lastDay) shown.add(day)
  }

  const lines: Line[] = []
  const entry = (item: AgendaItem, overdueGroup: boolean): Line => {
    const { day, otherZone } = entryDay(item, teamZone)
    return { kind: 'entry', key: `${overdueGroup ? 'overdue' : day}/${item.uid}`, item, day, otherZone, overdueGroup }
  }
  if (overdue.length > 0) {
    lines.push({ kind: 'heading', key: 'overdue', day: 'overdue', count: overdue.length })
    for (const item of overdue) lines.push(entry(item, true))
  }
  for (const day of [...shown].sort()) {
    const list = buckets.get(day) ?? []
    lines.push({ kind: 'heading', key: day, day, count: list.length })
    for (const item of list) lines.push(entry(item, false))
  }
  return lines
}

const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Tuesday 1 December", with the year when it is not today's: a heading has room to spell the day out. */
function longDay(day: IsoDate, today: IsoDate): string {
  const n = parseIsoDate(day)
  const { year, month, day: date } = civilDateOf(n)
  const text = `${weekdayNames[isoWeekdayOf(n) - 1]} ${date} ${monthNames[month - 1]}`
  return day.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${year}`
}

function DayHeading({
  top,
  day,
  count,
  today,
  dayOff,
  focused,
}: {
  top: number
  day: IsoDate | 'overdue'
  count: number
  today: IsoDate
  dayOff: DayOff | undefined
  focused: boolean
}) {
  const relative = day === 'overdue' ? 'Overdue' : day === today ? 'Today' : day === addDays(today, 1) ? 'Tomorrow' : undefined
  const offName = dayOffName(dayOff) ?? (dayOff ? 'Weekend' : undefined)
  const classes = ['agenda-day', day === 'overdue' && 'agenda-day-overdue', dayOff && 'agenda-day-off', focused && 'agenda-day-focus']
  return (
    <div className={classes.filter(Boolean).join(' ')} style={{ transform: `translateY(${top}px)`, height: headingHeight }}>
      <h2 className="agenda-day-title" aria-current={day === today ? 'date' : undefined}>
        {relative ?? longDay(day as IsoDate, today)}
        {relative && day !== 'overdue' && <span className="agenda-day-date"> · {longDay(day, today)}</span>}
        {offName && <span className="agenda-day-off-name"> · {offName}</span>}
      </h2>
      <span className="agenda-day-count">{count === 0 ? 'Nothing due' : count === 1 ? '1 entry' : `${count.toLocaleString('en')} entries`}</span>
    </div>
  )
}

/** One entry: its tone in words, the case, what is due and for whom, and the way to the case or its email. */
const AgendaRow = memo(function AgendaRow({
  top,
  item,
  day,
  otherZone,
  overdueGroup,
  today,
  teamZone,
  team,
}: {
  top: number
  item: AgendaItem
  day: IsoDate
  otherZone: boolean
  overdueGroup: boolean
  today: IsoDate
  teamZone: string
  /** Null while the settings load: no name yet rather than a wrong one. */
  team: TeamMember[] | null
}) {
  const { summary } = item
  // Toned as the team sees it on the day it sits on (teamView): an other-zone entry may sit a day off its own date.
  const tone = teamView(item, teamZone, today).tone
  const what = agendaKindLabel(item.kind, 'en')
  const draft = draftActionText(item, 'en')
  const assignee = team && memberName(team, summary.assigneeId)
  const casePath = `/cases/${encodeURIComponent(item.caseId)}`
  return (
    <article
      className={`agenda-row agenda-row-${tone}`}
      aria-label={`${summary.key} ${what}, ${chipToneLabel(tone, 'en')}`}
      style={{ transform: `translateY(${top}px)`, height: rowHeight }}
    >
      <span className={`tone-pill tone-${tone}`}>{chipToneLabel(tone, 'en')}</span>
      <Link className="agenda-key mono" to={casePath}>
        {summary.key}
      </Link>
      <div className="agenda-what">
        <div className="agenda-what-line">
          <strong>{what}</strong>
          {overdueGroup && <span className="agenda-due"> · was due {formatDueDay(day, today, 'en')}</span>}
          {otherZone && (
            <span className="agenda-zone">
              <span aria-hidden="true">◷ </span>
              {otherZoneText(item.zone, 'en')}
            </span>
          )}
        </div>
        <div className="agenda-title" title={summary.title}>
          {summary.title}
        </div>
      </div>
      <div className="agenda-who">
        <span className={assignee ? 'agenda-assignee' : 'agenda-assignee muted'}>{assignee ?? ''}{assignee === '' && 'Unassigned'}</span>
        <span className="agenda-severity">
          <SeverityBadge rating={summary.rating} score={summary.score} />
        </span>
      </div>
      <span className="agenda-actions">
        {draft && item.ruleId !== null && (
          <Link
            className="button button-quiet"
            to={draftPath(item.caseId, { deadline: { ruleId: item.ruleId, occurrence: item.occurrence } })}
            title={draft}
            aria-label={`${draft} for ${summary.key}`}
          >
            Draft
          </Link>
        )}
        <Link className="button" to={casePath} aria-label={`Open ${summary.key}`}>
          Open
        </Link>
      </span>
    </article>
  )
})
