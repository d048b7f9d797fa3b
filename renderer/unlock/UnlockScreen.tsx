import { useState, type FormEvent } from 'react'
import type { AppState } from '../../src/ipc/contract'
import { call } from '../desk'
import { ProblemArea } from '../shell/Problems'
import { useAction } from '../shell/useAction'
import { StoreFileActions } from '../store/StoreFileActions'
import { PassphraseField } from './PassphraseField'
import { refusedFields } from './passphraseErrors'
import './unlock.css'

type Locked = Extract<AppState, { kind: 'locked' }>

/**
 * Shown instead of the app when the store file is encrypted: nothing of it is read until the passphrase opens it. A
 * wrong passphrase is said at the field; the file is not written either way.
 */
export function UnlockScreen({ state, onState }: { state: Locked; onState(next: AppState): void }) {
  const { busy, run } = useAction()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | undefined>()

  const unlock = (event: FormEvent) => {
    event.preventDefault()
    if (passphrase === '') return setError('Enter the passphrase of this store')
    setError(undefined)
    return run(async () => {
      try {
        onState(await call((desk) => desk.store.unlock({ passphrase })))
      } catch (failure) {
        const atField = refusedFields(failure)?.['passphrase']
        if (atField === undefined) throw failure
        setError(atField)
      }
    })
  }

  return (
    <main className="recovery">
      <ProblemArea />
      <section className="recovery-card unlock-card" aria-labelledby="unlock-title">
        <h1 id="unlock-title">This case store is encrypted</h1>
        <p className="recovery-file mono">{state.file}</p>
        <p>Enter its passphrase to open it. Nothing in the file can be read without it.</p>
        <form className="unlock-form" onSubmit={(event) => void unlock(event)} noValidate>
          <PassphraseField
            label="Passphrase"
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value)
              setError(undefined)
            }}
            error={error}
            autoComplete="current-password"
            autoFocus
            disabled={busy}
          />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </div>
        </form>
        <p className="muted">
          Whoever set up encryption for this store chose the passphrase. A forgotten passphrase cannot be recovered, not
          even by Disclosure Desk: ask a colleague who knows it, or open a different store file.
        </p>
        <StoreFileActions onState={onState} />
      </section>
    </main>
  )
}
