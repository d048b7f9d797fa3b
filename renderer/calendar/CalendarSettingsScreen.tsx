import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { CalendarSettings, HolidayType, type ResolvedCalendarSpec } from '../../src/calendar/spec'
import { fieldIssues, userWords } from '../../src/errors'
import { isTimeZone } from '../../src/time'
import { DeskFailure } from '../desk'
import { Field, focusFirstInvalid } from '../forms/Field'
import { FormButtons } from '../forms/FormButtons'
import { useSettings } from '../queries/settings'
import { useSettingsEdit } from '../settings/SettingsConflict'
import { SettingsUnavailable } from '../settings/SettingsUnavailable'
import { useProblems } from '../shell/Problems'
import { useUnsavedChangesGuard } from '../shell/UnsavedChanges'
import { timeZoneChoices } from '../time/timeZones'
import { holidayTypeLabels, sameCalendar, weekdayNames } from './calendarSummary'
import { DateListField } from './DateListField'
import { HolidayYear } from './HolidayYear'
import { usePlaces } from './usePlaces'
import '../deadlines.css'

type Errors = Record<string, string>

const fieldNames: Record<string, string> = {
  'spec.country': 'Country',
  'spec.state': 'State or province',
  'spec.region': 'Region',
  'spec.holidayTypes': 'Holidays counted',
  'spec.workWeek': 'Work week',
  'spec.closures': 'Closures',
  'spec.workingDays': 'Make-up working days',
  'spec.overrides': 'Holidays in the year',
  'spec.timeZone': 'Time zone',
  endOfWorkingDay: 'End of working day',
}

// Says which days are meant, where the general wording would only say 'Add at least 1'.
const friendlier: Record<string, string> = { 'spec.workWeek': 'Choose at least one working day' }

/** The first message per field, keyed by the field's path below the calendar settings ('spec.timeZone'). */
function errorsOf(issues: { path: string; message: string }[]): Errors {
  const errors: Errors = {}
  for (const issue of issues) {
    const path = issue.path.replace(/^calendar\./, '')
    const field = Object.keys(fieldNames).find((f) => path === f || path.startsWith(`${f}.`)) ?? path
    errors[field] ??= friendlier[field] ?? issue.message
  }
  return errors
}

/**
 * The team calendar's settings: what counts as a business day for every new case's deadlines. Named "Team calendar"
 * so it is not mistaken for the deadline calendar at /calendar, which shows these days off but does not change them.
 */
export function CalendarSettingsScreen() {
  const { settings } = useSettings()
  return (
    <div className="screen">
      <header className="screen-header">
        <p className="breadcrumb small">
          <Link to="/settings">Settings</Link> / Team calendar
        </p>
        <h1>Team calendar</h1>
        <p className="screen-lead">
          Which days count as business days for deadlines. Changes apply to new cases; an existing case keeps the calendar
          it was received with until you re-pin it on its page. The <Link to="/calendar">deadline calendar</Link> shows
          these days off next to every case’s deadlines.
        </p>
      </header>
      {settings ? (
        <CalendarForm initial={settings.calendar} />
      ) : (
        <SettingsUnavailable />
      )}
    </div>
  )
}

