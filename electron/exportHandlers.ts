import type { Handlers } from '../src/ipc/contract'
import type { Shell } from './handlers'
import type { StoreSession } from './storeSession'

export function exportHandlers(_session: StoreSession, _shell: Shell, _now: () => Date): Pick<Handlers, never> {
  return {}
}
