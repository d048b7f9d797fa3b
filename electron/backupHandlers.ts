import type { Handlers } from '../src/ipc/contract'
import type { Shell } from './handlers'
import type { StoreSession } from './storeSession'

export function backupHandlers(_session: StoreSession, _shell: Shell): Pick<Handlers, never> {
  return {}
}
