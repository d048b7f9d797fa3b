import { useId, type ReactNode } from 'react'

export type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }

/** A labelled control with its hint and, when the value is wrong, the reason right underneath it. */
export function Field({
  label,
  error,
  hint,
  optional = false,
  wide = false,
  children,
}: {
  label: string
  error?: string | undefined
  hint?: ReactNode
  optional?: boolean
  wide?: boolean
  children(control: ControlProps): ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  )
}

/** Moves focus to the first control marked invalid, so a keyboard user lands on what needs fixing. */
export function focusFirstInvalid(form: HTMLElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
