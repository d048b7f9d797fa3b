import { useState, type FormEvent } from 'react'
import { Milestone } from '../../src/policies/policy'
import { wallClockText, zonedIso } from '../../src/time'
import { Field } from '../forms/Field'
import { MilestoneOptions } from '../policies/MilestoneOptions'
import { localTimeZone } from '../time/timeZones'

export type MilestoneRecord = { milestone: Milestone; on: string; comment?: string }

/** Deadlines count from these events, so they are recorded with when they happened, which may be earlier than now. */
export function MilestoneRecorder({ onRecord }: { onRecord(record: MilestoneRecord): Promise<boolean> }) {
  const zone = localTimeZone()
  const [milestone, setMilestone] = useState<Milestone>('acknowledgement_sent')
  const [when, setWhen] = useState(() => wallClockText(Date.now(), zone))
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const on = zonedIso(when, zone)
    if (!on) return setError('Enter the date and time it happened')
    setError(undefined)
    setBusy(true)
    if (await onRecord({ milestone, on, ...(comment.trim() ? { comment } : {}) })) {
      setComment('')
      setWhen(wallClockText(Date.now(), zone))
    }
    setBusy(false)
  }

  return (
    <form className="milestone-recorder" aria-label="Record milestone" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Milestone">
        {(a) => (
          <select {...a} value={milestone} onChange={(e) => setMilestone(Milestone.parse(e.target.value))}>
            <MilestoneOptions />
          </select>
        )}
      </Field>
      <Field label="Happened on" error={error}>
        {(a) => <input {...a} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />}
      </Field>
      <Field label="Milestone comment" optional>
        {(a) => <input {...a} type="text" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={busy}>
        Record milestone
      </button>
    </form>
  )
}