function CalendarForm({ initial }: { initial: CalendarSettings }) {
  const { settings } = useSettings()
  const { save, conflict } = useSettingsEdit()
  const { report } = useProblems()
  // The saved calendar the draft started from: when nothing was changed here, a save elsewhere (another app on the
  // shared file) shows at once; when something was, the user's edits stay.
  const [base, setBase] = useState<CalendarSettings>(initial)
  const [draft, setDraft] = useState<CalendarSettings>(initial)
  const dirty = !sameCalendar(draft, base)
  useUnsavedChangesGuard(dirty, 'the team calendar')
  useEffect(() => {
    if (dirty || sameCalendar(initial, base)) return
    setBase(initial)
    setDraft(initial)
  }, [initial, base, dirty])
  const [errors, setErrors] = useState<Errors>({})
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const { spec } = draft
  const places = usePlaces(spec.country, spec.state)
  const zones = useMemo(() => timeZoneChoices(), [])

  function change(next: Partial<CalendarSettings>, fields: string[]) {
    setDraft((d) => ({ ...d, ...next }))
    setSaved(false)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !fields.includes(field))))
  }
  const changeSpec = (next: Partial<ResolvedCalendarSpec>) =>
    change({ spec: { ...spec, ...next } }, Object.keys(next).map((k) => `spec.${k}`))

  function changePlace(place: Pick<ResolvedCalendarSpec, 'country' | 'state' | 'region'>) {
    // A zone that was the old place's own follows the place; one the user chose stays.
    const zoneFollowsPlace = spec.timeZone === undefined || spec.timeZone === places?.timeZone
    changeSpec({ ...place, ...(zoneFollowsPlace ? { timeZone: undefined } : {}) })
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    // An empty zone is saved as none, the place's own: filled in, it would count as this person's change of a zone they
    // never touched, and pin the place's zone over a colleague's move to another country.
    const candidate = { ...draft, spec: { ...spec, timeZone: spec.timeZone?.trim() || undefined } }
    const parsed = CalendarSettings.safeParse(candidate, { error: userWords })
    const found = parsed.success ? {} : errorsOf(fieldIssues(parsed.error))
    const zone = candidate.spec.timeZone
    if (zone && !isTimeZone(zone)) found['spec.timeZone'] ??= `“${zone}” is not a time zone; choose one from the list, e.g. Europe/Amsterdam`
    if (!parsed.success || Object.keys(found).length > 0 || !settings) {
      setErrors(found)
      return focusFirstInvalid(formRef.current)
    }
    setBusy(true)
    try {
      const next = await save({ ...settings, calendar: parsed.data }, { ...settings, calendar: base })
      // Back from a conflict to the form: nothing saved, everything as typed.
      if (!next) return
      setBase(next.calendar)
      setDraft(next.calendar)
      setErrors({})
      setSaved(true)
    } catch (error) {
      const atFields = error instanceof DeskFailure ? errorsOf(error.issues) : {}
      // A refusal that names its fields is shown there; anything else in the screen's problem area.
      if (Object.keys(atFields).length > 0) {
        setErrors(atFields)
        focusFirstInvalid(formRef.current)
      } else report(error)
    } finally {
      setBusy(false)
    }
  }

  const invalid = Object.keys(errors)
  return (
    <>
      {conflict}
      {/* While a conflict is shown, the form waits behind it with everything chosen. */}
      <div className="calendar-layout clash-waiting" hidden={Boolean(conflict)}>
        <form ref={formRef} className="calendar-form" noValidate aria-label="Team calendar settings" onSubmit={(e) => void submit(e)}>
          {invalid.length > 0 && (
            <p className="form-summary" role="alert">
              The team calendar was not saved. Check: {invalid.map((f) => fieldNames[f] ?? f).join(', ')}.
            </p>
          )}
          <fieldset className="form-section">
            <legend>Place</legend>
            <div className="field-grid">
              <Field label="Country" error={errors['spec.country']} wide>
                {(a) => (
                  <select {...a} value={spec.country} onChange={(e) => changePlace({ country: e.target.value, state: undefined, region: undefined })}>
                    {(places?.countries ?? [{ code: spec.country, name: spec.country }]).map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="State or province" error={errors['spec.state']} optional>
                {(a) => (
                  <select
                    {...a}
                    value={spec.state ?? ''}
                    disabled={!places || places.states.length === 0}
                    onChange={(e) => changePlace({ country: spec.country, state: e.target.value || undefined, region: undefined })}
                  >
                    <option value="">{places && places.states.length === 0 ? 'No states in the data' : 'Whole country'}</option>
                    {places?.states.map((s) => (
                      <option key={s.code} value={s.code}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Region" error={errors['spec.region']} optional>
                {(a) => (
                  <select
                    {...a}
                    value={spec.region ?? ''}
                    disabled={!places || places.regions.length === 0}
                    onChange={(e) => changeSpec({ region: e.target.value || undefined })}
                  >
                    <option value="">{spec.state ? 'Whole state' : 'Choose a state first'}</option>
                    {places?.regions.map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label="Time zone"
                error={errors['spec.timeZone']}
                hint={places?.timeZone ? `Empty: the place’s own zone, ${places.timeZone}.` : 'Deadlines end at midnight in this zone.'}
                wide
              >
                {(a) => (
                  <>
                    <input
                      {...a}
                      type="text"
                      list="calendar-time-zones"
                      autoComplete="off"
                      spellCheck={false}
                      placeholder={places?.timeZone ?? ''}
                      value={spec.timeZone ?? ''}
                      onChange={(e) => changeSpec({ timeZone: e.target.value || undefined })}
                    />
                    <datalist id="calendar-time-zones">
                      {zones.map((z) => (
                        <option key={z} value={z} />
                      ))}
                    </datalist>
                  </>
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>Business days</legend>
            <div className="calendar-fields">
              <fieldset className="choice-group" aria-describedby={errors['spec.holidayTypes'] ? 'holiday-types-error' : undefined}>
                <legend className="field-label">Holidays counted as non-working</legend>
                <div className="choice-row">
                  {HolidayType.options.map((type) => (
                    <label key={type} className="choice">
                      <input
                        type="checkbox"
                        checked={spec.holidayTypes.includes(type)}
                        onChange={(e) =>
                          changeSpec({
                            holidayTypes: e.target.checked
                              ? [...spec.holidayTypes, type]
                              : spec.holidayTypes.filter((t) => t !== type),
                          })
                        }
                      />
                      {holidayTypeLabels[type]}
                    </label>
                  ))}
                </div>
                {errors['spec.holidayTypes'] && (
                  <div className="field-error" id="holiday-types-error">
                    {errors['spec.holidayTypes']}
                  </div>
                )}
              </fieldset>

              <fieldset className="choice-group" aria-describedby={errors['spec.workWeek'] ? 'work-week-error' : undefined}>
                <legend className="field-label">Work week</legend>
                <div className="segmented">
                  {weekdayNames.map((name, i) => {
                    const day = i + 1
                    const on = spec.workWeek.includes(day)
                    return (
                      <button
                        key={name}
                        type="button"
                        className={on ? 'weekday weekday-on' : 'weekday'}
                        aria-pressed={on}
                        aria-invalid={Boolean(errors['spec.workWeek'])}
                        onClick={() =>
                          changeSpec({ workWeek: on ? spec.workWeek.filter((d) => d !== day) : [...spec.workWeek, day].sort() })
                        }
                      >
                        {name}
                      </button>
                    )
                  })}
                </div>
                {errors['spec.workWeek'] && (
                  <div className="field-error" id="work-week-error">
                    {errors['spec.workWeek']}
                  </div>
                )}
              </fieldset>

              <div className="field-grid">
                <Field label="End of working day" error={errors.endOfWorkingDay} hint="In the team’s time zone.">
                  {(a) => (
                    <input
                      {...a}
                      type="time"
                      className="time-input"
                      value={draft.endOfWorkingDay}
                      onChange={(e) => change({ endOfWorkingDay: e.target.value }, ['endOfWorkingDay'])}
                    />
                  )}
                </Field>
                <label className="checkbox checkbox-wrap field-wide">
                  <input
                    type="checkbox"
                    checked={draft.afterHoursCountsNextDay}
                    onChange={(e) => change({ afterHoursCountsNextDay: e.target.checked }, [])}
                  />
                  Count reports received after hours from the next business day
                </label>
              </div>
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>Exceptions</legend>
            <div className="calendar-fields">
              <DateListField
                legend="Closures"
                hint="Days the team does not work although the calendar says it does, such as a company shutdown."
                dates={spec.closures}
                addLabel="Add closure"
                error={errors['spec.closures']}
                onChange={(closures) => changeSpec({ closures })}
              />
              <DateListField
                legend="Make-up working days"
                hint="Days the team works although the calendar says it does not, such as a Saturday worked in exchange for a bridge day."
                dates={spec.workingDays}
                addLabel="Add working day"
                error={errors['spec.workingDays']}
                onChange={(workingDays) => changeSpec({ workingDays })}
              />
            </div>
          </fieldset>

          <FormButtons
            submit="Save team calendar"
            cancel="Discard changes"
            onCancel={() => {
              setDraft(base)
              setErrors({})
            }}
            busy={busy}
            className="form-actions form-actions-sticky"
          >
            {saved && (
              <p className="save-note" role="status">
                Saved. New cases are counted on this team calendar; existing cases keep theirs.
              </p>
            )}
          </FormButtons>
        </form>
        <HolidayYear spec={spec} onOverrides={(overrides) => changeSpec({ overrides })} />
      </div>
    </>
  )
}
