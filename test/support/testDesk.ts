import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers, type Shell } from '../../electron/handlers'
import { identityBook } from '../../electron/identities'
import { createStoreSession, type StoreSession } from '../../electron/storeSession'
import type { Case } from '../../src/cases/case'
import type { DeskApi, DeskEvent, EventName } from '../../src/ipc/contract'
import { buildDeskApi } from '../../src/ipc/deskApi'
import { dispatch } from '../../src/ipc/dispatch'
import { checkedEvent, contractEventsOf, isEventName } from '../../src/ipc/events'
import { emptyDocument } from '../../src/store/document'

/** File dialogs that answer what a test set, and a link opener that records instead of opening. */
export function createFakeShell(confirmLinks: boolean): {
  shell: Shell
  dialogs: { open: string | null; create: string | null }
  openedLinks: string[]
} {
  const dialogs = { open: null as string | null, create: null as string | null }
  const openedLinks: string[] = []
  const shell: Shell = {
    chooseStoreToOpen: async () => dialogs.open,
    chooseNewStoreLocation: async () => dialogs.create,
    confirmAndOpenExternal: async (url) => {
      openedLinks.push(url.href)
      return confirmLinks
    },
  }
  return { shell, dialogs, openedLinks }
}

/**
 * Forwards the session's store changes as contract events, checked as main checks them before sending; this is what
 * electron/main.ts does with webContents.send. Returns the function that stops forwarding.
 */
export function forwardStoreEvents(session: StoreSession, deliver: (event: DeskEvent) => void): () => void {
  return session.subscribe((changes, origin) => {
    for (const event of contractEventsOf(changes, origin)) deliver(checkedEvent(event.name, event.payload))
  })
}

/** Listeners registered through `desk.events.on`, as the preload keeps them; each gets its own copy, as over IPC. */
export function createEventHub() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  return {
    listen(name: EventName, listener: (payload: unknown) => void): () => void {
      if (!isEventName(name)) throw new Error(`There is no event ${String(name)}`)
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
    deliver(event: DeskEvent): void {
      for (const listener of [...(listeners.get(event.name) ?? [])]) listener(structuredClone(event.payload))
    },
  }
}

export interface TestDesk {
  desk: DeskApi
  file: string
  /** What the fake file dialogs answer next; null is a cancelled dialog. */
  dialogs: { open: string | null; create: string | null }
  /** Links the app asked to open outside, in order. */
  openedLinks: string[]
  /** Every event delivered to the renderer so far, in order. */
  events: DeskEvent[]
  /** Sends an event as main would (the menu's 'app:navigate', the clock's 'clock:dayChanged'); checked against the contract. */
  emit(event: DeskEvent): void
  /** Closes the store and opens the file again, as the app does at its next start (same user data folder). */
  restart(): Promise<void>
  dispose(): Promise<void>
}

/**
 * The real handler map over a real store file in a fresh temporary folder, reached the way the preload reaches it:
 * two desks on one `file` are two colleagues' apps, each with its own "who am I".
 * every request and response is cloned as IPC would, and validated against the contract. The store's changes arrive
 * at `desk.events.on` listeners as the preload delivers them. `cases` starts a new store file holding them.
 * The store watches its file, as the app's does, so another desk's write arrives within about a second (the handlers
 * do not re-read the file per request); `watch: false` leaves it to the next change.
 */
export async function createTestDesk(options?: {
  file?: string
  cases?: Case[]
  now?: () => Date
  watch?: boolean
}): Promise<TestDesk> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-'))
  const file = options?.file ?? join(dir, 'disclosure-desk.json')
  if (options?.cases) await writeFile(file, JSON.stringify({ ...emptyDocument(), cases: options.cases }))
  // The temporary folder is this desk's user data folder: "who am I" is its own, as each colleague's app has its own.
  const session = createStoreSession({
    identities: identityBook(dir),
    ...(options?.now && { now: options.now }),
    watch: options?.watch ?? true,
  })
  const { shell, dialogs, openedLinks } = createFakeShell(true)
  const handlers = createHandlers(session, shell, options?.now)
  const hub = createEventHub()
  const events: DeskEvent[] = []
  const deliver = (event: DeskEvent) => {
    events.push(event)
    hub.deliver(event)
  }
  const stopForwarding = forwardStoreEvents(session, deliver)
  await session.open(file)
  const desk = buildDeskApi(
    async (channel, request) => structuredClone(await dispatch(handlers, channel, structuredClone(request))),
    hub.listen,
  )
  return {
    desk,
    file,
    dialogs,
    openedLinks,
    events,
    emit: (event) => deliver(checkedEvent(event.name, event.payload)),
    async restart() {
      await session.close()
      await session.open(file)
    },
    async dispose() {
      stopForwarding()
      await session.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
