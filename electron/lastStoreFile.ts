import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ownFile } from '../src/store/file/atomicWrite'

/**
 * The store a user opened last, so a store on a shared team folder is opened again at the next start. Written the
 * crash-safe way the other files of the user data folder are (ownFile): a crash mid-write would otherwise leave it
 * empty, and the next start would open the default store instead of the team's, as if the cases were gone.
 */
export interface LastStore {
  file(): string | undefined
  remember(file: string): Promise<void>
}

export function lastStore(userData: string): LastStore {
  const preferences = join(userData, 'last-store.json')
  const own = ownFile(preferences)
  // One after another: two stores opened in quick succession leave the second remembered.
  let writing: Promise<void> = Promise.resolve()
  return {
    file() {
      try {
        const { file } = JSON.parse(readFileSync(preferences, 'utf8')) as { file?: unknown }
        return typeof file === 'string' && file.length > 0 ? file : undefined
      } catch {
        return undefined
      }
    },
    remember(file) {
      writing = writing.catch(() => undefined).then(() => own.write(JSON.stringify({ file })))
      return writing
    },
  }
}
