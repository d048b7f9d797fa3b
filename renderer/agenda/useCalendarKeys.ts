import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react'
import { addDays, addMonths, weekOf } from '../../src/agenda/calendarDays'
import type { IsoDate } from '../../src/calendar/spec'

/** Where a key moves the focused day, or null for a key the grid leaves alone. */
export function dayAfterKey(key: string, day: IsoDate): IsoDate | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1)
    case 'ArrowRight':
      return addDays(day, 1)
    case 'ArrowUp':
      return addDays(day, -7)
    case 'ArrowDown':
      return addDays(day, 7)
    case 'PageUp':
      return addMonths(day, -1)
    case 'PageDown':
      return addMonths(day, 1)
    case 'Home':
      return weekOf(day)[0]!
    case 'End':
      return weekOf(day)[6]!
    default:
      return null
  }
}

/**
 * The grid's keyboard, one roving focused day (WAI-ARIA's date grid): arrows move it a day or a week, Page Up / Page
 * Down a month, Home / End to the week's start and end, "t" to today, Enter on a day opens it in the agenda. Enter on
 * a chip is the chip's own (its link opens the case). After a move, focus follows to the new day's cell once it is on
 * screen, which may be in the next month's grid.
 */
export function useCalendarKeys({
  day,
  today,
  onMove,
  onOpenDay,
}: {
  day: IsoDate
  today: IsoDate
  onMove(day: IsoDate): void
  onOpenDay(day: IsoDate): void
}) {
  const gridRef = useRef<HTMLDivElement>(null)
  const focusPending = useRef(false)

  useEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    gridRef.current?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus()
  }, [day])

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return
      const onCell = (event.target as HTMLElement).dataset['day'] !== undefined
      if (event.key === 'Enter' && onCell) {
        event.preventDefault()
        onOpenDay(day)
        return
      }
      const next = event.key === 't' || event.key === 'T' ? today : dayAfterKey(event.key, day)
      if (next === null) return
      event.preventDefault()
      if (next === day) {
        gridRef.current?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus()
        return
      }
      focusPending.current = true
      // Hold the focus on the grid while the new days render: the old day's cell (or chip) loses its tab stop in that
      // commit, and Chromium brings a focused element's style and layout up to date when its tabindex changes, which
      // inside the grid's size container lays the half-updated month out once more (~5 ms of a Page Down).
      gridRef.current?.focus({ preventScroll: true })
      onMove(next)
    },
    [day, today, onMove, onOpenDay],
  )

  return { gridRef, onKeyDown }
}
