import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers, type Shell } from '../../electron/handlers'
import { createStoreSession } from '../../electron/storeSession'
import type { DeskApi } from '../../src/ipc/contract'
import { buildDeskApi } from '../../src/ipc/deskApi'
import { dispatch } from '../../src/ipc/dispatch'

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

export interface TestDesk {
  desk: DeskApi
  file: string
  /** What the fake file dialogs answer next; null is a cancelled dialog. */
  dialogs: { open: string | null; create: string | null }
  /** Links the app asked to open outside, in order. */
  openedLinks: string[]
  dispose(): Promise<void>
}

/**
 * The real handler map over a real store file in a fresh temporary folder, reached the way the preload reaches it:
 * every request and response is cloned as IPC would, and validated against the contract.
 */
export async function createTestDesk(options?: { file?: string; now?: () => Date }): Promise<TestDesk> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-'))
  const file = options?.file ?? join(dir, 'disclosure-desk.json')
  const session = createStoreSession(options?.now ? { now: options.now } : undefined)
  const { shell, dialogs, openedLinks } = createFakeShell(true)
  const handlers = createHandlers(session, shell, options?.now)
  await session.open(file)
  const desk = buildDeskApi(async (channel, request) =>
    structuredClone(await dispatch(handlers, channel, structuredClone(request))),
  )
  return {
    desk,
    file,
    dialogs,
    openedLinks,
    async dispose() {
      await session.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
