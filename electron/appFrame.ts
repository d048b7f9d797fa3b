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
