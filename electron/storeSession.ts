import type { AppState } from '../src/ipc/contract'
import { DeskError, StoreOpenError } from '../src/errors'
import { actingMemberId, adoptedIdentity, checkedIdentity } from '../src/identity/actingMember'
import { openStore, type Store, type StoreListener, type StoreOptions } from '../src/store'
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
  close(): Promise<void>
}

export interface StoreSessionOptions extends Omit<StoreOptions, 'memberId'> {
  /** This installation's "who am I" per store file: the actor of every command comes from it, never from the file. */
  identities: IdentityBook
  installation: InstallationState
  /** Runs after every successful open, before its state is returned: the daily and before-migration backups. */
  afterOpen?: (store: Store) => Promise<void>
}

export function createStoreSession({ identities, installation, afterOpen, ...options }: StoreSessionOptions): StoreSession {
  let current: { file: string; store?: Store; problem?: string; unsubscribe?: () => void } | undefined
  const listeners = new Set<StoreListener>()

  // A plain function, not a method: the session's functions are passed around on their own (the main process wraps open).
  const state = (): AppState => {
    if (!current) return { kind: 'recovery', file: '', problem: 'no store file has been opened yet' }
    if (current.store) return { kind: 'ready', file: current.file, caseCount: current.store.cases.list().length }
    return { kind: 'recovery', file: current.file, problem: current.problem ?? 'could not be opened' }
  }
  const store = (): Store => {
    if (current?.store) return current.store
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
  const closeCurrent = async () => {
    current?.unsubscribe?.()
    await current?.store?.close()
  }

  return {
    async open(file) {
      let next: NonNullable<typeof current>
      try {
        // Asked at every command, so a choice made or a member removed meanwhile counts from the next change on.
        let opened: Store | undefined
        const memberId = () => opened && actingMemberId(opened.settings.get(), identities.of(file))
        opened = await openStore(file, { ...options, memberId })
        next = { file, store: opened }
        await adoptLegacyIdentity(opened)
        await afterOpen?.(opened)
      } catch (error) {
        if (!(error instanceof StoreOpenError)) throw error
        next = { file, problem: error.problem }
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
    async close() {
      await closeCurrent()
      current = undefined
    },
  }
}
