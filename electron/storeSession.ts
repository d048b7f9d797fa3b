import type { AppState } from '../src/ipc/contract'
import { DeskError, StoreOpenError } from '../src/errors'
import { actingMemberId, adoptedIdentity, checkedIdentity } from '../src/identity/actingMember'
import { openStore, type Encoding, type Store, type StoreListener, type StoreOptions } from '../src/store'
import { FileDecodeError, plainText } from '../src/store/file/encoding'
import {
  encryptedHeaderProblem,
  isEncryptedEncoding,
  isEncryptedFile,
  readFileHead,
  unlockEncoding,
  type EncryptedEncoding,
} from '../src/store/file/encryption'
import type { IdentityBook } from './identities'
import type { InstallationState } from './installationState'

/** The store the app is working on, or why it could not be opened. Switching files closes the previous store. */
export interface StoreSession {
  open(file: string): Promise<AppState>
  state(): AppState
  store(): Store
  /** Hears the changes of whichever store is open, across switches of the file. */
  subscribe(listener: StoreListener): () => void
  /** Who acts on the open store from this installation (null: nobody, recorded without a name: "Someone"). */
  identity(): string | null
  /** Keeps this installation's choice for the open store; refused unless nobody or a member on the team now. */
  chooseIdentity(memberId: string | null): Promise<string | null>
  /** What this installation keeps per store file besides who acts: reminder settings, reminders shown, ICS exports. */
  installation: InstallationState
  /**
   * Checks the passphrase of the locked store and keeps its key for the next open of that file (a wrong one is refused
   * at the field 'passphrase'); open(file) then reads it. Nothing is written.
   */
  unlock(passphrase: string): Promise<void>
  /**
   * How the store's file is read and written: encrypted with a passphrase, or plain; also for a file that could not be
   * opened after it was unlocked (its backups are read with the key). Undefined while locked or before any open.
   */
  encoding(): Encoding | undefined
  /**
   * Holds a key derived from the passphrase of the store's encrypted backups while its file could not be opened without
   * one (a damaged header, an empty file, at a fresh start): encoding() gives it from now on, so the backups are read and
   * restored with it, and the restored store opens with it. Refused in any other state; nothing is written.
   */
  holdBackupKey(encoding: EncryptedEncoding): void
  /** Writes the open store again with another encoding (encryption on, off, a new passphrase), all at once. */
  setEncoding(encoding: Encoding): Promise<void>
  close(): Promise<void>
}

export interface StoreSessionOptions extends Omit<StoreOptions, 'memberId'> {
  /** This installation's "who am I" per store file: the actor of every command comes from it, never from the file. */
  identities: IdentityBook
  installation: InstallationState
  /**
   * Runs after every successful open, before its state is returned: the daily and before-migration backups. `encoding`
   * is the one the file was opened with, so an encrypted store's backups are read back with its key.
   */
  afterOpen?: (store: Store, encoding: Encoding) => Promise<void>
}

