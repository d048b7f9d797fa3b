import { useState } from 'react'
import type { Case } from '../../src/cases/case'
import type { CalendarSettings } from '../../src/calendar/spec'
import { describeWorkWeek, holidayTypeLabels, sameCalendar } from '../calendar/calendarSummary'
import { placeName, usePlaces } from '../calendar/usePlaces'
import { call } from '../desk'
import { useSettings } from '../queries/settings'
import { useAction } from '../shell/useAction'

/** "Netherlands · Public holidays · Mon–Fri · Europe/Amsterdam · day ends 17:00" */
export function useCalendarDescription(calendar: CalendarSettings): string {
  const { spec } = calendar
  const places = usePlaces(spec.country, spec.state)
  const place = [
    placeName(places?.countries, spec.country) ?? spec.country,
    placeName(places?.states, spec.state),
    placeName(places?.regions, spec.region),
  ]
    .filter(Boolean)
    .join(', ')
  const types = (spec.holidayTypes ?? ['public']).map((t) => holidayTypeLabels[t].toLowerCase()).join(', ')
  const extras = [
    (spec.closures?.length ?? 0) > 0 && `${spec.closures!.length} closure day${spec.closures!.length === 1 ? '' : 's'}`,
    (spec.overrides?.length ?? 0) > 0 && `${spec.overrides!.length} holiday override${spec.overrides!.length === 1 ? '' : 's'}`,
  ].filter(Boolean)
  return [
    place,
    types.charAt(0).toUpperCase() + types.slice(1),
    describeWorkWeek(spec.workWeek ?? [1, 2, 3, 4, 5]),
    ...extras,
    spec.timeZone ?? places?.timeZone ?? '',
    `day ends ${calendar.endOfWorkingDay}`,
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * Which calendar the case's dates are counted on: the team's calendar when the case was received. When the settings
 * have changed since, the user may re-pin on purpose, after being told that promised dates may move.
 */
export function PinnedCalendar({ kase, onCaseChange }: { kase: Case; onCaseChange(next: Case): void }) {
  const { settings } = useSettings()
  const { busy, run } = useAction()
  const [confirming, setConfirming] = useState(false)
  const pinned = useCalendarDescription(kase.calendar)
  const current = settings?.calendar
  const differs = current !== undefined && !sameCalendar(kase.calendar, current)

  const repin = () =>
    run(async () => {
      onCaseChange(await call((desk) => desk.cases.repinCalendar({ id: kase.id })))
      setConfirming(false)
    })

  return (
    <div className="pinned-calendar">
      <p>
        <span className="pinned-calendar-label">Counted on</span> {pinned}
      </p>
      {differs && !confirming && (
        <p className="pinned-calendar-differs">
          The calendar settings have changed since this case was received; its dates are still counted on the calendar
          above.{' '}
          <button type="button" className="button button-quiet" onClick={() => setConfirming(true)}>
            Re-pin to current calendar settings…
          </button>
        </p>
      )}
      {differs && confirming && <RepinConfirmation current={current} busy={busy} onRepin={repin} onKeep={() => setConfirming(false)} />}
    </div>
  )
}

function RepinConfirmation({
  current,
  busy,
  onRepin,
  onKeep,
}: {
  current: CalendarSettings
  busy: boolean
  onRepin(): Promise<void>
  onKeep(): void
}) {
  const next = useCalendarDescription(current)
  return (
    <div className="repin-confirm" role="group" aria-label="Re-pin calendar">
      <p>
        Count this case on the current calendar settings instead: <strong>{next}</strong>.
      </p>
      <p>
        Promised dates may move, including dates you already gave the reporter, and a deadline met on time may then count
        as late. The timeline records the change.
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void onRepin()}>
          Re-pin calendar
        </button>
        <button type="button" className="button" onClick={onKeep}>
          Keep the pinned calendar
        </button>
      </div>
    </div>
  )
}
