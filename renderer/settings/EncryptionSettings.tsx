import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent, type ReactNode } from 'react'
import type { z } from 'zod'
import type { EncryptionStatus } from '../../src/store/passphrase'
import { ChangePassphrase, passphraseMinLength, TurnOffEncryption, TurnOnEncryption } from '../../src/store/passphrase'
import { call } from '../desk'
import { focusFirstInvalid } from '../forms/Field'
import { useAction } from '../shell/useAction'
import { PassphraseField } from '../unlock/PassphraseField'
import { checkPassphrases, refusedFields, type PassphraseErrors } from '../unlock/passphraseErrors'
import './encryptionSettings.css'
import { SectionLoadFailed } from './SectionLoadFailed'

const encryptionKey = ['encryption'] as const

type Mode = 'on' | 'change' | 'off'
type Values = { current: string; passphrase: string; repeat: string }
const empty: Values = { current: '', passphrase: '', repeat: '' }

const newPassphraseHint = `At least ${passphraseMinLength} characters. Four or five unrelated words are strong and easy to type; a name, a date or a word with a digit added are not.`

const saved: Record<Mode, string> = {
  on: 'Saved: the store file is now encrypted.',
  change: 'Saved: the store file is now encrypted with the new passphrase. The old one no longer opens it.',
  off: 'Saved: the store file is no longer encrypted.',
}

/**
 * Whether the store file is encrypted with a passphrase, and turning that on, changing the passphrase or turning it off.
 * Each re-writes the whole file at once (main's Store.setEncoding); a refusal is shown at its field and changes nothing.
 */
export function EncryptionSettings() {
  const client = useQueryClient()
  const status = useQuery({ queryKey: encryptionKey, queryFn: () => call((desk) => desk.encryption.status({})) })
  const { busy, run } = useAction()
  const [mode, setMode] = useState<Mode | null>(null)
  const [values, setValues] = useState<Values>(empty)
  const [errors, setErrors] = useState<PassphraseErrors>({})
  const [done, setDone] = useState<string>('')

  if (status.error) {
    return (
      <SectionLoadFailed what="Could not tell whether the store is encrypted" error={status.error} onRetry={() => void status.refetch()} />
    )
  }
  if (!status.data) return null
  const encrypted = status.data.encrypted

  const start = (next: Mode | null) => {
    setMode(next)
    setValues(empty)
    setErrors({})
    setDone('')
  }
  const set = (field: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors(({ [field]: _, ...others }) => others)
  }
  /** Sends the fields `schema` names, once the form's own check of them finds nothing. */
  const submit = <S extends z.ZodType>(
    event: FormEvent<HTMLFormElement>,
    schema: S,
    fields: (keyof Values)[],
    request: (sent: z.output<S>) => Promise<EncryptionStatus>,
  ) => {
    event.preventDefault()
    const form = event.currentTarget
    const sent = Object.fromEntries(fields.map((f) => [f, values[f]]))
    const found = checkPassphrases(schema, sent)
    setErrors(found)
    if (Object.keys(found).length > 0) return focusFirstInvalid(form)
    const finished = mode
    return run(async () => {
      try {
        client.setQueryData(encryptionKey, await request(sent as z.output<S>))
      } catch (failure) {
        const atFields = refusedFields(failure)
        if (!atFields) throw failure
        setErrors(atFields)
        return focusFirstInvalid(form)
      }
      start(null)
      if (finished) setDone(saved[finished])
    })
  }
  const field = (name: keyof Values, label: string, autoComplete: 'current-password' | 'new-password', hint?: ReactNode) => (
    <PassphraseField
      label={label}
      value={values[name]}
      onChange={set(name)}
      error={errors[name]}
      hint={hint}
      autoComplete={autoComplete}
      autoFocus={name === (mode === 'on' ? 'passphrase' : 'current')}
      disabled={busy}
    />
  )
  const buttons = (submitText: string, busyText: string, danger = false) => (
    <div className="button-row">
      <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>
        {busy ? busyText : submitText}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => start(null)}>
        Cancel
      </button>
    </div>
  )

  return (
    <div className="encryption-settings">
      <p className={encrypted ? 'encryption-status encryption-on' : 'encryption-status'}>
        {encrypted ? (
          <>
            <strong>Encrypted with a passphrase.</strong> The store file and the backups made from it cannot be read without
            the passphrase (AES-256-GCM, key from scrypt). Everyone who opens this file enters it when the app starts.
          </>
        ) : (
          <>
            <strong>Not encrypted.</strong> Anyone who can open the file, on this computer, on the shared folder or in a
            backup, can read every case in it.
          </>
        )}
      </p>

      {mode === null && (
        <div className="button-row">
          {encrypted ? (
            <>
              <button type="button" className="button" onClick={() => start('change')}>
                Change passphrase…
              </button>
              <button type="button" className="button" onClick={() => start('off')}>
                Turn off encryption…
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => start('on')}>
              Turn on encryption…
            </button>
          )}
        </div>
      )}

      {mode === 'on' && (
        <form
          className="encryption-form"
          aria-label="Turn on encryption"
          noValidate
          onSubmit={(e) =>
            void submit(e, TurnOnEncryption, ['passphrase', 'repeat'], (sent) => call((desk) => desk.encryption.turnOn(sent)))
          }
        >
          {field('passphrase', 'Passphrase', 'new-password', newPassphraseHint)}
          {field('repeat', 'Repeat the passphrase', 'new-password')}
          <LostPassphraseWarning />
          <p className="muted small">
            Backups made before now stay unencrypted; delete them from the backups folder once the next backup has been
            made.
          </p>
          {buttons('Encrypt the store', 'Encrypting…')}
        </form>
      )}

      {mode === 'change' && (
        <form
          className="encryption-form"
          aria-label="Change passphrase"
          noValidate
          onSubmit={(e) =>
            void submit(e, ChangePassphrase, ['current', 'passphrase', 'repeat'], (sent) =>
              call((desk) => desk.encryption.change(sent)),
            )
          }
        >
          {field('current', 'Current passphrase', 'current-password')}
          {field('passphrase', 'New passphrase', 'new-password', newPassphraseHint)}
          {field('repeat', 'Repeat the new passphrase', 'new-password')}
          <LostPassphraseWarning />
          <p className="muted small">
            Tell your colleagues the new passphrase: their apps need it from their next start on. Backups made before now
            still open with the old one.
          </p>
          {buttons('Change passphrase', 'Changing…')}
        </form>
      )}

      {mode === 'off' && (
        <form
          className="encryption-form"
          aria-label="Turn off encryption"
          noValidate
          onSubmit={(e) =>
            void submit(e, TurnOffEncryption, ['current'], (sent) => call((desk) => desk.encryption.turnOff(sent)))
          }
        >
          {field('current', 'Current passphrase', 'current-password')}
          <p className="muted small">
            The store file is then written as plain text again: anyone who can open it can read every case.
          </p>
          {buttons('Turn off encryption', 'Turning off…', true)}
        </form>
      )}

      {/* Always there, so a screen reader already watches it when the text arrives. */}
      <p className="muted small" role="status">
        {done}
      </p>
    </div>
  )
}

function LostPassphraseWarning() {
  return (
    <p className="encryption-warning">
      <strong>There is no way to recover a lost passphrase.</strong> Without it nobody can open this store or its
      encrypted backups, not you, not a colleague, not Disclosure Desk. Keep it somewhere safe, such as the team’s password
      manager.
    </p>
  )
}
