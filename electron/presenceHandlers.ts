import { randomUUID } from 'node:crypto'
import type { Handlers } from '../src/ipc/contract'
import { announcePresence, installationId, presenceSightings, type Announcement, type PresenceOptions } from '../src/store/file/presence'
import type { PresenceEntry } from '../src/store/presenceEntry'
import type { StoreSession } from './storeSession'

/** This app's "I have it open" beside whichever store the session has open, and who else has it open. */
export interface StorePresence {
  /** Announces this app on the store open now, and stops announcing the one before; called after every open. */
  follow(): Promise<void>
  /** The other apps that have the open store file open (following the session's store first). */
  others(): Promise<PresenceEntry[]>
  /** Stops announcing (at quit): this app's entry is removed. */
  stop(): Promise<void>
}

/**
 * `idFile` (in the user data folder) keeps the installation's id. One that cannot be written costs only the id's
 * permanence: this run announces itself under an id of its own, and the entry goes at close as any other.
 */
export function storePresence(session: StoreSession, idFile: string, options: PresenceOptions = {}): StorePresence {
  const id = installationId(idFile).catch(() => randomUUID())
  let current: Announcement | undefined
  const sightings = presenceSightings(options)
  // The person chosen under "You are" here, by their name on the team as it is at each refresh.
  const name = () => {
    const memberId = session.state().kind === 'ready' ? session.identity() : null
    return memberId ? session.store().settings.get().team.find((m) => m.id === memberId)?.name : undefined
  }
  // Opens come one after another; a follow waits for the one before, so two announcements never overlap.
  let following: Promise<void> = Promise.resolve()
  const follow = () => {
    following = following.then(async () => {
      const state = session.state()
      const file = state.kind === 'ready' ? state.file : undefined
      if (current?.storeFile === file) return
      await current?.stop()
      current = file === undefined ? undefined : announcePresence(file, await id, name, options)
      await current?.announced
    })
    return following
  }
  return {
    follow,
    async others() {
      // Asked every half minute and when the window comes forward: a store opened some other way (unlocked,
      // restored) is followed by then as well.
      await follow()
      return current ? sightings.othersOpen(current.storeFile, await id) : []
    },
    async stop() {
      await following
      await current?.stop()
      current = undefined
    },
  }
}

/** Without a presence (tests that do not need one), nobody else is open. */
export function presenceHandlers(presence?: StorePresence): Pick<Handlers, 'store:presence'> {
  return {
    'store:presence': async () => (presence ? presence.others() : []),
  }
}
