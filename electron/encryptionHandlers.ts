import type { Handlers } from '../src/ipc/contract'
import type { StoreSession } from './storeSession'

export function encryptionHandlers(_session: StoreSession): Pick<Handlers, never> {
  return {}
}
