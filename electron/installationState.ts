import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { z } from 'zod'
import { IsoDate } from '../src/calendar/spec'
import { IcsLedgerLine, type IcsLedger } from '../src/export/icsLedger'
import { ReminderPrefs, type ShownReminders } from '../src/reminders/reminderState'
import { BackupFailure, BackupPrefs } from '../src/store/backups'
import { ownFile } from '../src/store/file/atomicWrite'

interface PerStore {
  reminders: ReminderPrefs
  shownReminders: ShownReminders
  icsLedger: IcsLedger
  backups: BackupPrefs
  backupFailure?: BackupFailure
}

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
  /** Where this computer puts the store's backups and how many of each kind it keeps. */
  backupPrefs(storeFile: string): BackupPrefs
  setBackupPrefs(storeFile: string, prefs: BackupPrefs): Promise<void>
  /** The last automatic backup of the store that failed on this computer, until one succeeds (undefined clears it). */
  backupFailure(storeFile: string): BackupFailure | undefined
  setBackupFailure(storeFile: string, failure: BackupFailure | undefined): Promise<void>
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The lines of a record that read, each on its own: a bad line costs that line, not every SEQUENCE or reminder shown. */
function readableLines<T>(raw: unknown, line: z.ZodType<T>): Record<string, T> {
  const lines: Record<string, T> = {}
  if (!isRecord(raw)) return lines
  for (const [key, value] of Object.entries(raw)) {
    const parsed = line.safeParse(value)
    if (parsed.success) lines[key] = parsed.data
  }
  return lines
}

/** Each part read on its own, so an unreadable ledger line never turns reminders that were switched off back on. */
function readPerStore(raw: unknown): PerStore {
  const parts = isRecord(raw) ? raw : {}
  const reminders = ReminderPrefs.safeParse(parts.reminders ?? {})
  // A backup folder that no longer reads falls back to the one beside the store: backups keep being made somewhere.
  const backups = BackupPrefs.safeParse(parts.backups ?? {})
  const backupFailure = BackupFailure.safeParse(parts.backupFailure)
  return {
    reminders: reminders.success ? reminders.data : ReminderPrefs.parse({}),
    shownReminders: readableLines(parts.shownReminders, IsoDate),
    icsLedger: readableLines(parts.icsLedger, IcsLedgerLine),
    backups: backups.success ? backups.data : BackupPrefs.parse({}),
    ...(backupFailure.success && { backupFailure: backupFailure.data }),
  }
}

/**
 * Kept in the user data folder beside identities.json (see identities.ts), written the same crash-safe way. Read once:
 * the app holds the single-instance lock for its profile, so nothing else writes the file while it runs, and a
 * reminder check every minute then costs no reading and checking of a ledger of tens of thousands of lines.
 */
export function installationState(userData: string): InstallationState {
  const file = join(userData, 'installation.json')
  const own = ownFile(file)
  let book: Record<string, unknown> | undefined
  const stores = new Map<string, PerStore>()
  const readBook = (): Record<string, unknown> => {
    if (book) return book
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
      book = isRecord(parsed) ? parsed : {}
    } catch {
      // Not there yet, or unreadable: counts as nothing kept, and the next change writes a good file.
      book = {}
    }
    return book
  }
  const of = (storeFile: string): PerStore => {
    const key = resolve(storeFile)
    let state = stores.get(key)
    if (!state) {
      state = readPerStore(readBook()[key])
      stores.set(key, state)
    }
    return state
  }
  // Writes one after another, each of the state as it is then: two changes in quick succession both land, in order.
  let writing: Promise<void> = Promise.resolve()
  const change = (storeFile: string, patch: Partial<PerStore>) => {
    const key = resolve(storeFile)
    const next = { ...of(storeFile), ...patch }
    stores.set(key, next)
    readBook()[key] = next
    // Compact: the ICS ledger of a large store runs to hundreds of kilobytes, rewritten with each reminder shown.
    const content = JSON.stringify(readBook())
    writing = writing.catch(() => undefined).then(() => own.write(content))
    return writing
  }
  return {
    reminderPrefs: (storeFile) => of(storeFile).reminders,
    setReminderPrefs: (storeFile, reminders) => change(storeFile, { reminders }),
    shownReminders: (storeFile) => of(storeFile).shownReminders,
    setShownReminders: (storeFile, shownReminders) => change(storeFile, { shownReminders }),
    icsLedger: (storeFile) => of(storeFile).icsLedger,
    setIcsLedger: (storeFile, icsLedger) => change(storeFile, { icsLedger }),
    backupPrefs: (storeFile) => of(storeFile).backups,
    setBackupPrefs: (storeFile, backups) => change(storeFile, { backups }),
    backupFailure: (storeFile) => of(storeFile).backupFailure,
    setBackupFailure: (storeFile, backupFailure) => change(storeFile, { backupFailure }),
  }
}
