import { useState } from 'react'
import type { AppState } from '../../src/ipc/contract'
import { call } from '../desk'
import { useProblems } from '../shell/Problems'

/** "Open another file…" and "Start a new store elsewhere…": main shows the file dialog and answers with the new state. */
export function StoreFileActions({ onState }: { onState(next: AppState): void }) {
  const { report } = useProblems()
  const [busy, setBusy] = useState(false)

  async function run(request: 'openOther' | 'createNew') {
    setBusy(true)
    try {
      onState(await call((desk) => desk.store[request]({})))
    } catch (error) {
      report(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="button-row">
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('openOther')}>
        Open another file…
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void run('createNew')}>
        Start a new store elsewhere…
      </button>
    </div>
  )
}
