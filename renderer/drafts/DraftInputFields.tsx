import { memo, useMemo, useState } from 'react'
import type { Case } from '../../src/cases/case'
import { expectedResolution, plannedPublication } from '../../src/cases/history'
import { draftInputProblems } from '../../src/drafts/draftChecks'
import { purposeInputs, purposeOptionalInputs, type DraftInputs, type TemplatePurpose } from '../../src/drafts/template'
import { formatDay, formatForZone } from '../../src/i18n'
import { dateInZone, instantAt, wallClockText, zonedIso } from '../../src/time'
import { offsetAt } from '../../src/time/offsets'
import { Field, type ControlProps } from '../forms/Field'
import { timeZoneChoices } from '../time/timeZones'

// One array for every purpose that asks for nothing, so the variables are not worked out again on each keystroke.
const noInputs: readonly (keyof DraftInputs)[] = []

export type DraftInputState = {
  /** What the purpose asks for before its draft can go out. */
  asked: readonly (keyof DraftInputs)[]
  /** What the purpose offers without needing it (a progress update's new date). */
  offered: readonly (keyof DraftInputs)[]
  /** What the email says (the variables read it): the value entered, or the one the case already has. */
  inputs: DraftInputs
  /** What marking it sent records: only what changes, since restating the promised date is no new promise. */
  changed: DraftInputs
  /** What is wrong with the inputs, per field, in words: nothing goes out while there is any. */
  problems: Partial<Record<keyof DraftInputs, string>>
  /** The team's today, the earliest date a resolution may be promised for. */
  today: string
  fields: { resolutionDate: string; publicationWall: string; publicationZone: string }
  set(change: Partial<DraftInputState['fields']>): void
}

/**
 * What the person drafting decides (the resolution date an evaluation promises, the publication moment a consultation
 * proposes), starting from what the case already has, so an update restates the standing date unless it is changed.
 * `needResolution`: the draft renegotiates a slipped date, so the new date is needed, not just offered.
 */
export function useDraftInputs(
  kase: Case,
  purpose: TemplatePurpose,
  options: { teamZone: string; needResolution: boolean },
): DraftInputState {
  const promised = expectedResolution(kase)
  const planned = plannedPublication(kase)
  const [fields, setFields] = useState(() => ({
    resolutionDate: promised?.date ?? '',
    publicationWall: planned ? wallClockText(planned.at, planned.timeZone) : '',
    // The reporter's clock by default: the moment is proposed to them.
    publicationZone: planned?.timeZone ?? kase.received.timeZone,
  }))
  const optional = purposeOptionalInputs[purpose] ?? noInputs
  const needed = purposeInputs[purpose] ?? noInputs
  const renegotiates = options.needResolution && optional.includes('expectedResolutionDate')
  const asked = useMemo(() => (renegotiates ? [...needed, 'expectedResolutionDate' as const] : needed), [renegotiates, needed])
  const offered = useMemo(() => optional.filter((f) => !asked.includes(f)), [optional, asked])
  const { resolutionDate, publicationWall, publicationZone } = fields
  const publicationAt = publicationWall ? zonedIso(publicationWall, publicationZone) : null
  const uses = (field: keyof DraftInputs) => asked.includes(field) || offered.includes(field)
  const usesResolution = uses('expectedResolutionDate')
  const usesPublication = uses('publication')
  const inputs = useMemo<DraftInputs>(
    () => ({
      ...(usesResolution && resolutionDate ? { expectedResolutionDate: resolutionDate } : {}),
      ...(usesPublication && publicationAt ? { publication: { at: publicationAt, timeZone: publicationZone } } : {}),
    }),
    [usesResolution, usesPublication, resolutionDate, publicationAt, publicationZone],
  )
  const changed: DraftInputs = {
    ...(inputs.expectedResolutionDate && inputs.expectedResolutionDate !== promised?.date
      ? { expectedResolutionDate: inputs.expectedResolutionDate }
      : {}),
    ...(inputs.publication && inputs.publication.at !== planned?.at ? { publication: inputs.publication } : {}),
  }
  const now = new Date()
  const today = dateInZone(now.getTime(), options.teamZone)
  const problems: DraftInputState['problems'] = {}
  for (const p of draftInputProblems(kase, purpose, inputs, today, now)) problems[p.field] ??= p.message
  if (renegotiates && !inputs.expectedResolutionDate) {
    problems.expectedResolutionDate ??= 'The date given before has passed: enter the new date this update gives the reporter.'
  }
  return { asked, offered, inputs, changed, problems, today, fields, set: (change) => setFields((current) => ({ ...current, ...change })) }
}

