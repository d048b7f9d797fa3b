import type { ReactNode } from 'react'

/** A form's submit button, off while the form is being saved, and the button that leaves it without saving. */
export function FormButtons({
  submit,
  cancel = 'Cancel',
  onCancel,
  busy,
  danger = false,
  className = 'button-row',
  children,
}: {
  submit: string
  cancel?: string
  onCancel(): void
  busy: boolean
  /** For a submit that cannot be taken back, such as closing a case. */
  danger?: boolean
  className?: string
  /** Shown after the buttons, e.g. a note that the form was saved. */
  children?: ReactNode
}) {
  return (
    <div className={className}>
      <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancel}
      </button>
      {children}
    </div>
  )
}
