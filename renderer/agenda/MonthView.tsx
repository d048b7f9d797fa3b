import { memo, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { teamView } from '../../src/agenda/teamView'
import { civilDateOf, parseIsoDate } from '../../src/calendar/dayNumber'
import type { IsoDate } from '../../src/calendar/spec'
import { monthName, weekdayName } from '../../src/i18n'
import type { DayOff } from '../../src/ipc/contract'
import type { AgendaItem } from '../queries/agenda'
import { dayCellLabel, dayOffName } from './calendarView'
import { DeadlineChip, type ChipAssignee, type ChipLinks } from './DeadlineChip'

/** What every grid day needs from the screen; one object, so the memoized days compare a handful of props. */
export type GridContext = {
  today: IsoDate
  teamZone: string
  assignees: ReadonlyMap<string, ChipAssignee>
  links: ChipLinks
  /** A click on a day's free space focuses it. */
  onFocusDay(day: IsoDate): void
  /** "+N more": the day in the agenda view. */
  onOpenDay(day: IsoDate): void
}

// Three chips and a "+N more" fit a day at 1024×700, and keep a month of 40,000 entries at about 130 chips.
export const chipsPerMonthDay = 3

const noEntries: readonly AgendaItem[] = []

export function MonthView({
  label,
  weeks,
  month,
  focusedDay,
  buckets,
  daysOff,
  context,
  gridRef,
  onKeyDown,
}: {
  label: string
  weeks: IsoDate[][]
  /** 'YYYY-MM': days outside it are dimmed. */
  month: string
  focusedDay: IsoDate
  buckets: ReadonlyMap<IsoDate, readonly AgendaItem[]>
  daysOff: ReadonlyMap<IsoDate, DayOff>
  context: GridContext
  gridRef: RefObject<HTMLDivElement | null>
  onKeyDown(event: KeyboardEvent<HTMLElement>): void
}) {
  return (
    <div className="month-grid" role="grid" aria-label={label} aria-readonly="true" tabIndex={-1} ref={gridRef} onKeyDown={onKeyDown}>
      <WeekdayHead week={weeks[0]!} />
      {/* Keyed by place, not date: the next month reuses the same cells and chips, setting new text instead of new nodes. */}
      {weeks.map((week, w) => (
        <div role="row" className="month-week" key={w}>
          {week.map((d, i) => (
            <MonthDay
              key={i}
              day={d}
              inMonth={d.startsWith(month)}
              focused={d === focusedDay}
              entries={buckets.get(d) ?? noEntries}
              dayOff={daysOff.get(d)}
              context={context}
            />
          ))}
        </div>
      ))}
    </div>
  )
}

/** One day of the month: its number, its day off by name, the three most urgent entries and how many more there are. */
const MonthDay = memo(function MonthDay({
  day,
  inMonth,
  focused,
  entries,
  dayOff,
  context,
}: {
  day: IsoDate
  inMonth: boolean
  focused: boolean
  entries: readonly AgendaItem[]
  dayOff: DayOff | undefined
  context: GridContext
}) {
  const shown = entries.slice(0, chipsPerMonthDay)
  const more = entries.length - shown.length
  return (
    <DayCell day={day} focused={focused} entries={entries} dayOff={dayOff} context={context} className={inMonth ? '' : ' day-other-month'}>
      <DayHead day={day} today={context.today} dayOff={dayOff} withMonth={civilDateOf(parseIsoDate(day)).day === 1} />
      {shown.length > 0 && <DayChips entries={shown} focused={focused} context={context} />}
      {more > 0 && (
        <button type="button" className="day-more" tabIndex={focused ? 0 : -1} onClick={() => context.onOpenDay(day)}>
          +{more} more
        </button>
      )}
    </DayCell>
  )
})

/** The grid cell around a day, shaded when it is a day off, marked when it is today, focusable by the roving focus. */
export function DayCell({
  day,
  focused,
  entries,
  dayOff,
  context,
  className,
  children,
}: {
  day: IsoDate
  focused: boolean
  entries: readonly AgendaItem[]
  dayOff: DayOff | undefined
  context: GridContext
  className: string
  children: ReactNode
}) {
  const classes = `day${dayOff ? ` day-off day-off-${dayOff.reason}` : ''}${day === context.today ? ' day-today' : ''}${className}`
  return (
    <div
      role="gridcell"
      className={classes}
      data-day={day}
      tabIndex={focused ? 0 : -1}
      aria-selected={focused}
      aria-label={dayCellLabel(day, context.today, dayOff, entries.length)}
      aria-current={day === context.today ? 'date' : undefined}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a, button')) context.onFocusDay(day)
      }}
    >
      {children}
    </div>
  )
}

/** The day's number (with the month on the 1st) and the name of its holiday or closure. */
export function DayHead({ day, today, dayOff, withMonth }: { day: IsoDate; today: IsoDate; dayOff: DayOff | undefined; withMonth: boolean }) {
  const name = dayOffName(dayOff)
  const number = civilDateOf(parseIsoDate(day)).day
  return (
    <div className="day-head">
      <span className="day-number">
        {number}
        {withMonth && ` ${monthName(day, 'en')}`}
      </span>
      {day === today && <span className="day-today-word">Today</span>}
      {name && (
        <span className="day-off-name" title={name}>
          {name}
        </span>
      )}
    </div>
  )
}

/** The grid's row of weekday names, Monday first, for the month and the week alike. */
export function WeekdayHead({ week }: { week: readonly IsoDate[] }) {
  return (
    <div role="row" className="grid-head">
      {week.map((d) => (
        <div role="columnheader" key={d} className="grid-weekday">
          {weekdayName(d, 'en')}
        </div>
      ))}
    </div>
  )
}

/** A day's chips, each toned against today and marked when its day was counted on another zone's clock. */
export function DayChips({
  entries,
  focused,
  context,
}: {
  entries: readonly AgendaItem[]
  focused: boolean
  context: GridContext
}) {
  return (
    <ul className="day-chips">
      {entries.map((item, i) => (
        <DeadlineChip
          key={i}
          item={item}
          // Toned as the team sees it on the day it sits on: an entry counted on another zone's clock may carry a date
          // and a state a day off the cell's.
          tone={teamView(item, context.teamZone, context.today).tone}
          assignee={item.summary.assigneeId === undefined ? undefined : context.assignees.get(item.summary.assigneeId)}
          // entryDay's own test, without the zone conversion it would do for the day already bucketed.
          otherZone={item.zone !== context.teamZone}
          tabbable={focused}
          links={context.links}
        />
      ))}
    </ul>
  )
}
