import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const renameAttempts = 10
const renamePauseMs = 100

/**
 * Replaces `file` whole: the bytes go to `.<name>.tmp` beside it, which is then renamed over the file, so a reader on
 * any machine sees the old document or the new one, never half of one. Callers hold the store lock, so one temporary
 * name is enough. Windows refuses the rename for a moment while another program (a virus scanner, a sync client) has
 * the file open, hence the retries. No fsync, as lowdb did: a save then costs what writing the text costs.
 */
export async function atomicWrite(file: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.tmp`)
  await writeFile(temporary, bytes)
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(temporary, file)
      return
    } catch (error) {
      if (attempt >= renameAttempts) {
        await rm(temporary, { force: true }).catch(() => undefined)
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, renamePauseMs))
    }
  }
}
