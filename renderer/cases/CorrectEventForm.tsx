import { useState, type FormEvent } from 'react'
import { wallClockText, zonedIso } from '../../src/time'
import type { FieldIssue } from '../desk'
import { Field } from '../forms/Field'
import { FormButtons } from '../forms/FormButtons'
import { useUnsavedPart } from '../shell/UnsavedChanges'
import { localTimeZone } from '../time/timeZones'

/** What a correction changes: a milestone's date (`on`) or a note's text, with why. */
export type Correction = { on?: string; text?: string; reason?: string }

/** Saves the change; the backend's refusals, by field, when it was refused. */
export type Send<T> = (change: T) => Promise<true | FieldIssue[]>

const byField = (issues: FieldIssue[]) => Object.fromEntries(issues.map((i) => [i.path.split('.').at(-1) ?? '', i.message]))

/**
 * Corrects one milestone or note in place on the timeline. The original stays on the record; the correction is a
 * new event naming it, and the deadlines count from the corrected date.
 */
export function CorrectEventForm({
  kind,
  label,
  on,
  text,
  checkOn,
  onSend,
  onCancel,
}: {
  kind: 'milestone' | 'note'
  /** What is corrected, for the form's name: "Progress update sent". */
  label: string
  on?: string
  text?: string
  /** Why a corrected date cannot be right, checked as the backend will. */
  checkOn?(on: string): string | undefined
  onSend: Send<Correction>
  onCancel(): void
}) {
  const zone = localTimeZone()
  const [initialWhen] = useState(() => (on ? wallClockText(on, zone) : ''))
  const [when, setWhen] = useState(initialWhen)
  const [newText, setNewText] = useState(text ?? '')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  useUnsavedPart(when !== initialWhen || newText !== (text ?? '') || reason.trim() !== '')

  async function submit(event: FormEvent) {
    event.preventDefault()
    const change: Correction = reason.trim() ? { reason } : {}
    if (kind === 'milestone') {
      const at = zonedIso(when, zone)
      if (!at) return setErrors({ on: 'Enter the date and time it really happened' })
      const problem = checkOn?.(at)
      if (problem) return setErrors({ on: problem })
      change.on = at
    } else {
      if (!newText.trim()) return setErrors({ text: 'Write the note as it should read, or withdraw it instead' })
      change.text = newText
    }
    setErrors({})
    setBusy(true)
    const result = await onSend(change)
    setBusy(false)
    if (result !== true) setErrors(byField(result))
  }

  return (
    <form className="event-form" aria-label={`Correct ${label}`} noValidate onSubmit={(e) => void submit(e)}>
      {kind === 'milestone' ? (
        <Field label="Really happened on" error={errors.on}>
          {(a) => <input {...a} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />}
        </Field>
      ) : (
        <Field label="Note as it should read" error={errors.text}>
          {(a) => <textarea {...a} rows={3} value={newText} onChange={(e) => setNewText(e.target.value)} />}
        </Field>
      )}
      <Field label="Reason for the correction" error={errors.reason} optional>
        {(a) => <input {...a} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {errors[''] && <p className="field-error">{errors['']}</p>}
      <FormButtons submit="Save correction" onCancel={onCancel} busy={busy} />
    </form>
  )
}

/** Withdraws a milestone or note that did not happen as recorded: it stays on the timeline, struck through, and stops counting. */
export function WithdrawEventForm({
  label,
  onSend,
  onCancel,
}: {
  label: string
  onSend: Send<{ reason?: string }>
  onCancel(): void
}) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  useUnsavedPart(reason.trim() !== '')

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const result = await onSend(reason.trim() ? { reason } : {})
    setBusy(false)
    if (result !== true) setError(result[0]?.message)
  }

  return (
    <form className="event-form" aria-label={`Withdraw ${label}`} noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Reason for withdrawing" error={error} optional>
        {(a) => <input {...a} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormButtons submit="Withdraw" onCancel={onCancel} busy={busy} danger />
    </form>
  )
}
