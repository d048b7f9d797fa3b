import type { Handlers } from '../src/ipc/contract'
import type { StoreSession } from './storeSession'

/** This installation's reminder settings for the open store. */
export function reminderHandlers(session: StoreSession): Pick<Handlers, 'reminders:get' | 'reminders:set'> {
  const file = () => session.store().file
  return {
    'reminders:get': async () => session.installation.reminderPrefs(file()),
    'reminders:set': async (prefs) => {
      await session.installation.setReminderPrefs(file(), prefs)
      return session.installation.reminderPrefs(file())
    },
  }
}
