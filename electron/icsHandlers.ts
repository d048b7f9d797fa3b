import type { AgendaOf } from '../src/agenda/agendaCache'
import { agendaOfCase } from '../src/agenda/agendaOf'
import { timeZoneOf } from '../src/calendar'
import { toIcs } from '../src/export/ics'
import { icsEvents, type IcsItem } from '../src/export/icsEvents'
import type { Handlers } from '../src/ipc/contract'
import { policyLookup } from '../src/policies/catalog'
import { dateInZone } from '../src/time'
import type { Shell } from './handlers'
import type { StoreSession } from './storeSession'

const icsSuggestedName = 'Disclosure Desk deadlines.ics'
const icsFilters = [{ name: 'Calendar (iCalendar)', extensions: ['ics'] }]

/**
 * The ICS export: the open deadlines and publications as an iCalendar file the person saves, and cancelled, the events
 * earlier files held that are no longer open (`events` counts the open ones, `cancelled` those). `agendaOf` is how a
 * case's entries are counted: agenda:list's cache when the handler map shares it (the calendar screen, where the
 * export button is, has just counted them all), else afresh, about a second at 10,000 cases.
 */
export function icsHandlers(
  session: StoreSession,
  shell: Shell,
  now: () => Date,
  agendaOf: AgendaOf = agendaOfCase,
): Pick<Handlers, 'agenda:exportIcs'> {
  return {
    'agenda:exportIcs': async ({ details }) => {
      const at = now()
      const store = session.store()
      // Taken before the dialog: the ledger belongs to the store the events came from, even if another is opened meanwhile.
      const storeFile = store.file
      const teamZone = timeZoneOf(store.settings.get().calendar.spec)
      const policyOf = policyLookup(store.policies.list())
      const items: IcsItem[] = store.cases
        .list()
        .flatMap((c) => agendaOf(c, policyOf(c.policyId), at).map((e) => ({ ...e, key: c.key, title: c.title, reporterName: c.reporter.name })))
      const { events, ledger } = icsEvents(items, {
        details,
        teamZone,
        today: dateInZone(at.getTime(), teamZone),
        ledger: session.installation.icsLedger(storeFile),
      })
      const file = await shell.saveFile(
        { title: 'Export deadlines to a calendar', suggestedName: icsSuggestedName, filters: icsFilters },
        toIcs(events, { stamp: at }),
      )
      const cancelled = events.filter((e) => e.cancelled).length
      const counts = { events: events.length - cancelled, cancelled }
      if (!file) return { saved: false, ...counts }
      // The ledger says what a saved file told calendars; an export the person called off told them nothing.
      await session.installation.setIcsLedger(storeFile, ledger)
      return { saved: true, file, ...counts }
    },
  }
}
