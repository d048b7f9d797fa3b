import { createCalendar } from '../src/calendar'
import type { Handlers } from '../src/ipc/contract'
import type { StoreSession } from './storeSession'

/** The calendar's channels: every dated entry across cases, and the team's days off for the days a view shows. */
export function agendaHandlers(session: StoreSession, now: () => Date): Pick<Handlers, 'agenda:list' | 'calendar:daysOff'> {
  const store = () => session.store()
  return {
    'agenda:list': async () => {
      void store
      void now
      throw new Error('agenda:list is being built (issue 9)')
    },
    'calendar:daysOff': async ({ from, to }) => createCalendar(store().settings.get().calendar.spec).nonWorkingDays(from, to),
  }
}
