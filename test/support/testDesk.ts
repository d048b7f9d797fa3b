// First: the handlers below load openpgp, which needs bytes of the global Uint8Array under jsdom.
import './sameRealmTextEncoder'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { backupsAtStoreOpen } from '../../electron/backupHandlers'
import { createHandlers, mailReader, type ChosenFile, type SaveFileOptions, type Shell } from '../../electron/handlers'
import { identityBook } from '../../electron/identities'
import { installationState } from '../../electron/installationState'
import { createPendingImports, importChosenEml } from '../../electron/pendingImports'
import { createStoreSession, type StoreSession } from '../../electron/storeSession'
import type { Case } from '../../src/cases/case'
import type { DeskApi, DeskEvent, EventName } from '../../src/ipc/contract'
import { buildDeskApi } from '../../src/ipc/deskApi'
import { dispatch } from '../../src/ipc/dispatch'
import { checkedEvent, contractEventsOf, isEventName } from '../../src/ipc/events'
import { emptyDocument } from '../../src/store/document'

/** A file written through the fake save dialog: what the dialog was asked, where it wrote, and what. */
export interface SavedFile extends SaveFileOptions {
  path: string
  content: string | Uint8Array
}

/** The files a test sees and hands over: saves, the mail files the open dialog answers, mailto: links sent to the mail app. */
export interface FakeFiles {
  /** Every file saved, in order; each is written for real under `folder`, by the name the dialog suggested. */
  saved: SavedFile[]
  folder: string
  /** false: the person cancels every save dialog, and nothing is written. */
  acceptSaves: boolean
  /** The next mail file(s) the open dialog answers, first queued first; with none queued the dialog is cancelled. */
  queueEml(name: string, content: string | Uint8Array): void
  /** The next file(s) the import's open dialog answers, as queueEml; with none queued the dialog is cancelled. */
  queueImport(name: string, content: string | Uint8Array): void
  /** mailto: URLs handed to the mail app, in order. */
  mailto: string[]
  /** false: no mail app takes a mailto: link on this system. */
  mailAppPresent: boolean
}

/**
 * File dialogs that answer what a test set, a link opener and a mail app that record instead of opening, and a save
 * dialog that writes into `folder` (the test's temporary folder).
 */
export function createFakeShell(
  confirmLinks: boolean,
  folder: string,
): {
  shell: Shell
  dialogs: { open: string | null; create: string | null; folder: string | null }
  openedLinks: string[]
  files: FakeFiles
} {
  const dialogs = { open: null as string | null, create: null as string | null, folder: null as string | null }
  const openedLinks: string[] = []
  const emlQueue: ChosenFile[] = []
  const importQueue: ChosenFile[] = []
  const files: FakeFiles = {
    saved: [],
    folder,
    acceptSaves: true,
    queueEml: (name, content) => emlQueue.push({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content }),
    queueImport: (name, content) => importQueue.push({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content }),
    mailto: [],
    mailAppPresent: true,
  }
  const shell: Shell = {
    chooseStoreToOpen: async () => dialogs.open,
    chooseNewStoreLocation: async () => dialogs.create,
    chooseFolder: async () => dialogs.folder,
    confirmAndOpenExternal: async (url) => {
      openedLinks.push(url.href)
      return confirmLinks
    },
    async saveFile(options, content) {
      if (!files.acceptSaves) return null
      // A real dialog would take a folder in the suggested name as a place to save: the handlers must never offer one.
      if (basename(options.suggestedName) !== options.suggestedName) throw new Error(`The save dialog was offered a path: ${options.suggestedName}`)
      await mkdir(folder, { recursive: true })
      const path = join(folder, options.suggestedName)
      await writeFile(path, content)
      files.saved.push({ ...structuredClone(options), path, content })
      return path
    },
    openEmlFile: async () => emlQueue.shift() ?? null,
    chooseFileToImport: async () => importQueue.shift() ?? null,
    async openMailto(url) {
      files.mailto.push(url)
      return files.mailAppPresent
    },
  }
  return { shell, dialogs, openedLinks, files }
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
  /** What the fake file dialogs answer next (folder: the folder dialog); null is a cancelled dialog. */
  dialogs: { open: string | null; create: string | null; folder: string | null }
  /** Links the app asked to open outside, in order. */
  openedLinks: string[]
  /** Files saved (under a `saved` folder of the desk's temporary folder), mails queued for the open dialog, mailto: links opened. */
  files: FakeFiles
  /** Every event delivered to the renderer so far, in order. */
  events: DeskEvent[]
  /** Sends an event as main would (the menu's 'app:navigate', the clock's 'clock:dayChanged'); checked against the contract. */
  emit(event: DeskEvent): void
  /**
   * The menu's "Import report from email…": the open dialog answers the next mail of `files.queueEml` (none queued:
   * cancelled), main reads and keeps it, and the window is sent to its import screen ('app:navigate' to
   * /import/<token>). Answers the route, or null when cancelled.
   */
  importEmailFromMenu(): Promise<string | null>
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
  const installation = installationState(dir)
  const session = createStoreSession({
    identities: identityBook(dir),
    installation,
    ...(options?.now && { now: options.now }),
    watch: options?.watch ?? true,
    // As the app's: each open makes the day's backup (and one before an upgrade of the format).
    afterOpen: backupsAtStoreOpen(installation, options?.now),
  })
  const { shell, dialogs, openedLinks, files } = createFakeShell(true, join(dir, 'saved'))
  const pending = createPendingImports(mailReader(session, options?.now))
  const handlers = createHandlers(session, shell, options?.now, pending)
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
    files,
    events,
    emit: (event) => deliver(checkedEvent(event.name, event.payload)),
    async importEmailFromMenu() {
      const to = await importChosenEml(shell, pending)
      if (to) deliver(checkedEvent('app:navigate', { to }))
      return to
    },
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
