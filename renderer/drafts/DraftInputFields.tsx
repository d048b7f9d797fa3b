import { memo, useMemo, useState } from 'react'
import type { Case } from '../../src/cases/case'
import { expectedResolution, plannedPublication } from '../../src/cases/history'
import { purposeInputs, type DraftInputs, type TemplatePurpose } from '../../src/drafts/template'
import { formatDay } from '../../src/i18n'
import { wallClockText, zonedIso } from '../../src/time'
import { Field, type ControlProps } from '../forms/Field'
import { timeZoneChoices } from '../time/timeZones'

// One array for every purpose that asks for nothing, so the variables are not worked out again on each keystroke.
const noInputs: readonly (keyof DraftInputs)[] = []

export type DraftInputState = {
  /** What the purpose asks for before its draft can go out. */
  asked: readonly (keyof DraftInputs)[]
  /** What the email says (the variables read it): the value entered, or the one the case already has. */
  inputs: DraftInputs
  /** What marking it sent records: only what changes, since restating the promised date is no new promise. */
  changed: DraftInputs
  fields: { resolutionDate: string; publicationWall: string; publicationZone: string }
  set(change: Partial<DraftInputState['fields']>): void
}

/**
 * What the person drafting decides (the resolution date an evaluation promises, the publication moment a consultation
 * proposes), starting from what the case already has, so an update restates the standing date unless it is changed.
 */
export function useDraftInputs(kase: Case, purpose: TemplatePurpose): DraftInputState {
  const promised = expectedResolution(kase)
  const planned = plannedPublication(kase)
  const [fields, setFields] = useState(() => ({
    resolutionDate: promised?.date ?? '',
    publicationWall: planned ? wallClockText(planned.at, planned.timeZone) : '',
    // The reporter's clock by default: the moment is proposed to them.
    publicationZone: planned?.timeZone ?? kase.received.timeZone,
  }))
  const asked = purposeInputs[purpose] ?? noInputs
  const { resolutionDate, publicationWall, publicationZone } = fields
  const publicationAt = publicationWall ? zonedIso(publicationWall, publicationZone) : null
  const inputs = useMemo<DraftInputs>(
    () => ({
      ...(asked.includes('expectedResolutionDate') && resolutionDate ? { expectedResolutionDate: resolutionDate } : {}),
      ...(asked.includes('publication') && publicationAt ? { publication: { at: publicationAt, timeZone: publicationZone } } : {}),
    }),
    [asked, resolutionDate, publicationAt, publicationZone],
  )
  const changed: DraftInputs = {
    ...(inputs.expectedResolutionDate && inputs.expectedResolutionDate !== promised?.date
      ? { expectedResolutionDate: inputs.expectedResolutionDate }
      : {}),
    ...(inputs.publication && inputs.publication.at !== planned?.at ? { publication: inputs.publication } : {}),
  }
  return { asked, inputs, changed, fields, set: (change) => setFields((current) => ({ ...current, ...change })) }
}

/** Why the email cannot go out yet for want of an input, or null. */
export function missingInput({ asked, inputs }: Pick<DraftInputState, 'asked' | 'inputs'>): string | null {
  if (asked.includes('expectedResolutionDate') && !inputs.expectedResolutionDate) return 'Enter the expected resolution date first.'
  if (asked.includes('publication') && !inputs.publication) return 'Enter the proposed publication date and time first.'
  return null
}

/** The inputs the purpose asks for; nothing for one that asks for none. */
export function DraftInputFields({ kase, state }: { kase: Case; state: DraftInputState }) {
  const { asked, fields, set } = state
  if (asked.length === 0) return null
  const promised = expectedResolution(kase)
  return (
    <div className="draft-inputs">
      {asked.includes('expectedResolutionDate') && (
        <Field
          label="Expected resolution date"
          hint={
            promised
              ? `Promised now: ${formatDay(promised.date, 'en', true)}. A new date here becomes the commitment once marked as sent.`
              : 'The date the fix is expected; it becomes a commitment on the case once marked as sent.'
          }
        >
          {(a) => <input {...a} type="date" value={fields.resolutionDate} onChange={(e) => set({ resolutionDate: e.target.value })} />}
        </Field>
      )}
      {asked.includes('publication') && (
        <>
          <Field label="Proposed publication" hint="Date and time on the clock of the zone beside it.">
            {(a) => (
              <input {...a} type="datetime-local" value={fields.publicationWall} onChange={(e) => set({ publicationWall: e.target.value })} />
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
