import type { AppState } from '../../src/ipc/contract'
import { call } from '../desk'
import { ProblemArea } from '../shell/Problems'
import { StoreFileActions } from '../store/StoreFileActions'
import { PassphraseField } from './PassphraseField'
import { usePassphraseEntry } from './usePassphraseEntry'
import './unlock.css'

type Locked = Extract<AppState, { kind: 'locked' }>

/**
 * Shown instead of the app when the store file is encrypted: nothing of it is read until the passphrase opens it. A
 * wrong passphrase is said at the field; the file is not written either way.
 */
export function UnlockScreen({ state, onState }: { state: Locked; onState(next: AppState): void }) {
  const { busy, passphrase, error, submit, change } = usePassphraseEntry(
    (passphrase) => call((desk) => desk.store.unlock({ passphrase })),
    onState,
  )

  return (
    <main className="recovery">
      <ProblemArea />
      <section className="recovery-card unlock-card" aria-labelledby="unlock-title">
        <h1 id="unlock-title">This case store is encrypted</h1>
        <p className="recovery-file mono">{state.file}</p>
        <p>Enter its passphrase to open it. Nothing in the file can be read without it.</p>
        <form className="unlock-form" onSubmit={(event) => void submit(event)} noValidate>
          <PassphraseField
            label="Passphrase"
            value={passphrase}
            onChange={change}
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
