import { useState, type FormEvent } from 'react'
import type { Case } from '../../src/cases/case'
import { checkMilestoneTime } from '../../src/commands/timeRules'
import { milestoneLabels } from '../../src/i18n/labels'
import type { Milestone } from '../../src/policies/policy'
import type { FieldIssue } from '../desk'
import { Field } from '../forms/Field'
import { useUnsavedPart } from '../shell/UnsavedChanges'
import { refusalOf } from './caseDraft'
import { wallClockText, zonedIso } from '../../src/time'
import { localTimeZone } from '../time/timeZones'

export type MilestoneRecord = { milestone: Milestone; on: string; comment?: string }

/** The backend's rule, run here too so a wrong date is named at once; the backend checks again on save. */
export const milestoneTimeProblem = (kase: Case, on: string) => refusalOf(() => checkMilestoneTime(kase, on, new Date()))

/**
 * Deadlines count from these events, so they are recorded with when they happened, which may be earlier than now.
 * Only what can happen next on the case is offered (`milestones`, from the backend).
 */
export function MilestoneRecorder({
  kase,
  milestones,
  onRecord,
}: {
  kase: Case
  /** Undefined while loading. */
  milestones: readonly Milestone[] | undefined
  onRecord(record: MilestoneRecord): Promise<true | FieldIssue[]>
}) {
  const zone = localTimeZone()
  const [chosen, setChosen] = useState<Milestone | ''>('')
  const [when, setWhen] = useState(() => wallClockText(Date.now(), zone))
  const [whenTyped, setWhenTyped] = useState(false)
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  // A choice that is no longer offered (the case moved on) falls back to the first one that is.
  const milestone = chosen && milestones?.includes(chosen) ? chosen : milestones?.[0]
  // The date starts as now: only a date the user typed, a comment or a choice of milestone is theirs to lose.
  useUnsavedPart(whenTyped || comment.trim() !== '' || chosen !== '')

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!milestone) return
    const on = zonedIso(when, zone)
    if (!on) return setErrors({ on: 'Enter the date and time it happened' })
    const problem = milestoneTimeProblem(kase, on)
    if (problem) return setErrors({ on: problem })
    setErrors({})
    setBusy(true)
    const result = await onRecord({ milestone, on, ...(comment.trim() ? { comment } : {}) })
    setBusy(false)
    if (result === true) {
      setComment('')
      setChosen('')
      setWhen(wallClockText(Date.now(), zone))
      setWhenTyped(false)
    } else {
      setErrors(Object.fromEntries(result.map((i) => [i.path, i.message])))
    }
  }

  if (milestones?.length === 0) return <p className="muted">Nothing the policy counts can happen next on this case.</p>
  return (
    <form className="milestone-recorder" aria-label="Record milestone" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Milestone" error={errors.milestone} hint="Credit is confirmed by choosing the reporter’s credit on the case (Edit).">
        {(a) => (
          <select
            {...a}
            value={milestone ?? ''}
            disabled={!milestones}
            onChange={(e) => setChosen(milestones?.find((m) => m === e.target.value) ?? '')}
          >
            {milestones?.map((m) => (
              <option key={m} value={m}>
                {milestoneLabels.en[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Happened on" error={errors.on}>
        {(a) => (
          <input
            {...a}
            type="datetime-local"
            value={when}
            onChange={(e) => {
              setWhen(e.target.value)
              setWhenTyped(true)
              setErrors(({ on: _, ...rest }) => rest)
            }}
          />
        )}
      </Field>
      <Field label="Milestone comment" error={errors.comment} optional>
        {(a) => <input {...a} type="text" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={busy || !milestone}>
        Record milestone
      </button>
    </form>
  )
}
