import type { Handlers } from '../src/ipc/contract'
import type { StoreSession } from './storeSession'

export function presenceHandlers(_session: StoreSession): Pick<Handlers, never> {
  return {}
}
