import { join } from 'node:path'
import { DeskError, refusal } from '../src/errors'
import type { AppState, Handlers } from '../src/ipc/contract'
import type { Store } from '../src/store'
import { BackupPrefs, type Backup, type BackupKind, type BackupList } from '../src/store/backups'
import {
  backupFolderOf,
  backupsAtOpen,
  checkLatest,
  copyStoreTo,
  listBackups,
  makeBackup,
  restoreBackup,
  type BackupChecks,
  type BackupPlace,
} from '../src/store/file/backupFiles'
import type { Encoding } from '../src/store/file/encoding'
import { encryptedHeaderProblem, isEncryptedFile, readFileHead, unlockEncoding, type EncryptedEncoding } from '../src/store/file/encryption'
import type { Shell } from './handlers'
import type { InstallationState } from './installationState'
import type { StoreSession } from './storeSession'

type BackupChannels =
  | 'backups:list'
  | 'backups:create'
  | 'backups:restore'
  | 'backups:setKeep'
  | 'backups:chooseFolder'
  | 'backups:folderBesideStore'
  | 'backups:unlock'
  | 'store:move'

/**
 * The session's afterOpen: the backups opening a store makes (before an upgrade of its format, the day's daily one).
 * `encoding` is the one the store was opened with (an encrypted store's backups are read back with its key); without
 * it the copies are read back as plain files.
 * A backup that fails does not keep the store from opening (the cases are there; refusing them would help nobody),
 * but it is kept as this computer's failure for the store until one succeeds, and Settings → Backups says so.
 */
export function backupsAtStoreOpen(
  installation: InstallationState,
  now: () => Date = () => new Date(),
): (store: Store, encoding?: Encoding) => Promise<void> {
  return async (store, encoding) => {
    const place: BackupPlace = { storeFile: store.file, prefs: installation.backupPrefs(store.file), now, encoding }
    const kind: BackupKind = store.migratedFrom === undefined ? 'daily' : 'before-migration'
    try {
      const made = await backupsAtOpen(place, store.migratedFrom)
      if (made.length > 0 && installation.backupFailure(store.file)) await installation.setBackupFailure(store.file, undefined)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await installation.setBackupFailure(store.file, { at: now().toISOString(), kind, message }).catch(() => undefined)
    }
  }
}

/**
 * Backs up the open store now, as `kind` (Settings' "Back up now" is 'manual'; an import makes 'before-import'), with
 * this computer's folder and count for it. Refused in words when the copy cannot be made; the store is never written.
 */
export async function backUpOpenStore(session: StoreSession, kind: BackupKind): Promise<Backup> {
  return makeBackup(placeOf(session, session.store().file), kind)
}

function placeOf(session: StoreSession, storeFile: string): BackupPlace {
  return { storeFile, prefs: session.installation.backupPrefs(storeFile), encoding: session.encoding() }
}

/** What a passphrase that does not derive the key of the backups is told, at its field. */
export const wrongBackupPassphrase = 'That passphrase does not open these backups'

