import { createServer, type Server } from 'node:http'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { backupsAtStoreOpen } from '../../electron/backupHandlers'
import { startDayClock } from '../../electron/dayClock'
import { createHandlers, mailReader } from '../../electron/handlers'
import { identityBook } from '../../electron/identities'
import { installationState } from '../../electron/installationState'
import { createPendingImports, importChosenEml, type PendingImports } from '../../electron/pendingImports'
import { storePresence, type StorePresence } from '../../electron/presenceHandlers'
import { createStoreSession, type StoreSession } from '../../electron/storeSession'
import { timeZoneOf } from '../../src/calendar'
import { channels, eventNames, type DeskEvent, type Handlers } from '../../src/ipc/contract'
import { nextDayChange } from '../../src/ipc/dayChange'
import { dispatch } from '../../src/ipc/dispatch'
import { dateInZone } from '../../src/time'
import { checkedEvent } from '../../src/ipc/events'
import { openStore, type Store } from '../../src/store'
import { createFakeShell, forwardStoreEvents, type FakeFiles } from '../support/testDesk'

const root = join(import.meta.dirname, '..', '..')
const rendererDir = join(root, 'out', 'renderer')
export const screenshotDir = join(root, 'test-results')

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Chromium will not run module scripts from file://, so the built renderer is served from loopback instead. */
async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(rendererDir, path === '/' ? 'index.html' : path)
    try {
      const body = await readFile(file)
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return { server, url: `http://127.0.0.1:${address.port}/` }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** One clock for the handlers and the page: it runs at real speed from where the test set it, and jumps when told. */
export interface HarnessClock {
  now(): Date
  /** Jumps ahead, firing the page's timers on the way (Playwright's clock.fastForward); a new team day is announced as main would. */
  fastForward(ms: number): Promise<void>
  /** Sets the time without firing the page's timers (Playwright's clock.setSystemTime); a new team day is announced too. */
  setSystemTime(at: Date | string): Promise<void>
}

export interface AppHarness {
  page: Page
  storeFile: string
  dialogs: { open: string | null; create: string | null; folder: string | null }
  openedLinks: string[]
  /**
   * Files saved through the save dialog (written under the test's temporary folder), mail files queued for the open
   * dialog (`files.queueEml(name, text)`), mailto: links handed to the mail app.
   */
  files: FakeFiles
  /** Moves time only when the app was launched with `clock`; otherwise its moves throw. */
  clock: HarnessClock
  /** Every event delivered to the page so far, in order. */
  events: DeskEvent[]
  /** Sends an event to the page as main would, e.g. the menu's { name: 'app:navigate', payload: { to: '/settings' } }. */
  emit(event: DeskEvent): Promise<void>
  /**
   * File → "Import report from email…" as main runs it: the open dialog answers the next mail queued with
   * `files.queueEml(name, text)` (none queued: cancelled), main reads and keeps it, and the page is sent to
   * /import/<token>. Answers that route, or null when cancelled.
   */
  importEmailFromMenu(): Promise<string | null>
  /**
   * A second app on the same store file, as a colleague's: what it writes reaches the open page only through the
   * file watch, as 'store:changedOnDisk' and the changes it names. It acts as `memberId` (a team member's id), or as
   * nobody (no name: "Someone"), never as this app's person. Closed with the harness.
   */
  openColleagueStore(options?: { memberId?: string }): Promise<Store>
  /** Quits and starts the app again on the same store file, as a user would. */
  restart(): Promise<void>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/**
 * The page side of the bridge: one desk function per channel and desk.events.on, as the preload exposes them.
 * Plain JavaScript text: the TypeScript runner of the benchmarks would add helpers (__name) the page does not have.
 */
const installDesk = `([names, events]) => {
  const invoke = window.__deskInvoke
  const desk = {}
  for (const channel of names) {
    const [group, method] = channel.split(':')
    desk[group] ??= {}
    desk[group][method] = (request) => invoke(channel, request ?? {})
  }
  const listeners = new Map()
  desk.events = {
    on: (name, listener) => {
      if (!events.includes(name)) throw new Error('There is no event ' + name)
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
  }
  Object.defineProperty(window, 'desk', { value: Object.freeze(desk), writable: false })
  // Only the harness calls this, through page.evaluate, with a payload it checked against the contract.
  Object.defineProperty(window, '__deskDeliver', {
    value: (name, payload) => {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(structuredClone(payload))
    },
  })
}`

/**
 * The built renderer in Chromium, with the preload replaced by a bridge to the same handler map the main process
 * registers, over a real store file on disk. The store's events reach the page as main sends them to the window.
 *
 * `now` freezes both clocks at one instant (Playwright's setFixedTime). `clock` starts both at that instant and lets
 * them run, for a test that moves time with `app.clock` (e.g. across midnight).
 */
export async function launchApp(
  options: { storeFile?: string; now?: () => Date; clock?: Date | string } = {},
): Promise<AppHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-e2e-'))
  const storeFile = options.storeFile ?? join(dir, 'disclosure-desk.json')
  await mkdir(screenshotDir, { recursive: true })
  const { shell, dialogs, openedLinks, files } = createFakeShell(false, join(dir, 'saved'))

  // The handlers' clock is the page's: Date.now() plus how far the test moved it.
  let offset = options.clock === undefined ? 0 : new Date(options.clock).getTime() - Date.now()
  const now = options.now ?? (() => new Date(Date.now() + offset))

  const events: DeskEvent[] = []
  let page: Page | undefined
  const deliver = async (event: DeskEvent) => {
    events.push(event)
    // A page that is reloading misses the event, as the real window would; it asks for everything again anyway.
    await page?.evaluate(`window.__deskDeliver?.(${JSON.stringify(event.name)}, ${JSON.stringify(event.payload)})`).catch(() => undefined)
  }

  let session: StoreSession
  let handlers: Handlers
  let pending: PendingImports
  let presence: StorePresence
  let stopForwarding = () => {}
  const teamZone = () => {
    const state = session.state()
    return state.kind === 'ready' ? timeZoneOf(session.store().settings.get().calendar.spec) : 'UTC'
  }
  const announce = (today: string) => deliver({ name: 'clock:dayChanged', payload: { today } })
  const startBackend = async () => {
    // watch: a colleague's write to the same file must reach the open list through the file watch, as in the app.
    // The temporary folder is the app's user data folder: "who am I" lasts across restart() as in the app.
    const installation = installationState(dir)
    session = createStoreSession({ now, watch: true, identities: identityBook(dir), installation, afterOpen: backupsAtStoreOpen(installation, now) })
    pending = createPendingImports(mailReader(session, now))
    // As main's: this app's entry beside the store, under an installation id kept in the user data folder.
    presence = storePresence(session, join(dir, 'installation-id.json'))
    handlers = createHandlers(session, shell, now, pending, undefined, presence)
    stopForwarding = forwardStoreEvents(session, (event) => void deliver(event))
    await session.open(storeFile)
    await presence.follow()
  }
  await startBackend()
  const dayClock = startDayClock(teamZone, (today) => void announce(today), () => now().getTime())

  const { server, url } = await serveRenderer()
  const browser = await launchChromium()
  // A computer set to UTC, wherever the tests run: forms take times on the computer's clock, the record shows the team's.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' })
  await context.exposeFunction('__deskInvoke', (channel: string, request: unknown) => dispatch(handlers, channel, request))
  await context.addInitScript({ content: `(${installDesk})(${JSON.stringify([channels, eventNames])})` })
  // The renderer reads the clock too ("Tomorrow", "Overdue"): it must agree with the handlers' clock.
  if (options.now) await context.clock.setFixedTime(options.now())
  else if (options.clock !== undefined) await context.clock.install({ time: now() })
  page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(url)

  // Main announces a new day from its timer; a jump of the test's clock past midnight is announced at once instead.
  const moved = async (before: number) => {
    const after = now().getTime()
    if (nextDayChange(before, teamZone()).at <= after) await announce(dateInZone(after, teamZone()))
    dayClock.reschedule()
  }
  const clock: HarnessClock = {
    now,
    async fastForward(ms) {
      if (options.clock === undefined) throw new Error('launch the app with { clock } to move its time')
      const before = now().getTime()
      offset += ms
      await context.clock.fastForward(ms)
      await moved(before)
    },
    async setSystemTime(at) {
      if (options.clock === undefined) throw new Error('launch the app with { clock } to move its time')
      const before = now().getTime()
      offset = new Date(at).getTime() - Date.now()
      await context.clock.setSystemTime(now())
      await moved(before)
    },
  }
  const colleagues: Store[] = []

  return {
    page,
    storeFile,
    dialogs,
    openedLinks,
    files,
    clock,
    events,
    emit: (event) => deliver(checkedEvent(event.name, event.payload)),
    async importEmailFromMenu() {
      const to = await importChosenEml(shell, pending)
      if (to) await deliver(checkedEvent('app:navigate', { to }))
      return to
    },
    async openColleagueStore(colleague) {
      const store = await openStore(storeFile, { now, memberId: () => colleague?.memberId })
      colleagues.push(store)
      return store
    },
    async restart() {
      stopForwarding()
      await presence.stop()
      await session.close()
      await startBackend()
      dayClock.reschedule()
      await page.reload()
    },
    async screenshot(name) {
      const path = join(screenshotDir, `${name}.png`)
      await page.screenshot({ path, fullPage: false })
      return path
    },
    async close() {
      dayClock.stop()
      await browser.close()
      stopForwarding()
      for (const store of colleagues) await store.close()
      await presence.stop()
      await session.close()
      await new Promise((resolve) => server.close(resolve))
      await rm(dir, { recursive: true, force: true })
      if (pageErrors.length > 0) throw new Error(`The page threw: ${pageErrors.join('; ')}`)
    },
  }
}
