import { useState, type FormEvent } from 'react'
import type { FieldIssue } from '../desk'
import { Field } from '../forms/Field'
import { useUnsavedPart } from '../shell/UnsavedChanges'

/** An internal note: never sent to the reporter. Keeps the text when saving fails. */
export function NoteComposer({ onAdd }: { onAdd(text: string): Promise<true | FieldIssue[]> }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  useUnsavedPart(text.trim() !== '')

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return setError('Write a note first')
    setError(undefined)
    setBusy(true)
    const result = await onAdd(text)
    if (result === true) setText('')
    else setError(result[0]?.message)
    setBusy(false)
  }

  return (
    <form className="note-composer" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Internal note" error={error} hint="Only your team sees notes.">
        {(a) => <textarea {...a} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Add note
        </button>
      </div>
    </form>
  )
}
