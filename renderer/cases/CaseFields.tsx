import { memo, useMemo } from 'react'
import { Channel, Rating } from '../../src/cases/case'
import type { TeamMember } from '../../src/settings/settings'
import { formatDayTime, zoneLabel } from '../../src/i18n'
import { channelLabels, languageNames, ratingLabels, unratedLabel } from '../../src/i18n/labels'
import { zonedIso } from '../../src/time'
import { Field, type ControlProps } from '../forms/Field'
import { PolicySelect } from '../policies/PolicySelect'
import { isRemoved, memberLabel, memberName } from '../settings/members'
import { localTimeZone, timeZoneChoices } from '../time/timeZones'
import { cvssOf, type CaseDraft, type FieldErrors } from './caseDraft'
import { ratingOrder } from './ratingOrder'
import { SeverityBadge } from './SeverityBadge'

type Props = {
  draft: CaseDraft
  errors: FieldErrors
  team: TeamMember[]
  onChange(change: Partial<CaseDraft>): void
}

/** The fields of a case shared by the new-case form and the edit mode of the detail screen. */
export function CaseFields({ draft, errors, team, onChange }: Props) {
  const receivedAt = zonedIso(draft.receivedWallClock, draft.receivedTimeZone)
  const cvss = draft.severityKind === 'cvss' ? cvssOf(draft.cvssVector) : null
  const text = (key: keyof CaseDraft) => ({
    value: draft[key] as string,
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
  })

  return (
    <>
      <fieldset className="form-section">
        <legend>Report</legend>
        <div className="field-grid">
          <Field label="Title" error={errors.title} wide>
            {(a) => <input {...a} type="text" autoComplete="off" {...text('title')} />}
          </Field>
          <Field
            label="Received"
            error={errors['received.at']}
            hint={
              receivedAt && draft.receivedTimeZone !== localTimeZone()
                ? `On this computer’s clock: ${formatDayTime(receivedAt, localTimeZone(), 'en', true)}`
                : undefined
            }
          >
            {(a) => <input {...a} type="datetime-local" {...text('receivedWallClock')} />}
          </Field>
          <Field label="Time zone" error={errors['received.timeZone']}>
            {(a) => <TimeZoneSelect {...a} value={draft.receivedTimeZone} onChange={onChange} />}
          </Field>
          <Field label="Channel" error={errors.channel}>
            {(a) => (
              <select {...a} value={draft.channel} onChange={(e) => onChange({ channel: Channel.parse(e.target.value) })}>
                {Channel.options.map((c) => (
                  <option key={c} value={c}>
                    {channelLabels.en[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Affected asset or product" error={errors.asset} optional>
            {(a) => <input {...a} type="text" {...text('asset')} />}
          </Field>
          <Field label="Report text" error={errors.reportText} hint="Paste it exactly as received; it is always shown as plain text." wide>
            {(a) => <textarea {...a} className="mono report-input" rows={10} spellCheck={false} {...text('reportText')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Reporter</legend>
        <div className="field-grid">
          <Field label="Reporter name" error={errors['reporter.name']}>
            {(a) => <input {...a} type="text" autoComplete="off" {...text('reporterName')} />}
          </Field>
          <Field label="Reporter email" error={errors['reporter.email']}>
            {(a) => <input {...a} type="email" autoComplete="off" {...text('reporterEmail')} />}
          </Field>
          <Field label="Reporter handle" error={errors['reporter.handle']} optional>
            {(a) => <input {...a} type="text" autoComplete="off" {...text('reporterHandle')} />}
          </Field>
          <Field label="Preferred language" error={errors['reporter.language']}>
            {(a) => (
              <select
                {...a}
                value={draft.reporterLanguage}
                onChange={(e) => onChange({ reporterLanguage: e.target.value === 'nl' ? 'nl' : 'en' })}
              >
                {Object.entries(languageNames).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="PGP public key" error={errors['reporter.pgpPublicKey']} optional wide>
            {(a) => <textarea {...a} className="mono" rows={3} spellCheck={false} {...text('reporterPgpKey')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Triage</legend>
        <div className="field-grid">
          <div className="field field-wide" role="radiogroup" aria-label="Severity">
            <span className="field-label" aria-hidden="true">
              Severity
            </span>
            <div className="segmented">
              {(
                [
                  ['unrated', unratedLabel.en],
                  ['rating', 'Rating only'],
                  ['cvss', 'CVSS'],
                ] as const
              ).map(([kind, label]) => (
                <label key={kind} className={`segment${draft.severityKind === kind ? ' segment-on' : ''}`}>
                  <input
                    type="radio"
                    name="severity-kind"
                    value={kind}
                    checked={draft.severityKind === kind}
                    onChange={() => onChange({ severityKind: kind })}
                  />
                  {label}
                </label>
              ))}
            </div>
          </div>
          {draft.severityKind === 'rating' && (
            <Field label="Rating" error={errors['severity.rating']}>
              {(a) => (
                <select {...a} value={draft.rating} onChange={(e) => onChange({ rating: Rating.parse(e.target.value) })}>
                  {ratingOrder.map((r) => (
                    <option key={r} value={r}>
                      {ratingLabels.en[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {draft.severityKind === 'cvss' && (
            <Field
              label="CVSS vector"
              error={errors['severity.vector'] ?? (cvss && 'problem' in cvss ? cvss.problem : undefined)}
              hint="CVSS 3.1 or 4.0, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
              wide
            >
              {(a) => (
                <div className="vector-row">
                  <input {...a} type="text" className="mono" spellCheck={false} autoComplete="off" {...text('cvssVector')} />
                  <output className="vector-score" aria-label="Computed score" aria-live="polite">
                    {cvss && 'score' in cvss ? (
                      <SeverityBadge rating={cvss.score.rating} score={cvss.score.score} />
                    ) : (
                      <span className="muted">No score yet</span>
                    )}
                  </output>
                </div>
              )}
            </Field>
          )}
          <Field label="Assignee" error={errors.assigneeId}>
            {(a) => (
              <select {...a} {...text('assigneeId')}>
                <option value="">Unassigned</option>
                {/* Someone taken off the team stays selectable only on the case they are already on. */}
                {team
                  .filter((m) => !isRemoved(m) || m.id === draft.assigneeId)
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {memberLabel(m)}
                    </option>
                  ))}
                {draft.assigneeId && !team.some((m) => m.id === draft.assigneeId) && (
                  <option value={draft.assigneeId}>{memberName(team, draft.assigneeId)}</option>
                )}
              </select>
            )}
          </Field>
          <Field label="Tags" error={errors.tags} hint="Separate tags with commas, e.g. xss, portal" optional>
            {(a) => <input {...a} type="text" autoComplete="off" {...text('tags')} />}
          </Field>
          <Field label="Policy" error={errors.policyId} hint="The promises whose deadlines this case tracks; changing it recounts them.">
            {(a) => <PolicySelect {...a} value={draft.policyId} onChange={(policyId) => onChange({ policyId })} />}
          </Field>
        </div>
      </fieldset>
    </>
  )
}

/**
 * Some 400 zones: memoized, so that typing in other fields does not make React walk every option again.
 * `onChange` must be stable (the forms pass a useCallback) for the memo to hold.
 */
const TimeZoneSelect = memo(function TimeZoneSelect({
  value,
  onChange,
  ...control
}: ControlProps & { value: string; onChange(change: Partial<CaseDraft>): void }) {
  const zones = useMemo(() => timeZoneChoices(value), [value])
  return (
    <select {...control} value={value} onChange={(e) => onChange({ receivedTimeZone: e.target.value })}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zoneLabel(zone).replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  )
})
