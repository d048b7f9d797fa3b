import type { IsoDate } from '../src/calendar/spec'
import { nextDayChange } from '../src/ipc/dayChange'

/**
 * Announces each new day in the team's zone at its first millisecond. The zone can change with the settings, so the
 * owner calls reschedule() after a settings change or a store switch; the timer is then set again from the clock.
 */
export function startDayClock(teamZone: () => string, announce: (today: IsoDate) => void, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const reschedule = () => {
    clearTimeout(timer)
    const { at, today } = nextDayChange(now(), teamZone())
    timer = setTimeout(() => {
      announce(today)
      reschedule()
    }, Math.max(0, at - now()))
    // A pending day change must not keep a quitting process alive.
    timer.unref?.()
  }
  reschedule()
  return {
    reschedule,
    stop: () => clearTimeout(timer),
  }
}