/** Backups of the store the session has open, or could not open (the recovery screen restores from them); moving it. */
export function backupHandlers(session: StoreSession, shell: Shell): Pick<Handlers, BackupChannels> {
  const { installation } = session
  const checks: BackupChecks = new Map()
  /** The store file the app is on, open or not: a broken one has backups too. */
  const storeFile = () => session.state().file
  const listing = async (file = storeFile()): Promise<BackupList> => {
    const prefs = installation.backupPrefs(file)
    const list = { besideStore: prefs.folder === null, keep: prefs.keep, failure: installation.backupFailure(file) ?? null, folderProblem: null }
    // Only before any store was opened is there no file, and then no backups either.
    if (!file) return { ...list, folder: '', backups: [], latestGood: null }
    const place = placeOf(session, file)
    const folder = backupFolderOf(file, prefs)
    try {
      return { ...list, folder, ...(await checkLatest(place, await listBackups(place), checks)) }
    } catch (error) {
      // Said beside the list, which stays usable: the folder can be chosen again, a backup made elsewhere.
      return { ...list, folder, backups: [], latestGood: null, folderProblem: error instanceof Error ? error.message : String(error) }
    }
  }
  const changePrefs = async (patch: Partial<BackupPrefs>) => {
    const file = session.store().file
    await installation.setBackupPrefs(file, BackupPrefs.parse({ ...installation.backupPrefs(file), ...patch }))
    return listing(file)
  }
  /** What this computer keeps for the store file goes with it to its new place: who acts, reminders, backups. */
  const carryOver = async (from: string, to: string) => {
    await installation.setReminderPrefs(to, installation.reminderPrefs(from))
    await installation.setShownReminders(to, installation.shownReminders(from))
    await installation.setIcsLedger(to, installation.icsLedger(from))
    await installation.setBackupPrefs(to, installation.backupPrefs(from))
  }

  return {
    'backups:list': () => listing(),
    'backups:create': async () => {
      const backup = await backUpOpenStore(session, 'manual')
      return { backup, list: await listing() }
    },
    'backups:restore': async ({ name }) => {
      const file = storeFile()
      if (!file) throw new DeskError('store_unavailable', 'No store file has been opened yet, so there is nothing to restore.')
      const { restored, savedAs } = await restoreBackup(placeOf(session, file), name)
      return { state: await session.open(file), restored, savedAs }
    },
    'backups:setKeep': ({ keep }) => changePrefs({ keep }),
    'backups:chooseFolder': async () => {
      const folder = await shell.chooseFolder('Choose a folder for the backups')
      return folder ? changePrefs({ folder }) : listing()
    },
    'backups:folderBesideStore': () => changePrefs({ folder: null }),
    // The store file holds no key to read its backups with (its header is damaged, it is empty): the newest encrypted
    // backup's header gives the salt, and the key the passphrase derives stays with the session for the restore.
    'backups:unlock': async ({ passphrase }) => {
      const file = storeFile()
      if (!file || session.state().kind !== 'recovery') {
        throw new DeskError('invalid_input', 'The backups are read with the passphrase only while the store file cannot be opened. Nothing was changed.')
      }
      const place = placeOf(session, file)
      const folder = backupFolderOf(file, place.prefs)
      let head: Uint8Array | undefined
      for (const backup of await listBackups(place)) {
        const bytes = await readFileHead(join(folder, backup.name)).catch(() => undefined)
        if (bytes && isEncryptedFile(bytes) && encryptedHeaderProblem(bytes) === undefined) {
          head = bytes
          break
        }
      }
      if (!head) throw new DeskError('not_found', `None of the backups in ${folder} is an encrypted store whose passphrase can be checked. Nothing was changed.`)
      let key: EncryptedEncoding
      try {
        key = await unlockEncoding(head, passphrase)
      } catch (error) {
        // unlockEncoding refuses only a wrong passphrase in a DeskError (the header was checked above).
        if (error instanceof DeskError) throw refusal('passphrase', wrongBackupPassphrase)
        throw error
      }
      session.holdBackupKey(key)
      return listing(file)
    },
    'store:move': async () => {
      const from = session.store().file
      const folder = await shell.chooseFolder('Move the store to another folder')
      if (!folder) return { moved: false }
      const who = session.identity()
      const prefs = installation.backupPrefs(from)
      // Beside the store, the folder does not move with it: the backups so far stay beside the old file.
      const backupsLeftIn = prefs.folder === null ? backupFolderOf(from, prefs) : null
      const to = await copyStoreTo(from, folder, session.encoding())
      await carryOver(from, to)
      const state: AppState = await session.open(to)
      if (state.kind === 'recovery') {
        // The copy read back as a store, so this is a surprise; the store stays where it was, as it was.
        await session.open(from)
        throw new DeskError('store_unavailable', `The copy at ${to} could not be opened: the file ${state.problem}. The store is still at ${from}, as it was.`)
      }
      if (state.kind === 'ready' && who !== null) await session.chooseIdentity(who).catch(() => undefined)
      return { moved: true, from, to, state, backupsLeftIn }
    },
  }
}
