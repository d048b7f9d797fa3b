import type { Handlers } from '../src/ipc/contract'
import { toSummary } from '../src/cases/summary'
import { DeskError } from '../src/errors'
import { externalLink } from '../src/links/externalLink'
import type { StoreSession } from './storeSession'

/** What only the desktop shell can do: native dialogs and the system browser. The e2e bridge supplies its own. */
export interface Shell {
  chooseStoreToOpen(): Promise<string | null>
  chooseNewStoreLocation(): Promise<string | null>
  confirmAndOpenExternal(url: URL): Promise<boolean>
}

/** One plain async function per channel; each is a thin call into src/. Imports no electron, so Node tests load it. */
export function createHandlers(session: StoreSession, shell: Shell): Handlers {
  const store = () => session.store()
  return {
    'app:state': async () => session.state(),
    'store:openOther': async () => {
      const file = await shell.chooseStoreToOpen()
      return file ? session.open(file) : session.state()
    },
    'store:createNew': async () => {
      const file = await shell.chooseNewStoreLocation()
      return file ? session.open(file) : session.state()
    },
    'cases:list': async () => store().cases.list().map(toSummary),
    'cases:get': async ({ id }) => store().cases.get(id),
    'cases:create': async (input) => store().cases.create(input),
    'cases:update': async ({ id, revision, patch }) => store().cases.update(id, patch, revision),
    'cases:transition': async ({ id, revision, transition }) => store().cases.transition(id, transition, revision),
    'cases:addNote': async ({ id, text }) => store().cases.addNote(id, text),
    'cases:recordMilestone': async ({ id, ...milestone }) => store().cases.recordMilestone(id, milestone),
    'samples:load': async () => ({ added: await store().samples.load() }),
    'samples:remove': async () => ({ removed: await store().samples.remove() }),
    'settings:get': async () => store().settings.get(),
    'settings:update': async (settings) => store().settings.update(settings),
    'external:open': async ({ url }) => {
      const link = externalLink(url)
      if (!link) throw new DeskError('invalid_input', 'Only https and mailto links can be opened outside the app.')
      return { opened: await shell.confirmAndOpenExternal(link) }
    },
  }
}
