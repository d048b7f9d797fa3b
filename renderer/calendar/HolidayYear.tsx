import { useState } from 'react'
import { CalendarSpec, type HolidayOverride, type ResolvedCalendarSpec } from '../../src/calendar/spec'
import { formatDay } from '../../src/i18n'
import type { Res } from '../../src/ipc/contract'
import { messageOf } from '../desk'
import { useHolidaysQuery } from '../queries/calendar'
import { holidayTypeNames } from './calendarSummary'

type Holiday = Res<'calendar:holidays'>[number]
type Choice = 'data' | HolidayOverride['treatAs']

const choiceLabels: Record<Choice, string> = {
  data: 'As the data says',
  non_working: 'Count as non-working',
  working: 'Treat as working day',
}

const firstYear = 1900
const lastYear = 2200

/**
 * The holidays of one year under the calendar being edited, counted or not, each with a choice that holds every year.
 * Shows unsaved changes, so the effect of a choice is visible before saving.
 */
export function HolidayYear({
  spec,
  onOverrides,
}: {
  spec: ResolvedCalendarSpec
  onOverrides(overrides: HolidayOverride[]): void
}) {
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [yearText, setYearText] = useState(String(year))
  // The zone does not change which dates are holidays; leaving it out keeps a half-typed zone from failing the list.
  const { timeZone: _, ...datesOnly } = spec
  const specValid = CalendarSpec.safeParse(datesOnly).success
  const { data: holidays, error } = useHolidaysQuery(datesOnly, year, specValid)
  const problem = error ? messageOf(error) : null

  function chooseYear(text: string) {
    setYearText(text)
    const next = Number(text)
    if (Number.isInteger(next) && next >= firstYear && next <= lastYear) setYear(next)
  }

  function choose(holiday: Holiday, choice: Choice) {
    const others = spec.overrides.filter((o) => o.rule !== holiday.rule)
    onOverrides(choice === 'data' ? others : [...others, { rule: holiday.rule, name: holiday.name, treatAs: choice }])
  }

  const yearValid = String(year) === yearText
  return (
    <section className="card holiday-year" aria-labelledby="holiday-year-title">
      <div className="holiday-year-head">
        <h2 id="holiday-year-title">Holidays in {year}</h2>
        <div className="year-picker">
          <button type="button" className="button" aria-label="Previous year" disabled={year <= firstYear} onClick={() => chooseYear(String(year - 1))}>
            ‹
          </button>
          <input
            type="number"
            aria-label="Year"
            min={firstYear}
            max={lastYear}
            value={yearText}
            aria-invalid={!yearValid}
            onChange={(e) => chooseYear(e.target.value)}
          />
          <button type="button" className="button" aria-label="Next year" disabled={year >= lastYear} onClick={() => chooseYear(String(year + 1))}>
            ›
          </button>
        </div>
      </div>
      <p className="field-hint holiday-year-lead">
        date-holidays sorts each day into a type, and only the types you count are non-working. Its types do not always
        match the law you work under: it types Good Friday and Liberation Day in the Netherlands as school holidays, while
        the Dutch General Time Limits Act (Algemene termijnenwet) counts them. A choice made here holds for that holiday
        every year.
      </p>
      {!yearValid && <p className="field-error">Choose a year from {firstYear} to {lastYear}.</p>}
      {!specValid ? (
        <p className="muted">The holidays show again once the settings beside them are valid.</p>
      ) : problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : !holidays ? (
        <p className="muted" aria-busy="true">
          Loading holidays…
        </p>
      ) : holidays.list.length === 0 ? (
        <p className="muted">date-holidays lists no holidays for this place in {holidays.year}.</p>
      ) : (
        <table className="holiday-table" aria-label={`Holidays in ${holidays.year}`}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Holiday</th>
              <th scope="col">Type</th>
              <th scope="col">Counted</th>
              <th scope="col">Every year</th>
            </tr>
          </thead>
          <tbody>
            {holidays.list.map((h) => (
              <tr key={`${h.date}-${h.rule}`} className={h.counted ? 'holiday-counted' : undefined}>
                <td className="holiday-date">
                  <time dateTime={h.date}>{formatDay(h.date, 'en')}</time>
                </td>
                <td>{h.name}</td>
                <td className="muted">{holidayTypeNames[h.type]}</td>
                <td>
                  <span className={h.counted ? 'holiday-flag holiday-flag-on' : 'holiday-flag'}>{h.counted ? 'Counted' : 'Not counted'}</span>
                </td>
                <td>
                  <select
                    aria-label={`${h.name}: every year`}
                    value={h.overridden ?? 'data'}
                    className={h.overridden ? 'holiday-override-on' : undefined}
                    onChange={(e) => choose(h, e.target.value as Choice)}
                  >
                    {(Object.keys(choiceLabels) as Choice[]).map((c) => (
                      <option key={c} value={c}>
                        {choiceLabels[c]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
