import type { AppState } from '../../src/ipc/contract'
import { call } from '../desk'
import { useAction } from '../shell/useAction'

/** "Open another file…" and "Start a new store elsewhere…": main shows the file dialog and answers with the new state. */
export function StoreFileActions({ onState }: { onState(next: AppState): void }) {
  const { busy, run } = useAction()

  const switchStore = (request: 'openOther' | 'createNew') =>
    run(async () => onState(await call((desk) => desk.store[request]({}))))

  return (
    <div className="button-row">
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void switchStore('openOther')}>
        Open another file…
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void switchStore('createNew')}>
        Start a new store elsewhere…
      </button>
    </div>
  )
}
