import type { Handlers } from '../src/ipc/contract'
import type { Shell } from './handlers'
import type { StoreSession } from './storeSession'

/** The ICS export: the open deadlines and publications as an iCalendar file the person saves. */
export function icsHandlers(session: StoreSession, shell: Shell, now: () => Date): Pick<Handlers, 'agenda:exportIcs'> {
  return {
    'agenda:exportIcs': async () => {
      void session
      void shell
      void now
      throw new Error('agenda:exportIcs is being built (issue 9)')
    },
  }
}
