import { toAgendaRow, type AgendaEntry } from '../src/agenda/agendaEntry'
import { createAgendaCache, type AgendaOf } from '../src/agenda/agendaCache'
import { createCalendar } from '../src/calendar'
import { compareText } from '../src/compareText'
import type { Handlers } from '../src/ipc/contract'
import { policyLookup } from '../src/policies/catalog'
import type { StoreSession } from './storeSession'

const byDate = (a: AgendaEntry, b: AgendaEntry) => compareText(a.date, b.date) || compareText(a.uid, b.uid)

/**
 * The calendar's channels: every dated entry across cases, and the team's days off for the days a view shows.
 * `agendaOf` is shared with the ICS export and counts on the case list's deadlines, so no case is counted twice.
 */
export function agendaHandlers(
  session: StoreSession,
  now: () => Date,
  agendaOf: AgendaOf = createAgendaCache(),
): Pick<Handlers, 'agenda:list' | 'calendar:daysOff'> {
  const store = () => session.store()
  return {
    'agenda:list': async () => {
      const at = now()
      const policyOf = policyLookup(store().policies.list())
      return store()
        .cases.list()
        .flatMap((c) => agendaOf(c, policyOf(c.policyId), at))
        .sort(byDate)
        .map(toAgendaRow)
    },
    'calendar:daysOff': async ({ from, to }) => createCalendar(store().settings.get().calendar.spec).nonWorkingDays(from, to),
  }
}
