import { useQueryClient } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { IsoDate } from '../../src/calendar/spec'
import { nextDayChange } from '../../src/ipc/dayChange'
import { dateInZone } from '../../src/time'
import { localTimeZone } from '../time/timeZones'
import { usePlacesQuery } from './calendar'
import { invalidateCountedOnTheClock } from './cases'
import { caseKeys, policiesKey, settingsKey } from './keys'
import { useSettingsQuery } from './settings'
import { templatesKey } from './templates'

const TodayContext = createContext<IsoDate | null>(null)

/**
 * Keeps the cache true while the app is open: each event main sends invalidates what it names, and "today" (the team's
 * day) moves on at midnight, by main's 'clock:dayChanged' or by this window's own timer, whichever comes first; then
 * everything counted on the clock loads again. Menu navigation arrives here too.
 */
export function LiveUpdates({ onNavigate, children }: { onNavigate(to: string): void; children: ReactNode }) {
  const client = useQueryClient()
  const zone = useTeamZone()
  const [today, setToday] = useState(() => dateInZone(Date.now(), zone))
  const navigate = useRef(onNavigate)
  navigate.current = onNavigate

  useEffect(() => {
    const { on } = window.desk.events
    const invalidate = (queryKey: readonly unknown[]) => void client.invalidateQueries({ queryKey })
    const stop = [
      on('case:changed', ({ id }) => {
        invalidate(caseKeys.one(id))
        invalidate(caseKeys.list)
        invalidate(caseKeys.agenda)
        invalidate(caseKeys.searches)
      }),
      on('cases:changed', () => invalidate(caseKeys.all)),
      on('settings:changed', () => invalidate(settingsKey)),
      // A template edited here or in a colleague's app: the list and every open editor and draft picker show it.
      on('templates:changed', () => invalidate(templatesKey)),
      on('policies:changed', () => {
        invalidate(policiesKey)
        invalidate(caseKeys.all)
      }),
      // 'store:changedOnDisk' needs nothing here: main sends it after the cases:, settings: and policies:changed events
      // that name what another app's write changed, and those already invalidate it.
      on('clock:dayChanged', (day) => setToday(day.today)),
      on('app:navigate', ({ to }) => navigate.current(to)),
    ]
    return () => stop.forEach((off) => off())
  }, [client])

  useEffect(() => setToday(dateInZone(Date.now(), zone)), [zone])

  // Set again after each firing, also when main had already announced the day: the next midnight needs its own timer.
  const [timerRuns, setTimerRuns] = useState(0)
  useEffect(() => {
    const next = nextDayChange(Date.now(), zone)
    // A timer may fire a little early (throttled, or a test's clock); the day it was set for has begun all the same.
    const timer = setTimeout(() => {
      setToday((current) => (next.today > current ? next.today : current))
      setTimerRuns((n) => n + 1)
    }, Math.max(0, next.at - Date.now()))
    return () => clearTimeout(timer)
  }, [zone, timerRuns])

  const shown = useRef(today)
  useEffect(() => {
    if (shown.current === today) return
    shown.current = today
    void invalidateCountedOnTheClock(client)
  }, [client, today])

  return <TodayContext.Provider value={today}>{children}</TodayContext.Provider>
}

/**
 * The zone the team's days begin and end in, as main counts them: the calendar's own zone, else its place's; this
 * computer's zone until the settings are in.
 */
export function useTeamZone(): string {
  const spec = useSettingsQuery().data?.calendar.spec
  const byPlace = spec !== undefined && !spec.timeZone
  const places = usePlacesQuery(spec?.country, spec?.state, byPlace)
  return spec?.timeZone ?? places.data?.timeZone ?? localTimeZone()
}

/** The team's date today ('2026-12-01'); moves on at midnight in the team's zone while the app is open. */
export function useToday(): IsoDate {
  const today = useContext(TodayContext)
  if (!today) throw new Error('useToday is used outside LiveUpdates')
  return today
}
