import type { AppState } from '../../src/ipc/contract'
import { ProblemArea } from '../shell/Problems'
import { StoreFileActions } from '../store/StoreFileActions'
import { RecoveryBackups } from './RecoveryBackups'

type Recovery = Extract<AppState, { kind: 'recovery' }>

/**
 * Shown instead of the app when the store file cannot be read: nothing is written until the user picks a way out —
 * a backup restored in one click (the broken file kept as a backup first), another file, or a new store.
 */
export function RecoveryScreen({ state, onState }: { state: Recovery; onState(next: AppState): void }) {
  return (
    <main className="recovery">
      <ProblemArea />
      <section className="recovery-card recovery-card-wide" aria-labelledby="recovery-title">
        <h1 id="recovery-title">The case store could not be opened</h1>
        <p className="recovery-file mono">{state.file}</p>
        {/* The problem is worded to follow "The file", e.g. "is cut off: it ends in the middle of the data". */}
        <p className="recovery-problem">The file {state.problem}.</p>
        <p>
          <strong>The file was not changed.</strong> Disclosure Desk has not written anything to it, so a backup or a
          colleague can still look at it as it is.
        </p>
        <RecoveryBackups onState={onState} />
        <p>Or open a different store file, or start a new, empty store in another place.</p>
        <StoreFileActions onState={onState} />
      </section>
    </main>
  )
}
