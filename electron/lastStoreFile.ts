import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Remembers the store a user opened last, so a store on a shared team folder is opened again at the next start.
const preferencesFile = (userData: string) => join(userData, 'last-store.json')

export function lastStoreFile(userData: string): string | undefined {
  try {
    const { file } = JSON.parse(readFileSync(preferencesFile(userData), 'utf8')) as { file?: unknown }
    return typeof file === 'string' && file.length > 0 ? file : undefined
  } catch {
    return undefined
  }
}

export function rememberStoreFile(userData: string, file: string): void {
  writeFileSync(preferencesFile(userData), JSON.stringify({ file }))
}
