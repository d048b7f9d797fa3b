import type { AppState } from '../src/ipc/contract'
import { DeskError, StoreOpenError } from '../src/errors'
import { openStore, type Store, type StoreListener } from '../src/store'

/** The store the app is working on, or why it could not be opened. Switching files closes the previous store. */
export interface StoreSession {
  open(file: string): Promise<AppState>
  state(): AppState
  store(): Store
  /** Hears the changes of whichever store is open, across switches of the file. */
  subscribe(listener: StoreListener): () => void
  close(): Promise<void>
}

export function createStoreSession(options?: Parameters<typeof openStore>[1]): StoreSession {
  let current: { file: string; store?: Store; problem?: string; unsubscribe?: () => void } | undefined
  const listeners = new Set<StoreListener>()

  // A plain function, not a method: the session's functions are passed around on their own (the main process wraps open).
  const state = (): AppState => {
    if (!current) return { kind: 'recovery', file: '', problem: 'no store file has been opened yet' }
    if (current.store) return { kind: 'ready', file: current.file, caseCount: current.store.cases.list().length }
    return { kind: 'recovery', file: current.file, problem: current.problem ?? 'could not be opened' }
  }
  const closeCurrent = async () => {
    current?.unsubscribe?.()
    await current?.store?.close()
  }

  return {
    async open(file) {
      let next: NonNullable<typeof current>
      try {
        next = { file, store: await openStore(file, options) }
      } catch (error) {
        if (!(error instanceof StoreOpenError)) throw error
        next = { file, problem: error.problem }
      }
      await closeCurrent()
      next.unsubscribe = next.store?.subscribe((changes, origin) => {
        for (const listener of listeners) listener(changes, origin)
      })
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
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    async close() {
      await closeCurrent()
      current = undefined
    },
  }
}
