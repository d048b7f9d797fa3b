import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { IcsLedger } from '../src/export/icsLedger'
import { ReminderPrefs, ShownReminders } from '../src/reminders/reminderState'
import { atomicWrite } from '../src/store/file/atomicWrite'

const PerStore = z.object({
  reminders: ReminderPrefs.default({ enabled: true, scope: 'all' }),
  shownReminders: ShownReminders.default({}),
  icsLedger: IcsLedger.default({}),
})
type PerStore = z.infer<typeof PerStore>

// Store file (absolute path) → what this installation keeps for it. An entry that cannot be read counts as none yet.
const Book = z.record(z.string(), z.unknown())

/**
 * What one person's app keeps about a store file on their own computer: their reminder settings, the reminders already
 * shown to them, and the ICS events they exported. Not in the shared file: a colleague's notification shown, or their
 * calendar export, says nothing about this person's.
 */
export interface InstallationState {
  reminderPrefs(storeFile: string): ReminderPrefs
  setReminderPrefs(storeFile: string, prefs: ReminderPrefs): Promise<void>
  shownReminders(storeFile: string): ShownReminders
  setShownReminders(storeFile: string, shown: ShownReminders): Promise<void>
  icsLedger(storeFile: string): IcsLedger
  setIcsLedger(storeFile: string, ledger: IcsLedger): Promise<void>
}

/** Kept in the user data folder beside identities.json (see identities.ts), written the same crash-safe way. */
export function installationState(userData: string): InstallationState {
  const file = join(userData, 'installation.json')
  const readBook = (): Record<string, unknown> => {
    try {
      return Book.parse(JSON.parse(readFileSync(file, 'utf8')))
    } catch {
      return {}
    }
  }
  const of = (storeFile: string): PerStore => {
    const parsed = PerStore.safeParse(readBook()[resolve(storeFile)] ?? {})
    return parsed.success ? parsed.data : PerStore.parse({})
  }
  // Written compact: the ICS ledger of a large store runs to hundreds of kilobytes, rewritten with each reminder shown.
  // One write at a time: two changes in quick succession (a reminder shown while an export is saved) both land.
  let writing: Promise<void> = Promise.resolve()
  const change = (storeFile: string, patch: Partial<PerStore>) => {
    writing = writing
      .catch(() => undefined)
      .then(() => {
        const book = readBook()
        const key = resolve(storeFile)
        return atomicWrite(file, JSON.stringify({ ...book, [key]: { ...of(storeFile), ...patch } }))
      })
    return writing
  }
  return {
    reminderPrefs: (storeFile) => of(storeFile).reminders,
    setReminderPrefs: (storeFile, reminders) => change(storeFile, { reminders }),
    shownReminders: (storeFile) => of(storeFile).shownReminders,
    setShownReminders: (storeFile, shownReminders) => change(storeFile, { shownReminders }),
    icsLedger: (storeFile) => of(storeFile).icsLedger,
    setIcsLedger: (storeFile, icsLedger) => change(storeFile, { icsLedger }),
  }
}
