import { createContext, useContext, type ReactNode } from 'react'
import type { AppState } from '../../src/ipc/contract'

type ReadyState = Extract<AppState, { kind: 'ready' }>
type StoreState = {
  store: ReadyState
  /** Adopts the state main returned after opening or creating another store file. */
  switchTo(next: AppState): void
}

const StoreContext = createContext<StoreState | null>(null)

export function StoreProvider({ value, children }: { value: StoreState; children: ReactNode }) {
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>
}

export function useStore(): StoreState {
  const state = useContext(StoreContext)
  if (!state) throw new Error('useStore is used outside StoreProvider')
  return state
}
