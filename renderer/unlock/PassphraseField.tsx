import type { ReactNode } from 'react'
import { Field } from '../forms/Field'

/**
 * A passphrase typed once: hidden, never filled in or corrected by the browser, with its refusal underneath.
 * `autoComplete` tells a password manager whether it is the store's existing passphrase or a new one.
 */
export function PassphraseField({
  label,
  value,
  onChange,
  error,
  hint,
  autoComplete,
  autoFocus = false,
  disabled = false,
}: {
  label: string
  value: string
  onChange(value: string): void
  error?: string | undefined
  hint?: ReactNode
  autoComplete: 'current-password' | 'new-password'
  autoFocus?: boolean
  disabled?: boolean
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="password"
          value={value}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          spellCheck={false}
          autoCapitalize="off"
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}