export function createStoreSession({ identities, installation, afterOpen, ...options }: StoreSessionOptions): StoreSession {
  let current:
    | { file: string; store?: Store; encoding?: Encoding; problem?: string; locked?: boolean; unsubscribe?: () => void }
    | undefined
  // The key unlock() derived, until the open of its file that follows.
  let unlocked: { file: string; encoding: EncryptedEncoding } | undefined
  const listeners = new Set<StoreListener>()

  // A plain function, not a method: the session's functions are passed around on their own (the main process wraps open).
  const state = (): AppState => {
    if (!current) return { kind: 'recovery', file: '', problem: 'no store file has been opened yet' }
    if (current.locked) return { kind: 'locked', file: current.file }
    if (current.store) return { kind: 'ready', file: current.file, caseCount: current.store.cases.list().length }
    return { kind: 'recovery', file: current.file, problem: current.problem ?? 'could not be opened' }
  }
  const store = (): Store => {
    if (current?.store) return current.store
    if (current?.locked) {
      throw new DeskError('store_unavailable', `The store ${current.file} is encrypted. Enter its passphrase to open it.`)
    }
    throw new DeskError(
      'store_unavailable',
      `No store is open${current ? `: ${current.file} ${current.problem}` : ''}. Open another file or start a new store.`,
    )
  }
  const identity = () => actingMemberId(store().settings.get(), identities.of(store().file)) ?? null
  // An upgraded store's "I am" still lives in the file; taken into this installation's book before anything else is
  // saved, so adding a colleague later keeps this person. A book that cannot be written leaves the file's choice
  // counting as before (until the team grows), which is no reason to refuse the store.
  const adoptLegacyIdentity = async (opened: Store) => {
    const adopted = adoptedIdentity(opened.settings.get(), identities.of(opened.file))
    if (adopted === undefined) return
    await identities.choose(opened.file, adopted).catch(() => undefined)
  }
  /**
   * How `file` is to be read: plain; with the key unlock() just derived, or the one held now when it fits the file (the
   * same store opened again, restored from a backup or moved); locked without a key; or not at all when its encryption
   * header is damaged (no passphrase could open it).
   */
  const howToOpen = async (
    file: string,
  ): Promise<{ encoding: Encoding } | { locked: true } | { problem: string; key?: EncryptedEncoding }> => {
    const head = await readFileHead(file).catch(() => undefined)
    const held = unlocked?.file === file ? unlocked.encoding : current?.encoding
    const key = held && isEncryptedEncoding(held) ? held : undefined
    unlocked = undefined
    if (!head || !isEncryptedFile(head)) return { encoding: plainText }
    const problem = encryptedHeaderProblem(head)
    // A key held already still reads the backups, which have headers of their own.
    if (problem !== undefined) return { problem, ...(key && { key }) }
    // A key that no longer fits (another app set a new passphrase) asks for the new one, as at start.
    return key?.fits(head) ? { encoding: key } : { locked: true }
  }
  const closeCurrent = async () => {
    current?.unsubscribe?.()
    await current?.store?.close()
  }

  return {
    async open(file) {
      let next: NonNullable<typeof current>
      const how = await howToOpen(file)
      if ('problem' in how) next = { file, problem: how.problem, ...(how.key && { encoding: how.key }) }
      else if ('locked' in how) next = { file, locked: true }
      else {
        try {
          // Asked at every command, so a choice made or a member removed meanwhile counts from the next change on.
          let opened: Store | undefined
          const memberId = () => opened && actingMemberId(opened.settings.get(), identities.of(file))
          opened = await openStore(file, { ...options, memberId, encoding: how.encoding })
          next = { file, store: opened, encoding: how.encoding }
          await adoptLegacyIdentity(opened)
          await afterOpen?.(opened, how.encoding)
        } catch (error) {
          if (!(error instanceof StoreOpenError)) throw error
          // The key stays, so the recovery screen reads and restores the encrypted backups with it.
          next = { file, problem: error.problem, encoding: how.encoding }
        }
      }
      await closeCurrent()
      next.unsubscribe = next.store?.subscribe((changes, origin) => {
        for (const listener of listeners) listener(changes, origin)
      })
      current = next
      return state()
    },
    state,
    store,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    identity,
    async chooseIdentity(memberId) {
      const open = store()
      // The team as it is in the file now: a colleague may have just added this person.
      await open.sync()
      await identities.choose(open.file, checkedIdentity(open.settings.get(), memberId))
      return identity()
    },
    installation,
    async unlock(passphrase) {
      if (!current?.locked) throw new DeskError('invalid_input', 'The store open now is not locked; there is nothing to unlock.')
      const file = current.file
      const head = await readFileHead(file).catch((error: unknown) => {
        throw new DeskError('store_unavailable', `Could not read ${file} (${error instanceof Error ? error.message : String(error)}). Check that the folder can be reached and try again.`)
      })
      try {
        unlocked = { file, encoding: await unlockEncoding(head ?? new Uint8Array(), passphrase) }
      } catch (error) {
        if (!(error instanceof FileDecodeError)) throw error
        throw new DeskError('store_unavailable', `The file ${file} ${error.problem}. It was not changed.`)
      }
    },
    encoding: () => current?.encoding,
    holdBackupKey(encoding) {
      if (!current?.file || current.store || current.locked) {
        throw new DeskError('invalid_input', 'Only the backups of a store file that could not be opened are read with a passphrase here. Nothing was changed.')
      }
      current.encoding = encoding
    },
    async setEncoding(encoding) {
      const open = current
      await store().setEncoding(encoding)
      if (open) open.encoding = encoding
    },
    async close() {
      await closeCurrent()
      current = undefined
    },
  }
}
