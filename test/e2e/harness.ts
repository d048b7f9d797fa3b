import { createServer, type Server } from 'node:http'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createHandlers } from '../../electron/handlers'
import { createFakeShell } from '../support/testDesk'
import { createStoreSession, type StoreSession } from '../../electron/storeSession'
import { channels, type Handlers } from '../../src/ipc/contract'
import { dispatch } from '../../src/ipc/dispatch'

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

export interface AppHarness {
  page: Page
  storeFile: string
  dialogs: { open: string | null; create: string | null }
  openedLinks: string[]
  /** Quits and starts the app again on the same store file, as a user would. */
  restart(): Promise<void>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/**
 * The built renderer in Chromium, with the preload replaced by a bridge to the same handler map the main process
 * registers, over a real store file on disk.
 */
export async function launchApp(options: { storeFile?: string; now?: () => Date } = {}): Promise<AppHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-e2e-'))
  const storeFile = options.storeFile ?? join(dir, 'disclosure-desk.json')
  await mkdir(screenshotDir, { recursive: true })
  const { shell, dialogs, openedLinks } = createFakeShell(false)
  let session: StoreSession
  let handlers: Handlers
  const startBackend = async () => {
    session = createStoreSession(options.now ? { now: options.now } : undefined)
    handlers = createHandlers(session, shell, options.now)
    await session.open(storeFile)
  }
  await startBackend()

  const { server, url } = await serveRenderer()
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.exposeFunction('__deskInvoke', (channel: string, request: unknown) => dispatch(handlers, channel, request))
  await context.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __deskInvoke: (c: string, r: unknown) => Promise<unknown> }).__deskInvoke
    const desk: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {}
    for (const channel of names) {
      const [group, method] = channel.split(':') as [string, string]
      desk[group] ??= {}
      desk[group][method] = (request?: unknown) => invoke(channel, request ?? {})
    }
    Object.defineProperty(window, 'desk', { value: Object.freeze(desk), writable: false })
  }, channels as string[])
  // The renderer reads the clock too ("Tomorrow", "Overdue"): it must agree with the handlers' clock.
  if (options.now) await context.clock.setFixedTime(options.now())
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(url)

  return {
    page,
    storeFile,
    dialogs,
    openedLinks,
    async restart() {
      await session.close()
      await startBackend()
      await page.reload()
    },
    async screenshot(name) {
      const path = join(screenshotDir, `${name}.png`)
      await page.screenshot({ path, fullPage: false })
      return path
    },
    async close() {
      await browser.close()
      await session.close()
      await new Promise((resolve) => server.close(resolve))
      await rm(dir, { recursive: true, force: true })
      if (pageErrors.length > 0) throw new Error(`The page threw: ${pageErrors.join('; ')}`)
    },
  }
}