const fieldNames: Record<keyof DraftInputs, string> = {
  expectedResolutionDate: 'Expected resolution date',
  publication: 'Proposed publication',
}

/** Why the email cannot go out yet for an input, naming the field, or null. */
export function inputProblem({ problems }: Pick<DraftInputState, 'problems'>): string | null {
  for (const field of ['expectedResolutionDate', 'publication'] as const) {
    const message = problems[field]
    if (message) return `${fieldNames[field]}: ${message}`
  }
  return null
}

/**
 * A wall time the zone's clock skips (clocks set forward) or shows twice (set back), in words; null for an ordinary
 * one. instantAt reads a skipped time forward and a repeated one as its earlier instant: the words say which it took.
 */
export function clockChangeNote(wall: string, zone: string): string | null {
  let at: number
  try {
    at = Date.parse(instantAt(wall, zone))
  } catch {
    return null
  }
  const shown = wallClockText(at, zone)
  if (shown !== wall.slice(0, 16)) {
    return `The clocks in ${zone} skip ${wall.slice(11, 16)} that night (they go forward): this reads as ${shown.slice(11, 16)}.`
  }
  // The clocks go back within the next hours: the same wall time comes round again later.
  const later = at + (offsetAt(at, zone) - offsetAt(at + 3 * 3_600_000, zone))
  if (later > at && wallClockText(later, zone) === shown) {
    return `${shown.slice(11, 16)} happens twice in ${zone} that night (the clocks go back): this means the first time, before they change.`
  }
  return null
}

/** The inputs the purpose asks for or offers; nothing for one that has none. */
export function DraftInputFields({ kase, state }: { kase: Case; state: DraftInputState }) {
  const { asked, offered, fields, set, problems, inputs, today } = state
  if (asked.length === 0 && offered.length === 0) return null
  const promised = expectedResolution(kase)
  const shows = (field: keyof DraftInputs) => asked.includes(field) || offered.includes(field)
  const chosen = inputs.expectedResolutionDate
  const publication = inputs.publication
  const clockNote = fields.publicationWall ? clockChangeNote(fields.publicationWall, fields.publicationZone) : null
  return (
    <div className="draft-inputs">
      {shows('expectedResolutionDate') && (
        <Field
          label="Expected resolution date"
          optional={!asked.includes('expectedResolutionDate')}
          error={problems.expectedResolutionDate}
          hint={[
            chosen && !problems.expectedResolutionDate ? `The email gives ${formatDay(chosen, 'en', true)}.` : '',
            promised
              ? `Promised now: ${formatDay(promised.date, 'en', true)}. A new date here becomes the commitment once marked as sent.`
              : 'The date the fix is expected; it becomes a commitment on the case once marked as sent.',
          ]
            .filter(Boolean)
            .join(' ')}
        >
          {(a) => (
            <input {...a} type="date" min={today} value={fields.resolutionDate} onChange={(e) => set({ resolutionDate: e.target.value })} />
          )}
        </Field>
      )}
      {shows('publication') && (
        <>
          <Field
            label="Proposed publication"
            error={problems.publication}
            hint={
              <>
                {publication
                  ? `The email gives this as ${formatForZone(publication.at, kase.received.timeZone, 'en')}, the reporter’s clock.`
                  : 'Date and time on the clock of the zone beside it.'}
                {clockNote && (
                  <p className="draft-field-warning" role="status">
                    {clockNote}
                  </p>
                )}
              </>
            }
          >
            {(a) => (
              <input
                {...a}
                type="datetime-local"
                min={`${today}T00:00`}
                value={fields.publicationWall}
                onChange={(e) => set({ publicationWall: e.target.value })}
              />
            )}
          </Field>
          <Field label="Publication time zone">
            {(a) => <ZoneSelect {...a} value={fields.publicationZone} onChange={(zone) => set({ publicationZone: zone })} />}
          </Field>
        </>
      )}
    </div>
  )
}

/** Some 400 zones: memoized on the zone, so that typing in the editor does not make React walk every option again. */
const ZoneSelect = memo(
  function ZoneSelect({ value, onChange, ...control }: ControlProps & { value: string; onChange(zone: string): void }) {
    const zones = useMemo(() => timeZoneChoices(value), [value])
    return (
      <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
    )
  },
  // onChange is made anew on each render of the screen; it only ever sets the zone.
  (before, after) => before.value === after.value && before.id === after.id && before['aria-invalid'] === after['aria-invalid'],
)
