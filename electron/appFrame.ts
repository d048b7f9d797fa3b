import { dirname, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The one page allowed to call the IPC handlers: the app's own renderer, as a top-level frame. */
export interface AppPage {
  /** The built renderer's index.html. */
  rendererFile: string
  /** Set in development only: electron-vite's dev server. */
  devServerUrl?: string | undefined
}

export function isAppFrame(frame: { url: string; parent: unknown } | null, page: AppPage): boolean {
  if (!frame || frame.parent !== null) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  if (page.devServerUrl) return url.origin === new URL(page.devServerUrl).origin
  return url.protocol === 'file:' && url.search === '' && fileURLToPath(url) === page.rendererFile
}

/**
 * What the app's session may load: the files of its renderer, inline data, the developer tools, and in development the
 * dev server with its hot-reload socket. Everything else, other local files and every remote address, is cancelled.
 */
export function isAppRequest(raw: string, page: AppPage): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === 'file:') return fileURLToPath(url).startsWith(dirname(page.rendererFile) + sep)
  if (url.protocol === 'data:' || url.protocol === 'devtools:') return true
  if (!page.devServerUrl) return false
  const dev = new URL(page.devServerUrl)
  return url.host === dev.host && (url.protocol === dev.protocol || url.protocol === 'ws:')
}
