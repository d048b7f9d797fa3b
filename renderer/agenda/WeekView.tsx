import { memo, type KeyboardEvent, type RefObject } from 'react'
import type { IsoDate } from '../../src/calendar/spec'
import type { DayOff } from '../../src/ipc/contract'
import type { AgendaItem } from '../queries/agenda'
import { DayCell, DayChips, DayHead, WeekdayHead, type GridContext } from './MonthView'

const noEntries: readonly AgendaItem[] = []

/** Seven columns, Monday first, each with every entry of its day; a long day scrolls within its column. */
export function WeekView({
  label,
  week,
  focusedDay,
  buckets,
  daysOff,
  context,
  gridRef,
  onKeyDown,
}: {
  label: string
  week: IsoDate[]
  focusedDay: IsoDate
  buckets: ReadonlyMap<IsoDate, readonly AgendaItem[]>
  daysOff: ReadonlyMap<IsoDate, DayOff>
  context: GridContext
  gridRef: RefObject<HTMLDivElement | null>
  onKeyDown(event: KeyboardEvent<HTMLElement>): void
}) {
  return (
    <div className="week-grid" role="grid" aria-label={label} aria-readonly="true" tabIndex={-1} ref={gridRef} onKeyDown={onKeyDown}>
      <WeekdayHead week={week} />
      <div role="row" className="week-days">
        {week.map((d, i) => (
          <WeekDay key={i} day={d} focused={d === focusedDay} entries={buckets.get(d) ?? noEntries} dayOff={daysOff.get(d)} context={context} />
        ))}
      </div>
    </div>
  )
}

const WeekDay = memo(function WeekDay({
  day,
  focused,
  entries,
  dayOff,
  context,
}: {
  day: IsoDate
  focused: boolean
  entries: readonly AgendaItem[]
  dayOff: DayOff | undefined
  context: GridContext
}) {
  return (
    <DayCell day={day} focused={focused} entries={entries} dayOff={dayOff} context={context} className="">
      <DayHead day={day} today={context.today} dayOff={dayOff} withMonth />
      <div className="week-day-entries">
        {entries.length > 0 ? (
          <DayChips entries={entries} focused={focused} context={context} />
        ) : (
          <p className="week-day-empty">Nothing due</p>
        )}
      </div>
    </DayCell>
  )
})
