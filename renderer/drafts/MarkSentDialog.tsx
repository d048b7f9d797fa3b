import { useState } from 'react'
import type { Case } from '../../src/cases/case'
import { milestonePath } from '../../src/cases/history'
import { canTransition } from '../../src/cases/lifecycle'
import { purposeMilestones, purposeStatuses, type DraftInputs, type TemplatePurpose } from '../../src/drafts/template'
import { formatDay, formatForZone, languageNames, milestoneLabels, statusLabels } from '../../src/i18n'
import { zoneLabel } from '../../src/i18n/dates'
import type { Language } from '../../src/i18n/language'
import type { Policy } from '../../src/policies/policy'
import { wallClockOf, wallClockText, zonedIso } from '../../src/time'
import { milestoneTimeProblem } from '../cases/MilestoneRecorder'
import { Dialog } from '../dialogs/Dialog'
import { Field } from '../forms/Field'
import { placeholdersNotFilled } from './DraftOutputs'

/** What marking an email of this purpose as sent will record on the case, in the order the command records it. */
export function whatSendingRecords(input: {
  kase: Case
  policy: Policy | undefined
  purpose: TemplatePurpose
  language: Language
  subject: string
  to: readonly string[]
  encrypted: boolean
  /** The deadline it was drafted for, by its label ("Acknowledge receipt"). */
  deadlineLabel: string | undefined
  /** Only what changes: a date the case already has promised is not promised again. */
  inputs: DraftInputs
}): string[] {
  const { kase, purpose, inputs } = input
  const lines = [
    `The email “${input.subject}” to ${input.to.join(', ')}, in ${languageNames[input.language]}${input.encrypted ? ', encrypted' : ''}, on the timeline.`,
  ]
  const milestone = purposeMilestones[purpose]
  if (milestone) {
    const label = milestoneLabels.en[milestone]
    const plan = milestonePath(kase, input.policy, milestone)
    if (!('blocked' in plan)) {
      for (const to of plan.moves) lines.push(`The status moves to ${statusLabels.en[to]} first, where ${label} is recorded.`)
      const meets = input.deadlineLabel ? `: it meets “${input.deadlineLabel}” and starts what counts from it` : ''
      lines.push(`The milestone ${label} at the time sent${meets}.`)
      if (plan.then) lines.push(`The status moves to ${statusLabels.en[plan.then]}.`)
    } else if (plan.blocked.reason === 'already_recorded') {
      lines.push(`No new milestone: ${label} is already recorded.`)
    } else {
      lines.push(`No milestone: ${label} cannot be recorded on the case as it stands; the email is recorded all the same.`)
    }
  }
  const status = purposeStatuses[purpose]
  if (status && canTransition(kase.status, status)) lines.push(`The status moves to ${statusLabels.en[status]}.`)
  if (inputs.expectedResolutionDate) {
    lines.push(`The commitment to the reporter: the fix by ${formatDay(inputs.expectedResolutionDate, 'en', true)}, with its own deadline on the case.`)
  }
  if (inputs.publication) {
    lines.push(`The proposed publication: ${formatForZone(inputs.publication.at, inputs.publication.timeZone, 'en')}.`)
  }
  return lines
}

/** 'YYYY-MM-DDTHH:mm:ss' on the zone's clock: the sent-on field keeps the seconds, so "now" is never before a report received this minute. */
function wallClockWithSeconds(instant: number, zone: string): string {
  return `${wallClockText(instant, zone)}:${String(wallClockOf(instant, zone).second).padStart(2, '0')}`
}

/**
 * "Mark as sent": when it went out (now, or the moment the report came in if this computer's clock is behind it, on
 * the team's clock, named), and what it records; the same time rule as a milestone, since it is one. A refusal of
 * the time shows at the field. Placeholders still in the email are named once more: sent with them, they went out.
 */
export function MarkSentDialog({
  kase,
  zone,
  records,
  placeholders,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  kase: Case
  /** The team's zone: the sent-on time is read on its clock. */
  zone: string
  records: readonly string[]
  placeholders: readonly string[]
  busy: boolean
  /** The refusal of the last try: at the sent time ('on') or for the whole. */
  error: { message: string; atField: boolean } | null
  onCancel(): void
  onConfirm(on: string): void
}) {
  const [when, setWhen] = useState(() => wallClockWithSeconds(Math.max(Date.now(), Date.parse(kase.received.at)), zone))
  const [problem, setProblem] = useState<string | null>(null)

  function confirm() {
    // A browser may write the field's seconds with a fraction ('…:45.000'); the record keeps whole seconds.
    const on = zonedIso(when.replace(/\.\d+$/, ''), zone)
    const found = on ? milestoneTimeProblem(kase, on) : 'Enter the date and time it was sent'
    setProblem(found ?? null)
    if (on && !found) onConfirm(on)
  }

  const fieldError = problem ?? (error?.atField ? error.message : null)
  return (
    <Dialog
      title="Mark as sent"
      onCancel={onCancel}
      actions={
        <>
          {/* Cancel first: the dialog focuses its first button, and recording is the step to take on purpose. */}
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={confirm}>
            Record as sent
          </button>
        </>
      }
    >
      {placeholders.length > 0 && (
        <div className="notice draft-placeholders" role="alert">
          {placeholdersNotFilled(placeholders.length)}: {placeholders.join(', ')}. Record it as sent only if it went out
          like this.
        </div>
      )}
      <Field label="Sent on" error={fieldError ?? undefined} hint={`On the team’s clock, ${zoneLabel(zone)}`}>
        {(a) => (
          <input
            {...a}
            type="datetime-local"
            step={1}
            value={when}
            onChange={(e) => {
              setWhen(e.target.value)
              setProblem(null)
            }}
          />
        )}
      </Field>
      <p>This records:</p>
      <ul className="draft-records">
        {records.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {error && !error.atField && (
        <p className="problem" role="alert">
          <span className="problem-message">{error.message}</span>
        </p>
      )}
    </Dialog>
  )
}
