import { useId, useRef } from 'react'
import type { TemplateError } from '../../src/drafts/engine'

/** The UTF-16 offset of a 1-based line and column in `source`, clamped to the text, for placing the caret there. */
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset)
    if (next === -1) return source.length
    offset = next + 1
  }
  const end = source.indexOf('\n', offset)
  const lineEnd = end === -1 ? source.length : end
  return Math.min(offset + Math.max(column - 1, 0), lineEnd)
}

/**
 * The source line an error is on, for showing under the editor with a marker below its column: a tab becomes one
 * space, so the marker stays under the character the column counts.
 */
export function lineOf(source: string, line: number): string {
  return (source.split('\n')[line - 1] ?? '').replace(/[\t\r]/g, ' ')
}

/**
 * The Liquid source of a subject or body: a plain text area (the text is data, never HTML), and under it, when the
 * template does not render, where and why — "Line 3, column 12: …" with that line and a marker under the column, and
 * a button that puts the caret there.
 */
export function TemplateSourceField({
  label,
  value,
  onChange,
  error,
  rows = 14,
  singleLine = false,
  hint,
}: {
  label: string
  value: string
  onChange(value: string): void
  /** Null when the source renders. */
  error: TemplateError | null
  rows?: number
  /** The subject: one line in the editor as in the mail. */
  singleLine?: boolean
  hint?: string
}) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null)
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  const control = {
    id,
    ref,
    value,
    spellCheck: false,
    'aria-invalid': error !== null,
    'aria-describedby': describedBy,
    className: 'template-source',
  }

  function showError() {
    const input = ref.current
    if (!input || !error) return
    const at = offsetOf(value, error.line, error.column)
    input.focus()
    input.setSelectionRange(at, at)
  }

  return (
    <div className={`field field-wide template-field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {singleLine ? (
        // A subject typed with Enter would be two lines in the editor but one in the mail: keep it one here too.
        <input {...control} type="text" onChange={(e) => onChange(e.target.value.replace(/\r?\n/g, ' '))} />
      ) : (
        <textarea {...control} rows={rows} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error template-error" id={errorId} role="alert">
          <p className="template-error-message">
            <strong>
              Line {error.line}, column {error.column}:
            </strong>{' '}
            {error.message}
          </p>
          <pre className="template-error-line" aria-hidden="true">
            {lineOf(value, error.line)}
            {'\n'}
            {' '.repeat(Math.max(error.column - 1, 0))}^
          </pre>
          <button type="button" className="button button-quiet" onClick={showError}>
            Go to line {error.line}
          </button>
        </div>
      )}
    </div>
  )
}
