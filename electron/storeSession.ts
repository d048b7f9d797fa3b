import type { AppState } from '../src/ipc/contract'
import { DeskError, StoreOpenError } from '../src/errors'
import { openStore, type Store } from '../src/store'

/** The store the app is working on, or why it could not be opened. Switching files closes the previous store. */
export interface StoreSession {
  open(file: string): Promise<AppState>
  state(): AppState
  store(): Store
  close(): Promise<void>
}

export function createStoreSession(options?: Parameters<typeof openStore>[1]): StoreSession {
  let current: { file: string; store?: Store; problem?: string } | undefined

  // A plain function, not a method: the session's functions are passed around on their own (the main process wraps open).
  const state = (): AppState => {
    if (!current) return { kind: 'recovery', file: '', problem: 'no store file has been opened yet' }
    if (current.store) return { kind: 'ready', file: current.file, caseCount: current.store.cases.list().length }
    return { kind: 'recovery', file: current.file, problem: current.problem ?? 'could not be opened' }
  }

  return {
    async open(file) {
      let next: typeof current
      try {
        next = { file, store: await openStore(file, options) }
      } catch (error) {
        if (!(error instanceof StoreOpenError)) throw error
        next = { file, problem: error.problem }
      }
      await current?.store?.close()
      current = next
      return state()
    },
    state,
    store() {
      if (current?.store) return current.store
      throw new DeskError(
        'store_unavailable',
        `No store is open${current ? `: ${current.file} ${current.problem}` : ''}. Open another file or start a new store.`,
      )
    },
    async close() {
      await current?.store?.close()
      current = undefined
    },
  }
}
