import { durableReplace, removeStrayTemps } from './durableWrite'

/**
 * Replaces a small file whole (who acts per store, installation state, a file the user saves): the same durable
 * replace as the store's, without a lock or a fence, as these files have one writer each.
 */
export async function atomicWrite(file: string, bytes: Uint8Array | string): Promise<void> {
  await durableReplace(file, [typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes])
}

/**
 * A file this installation alone writes (in its user data folder, which the single-instance lock keeps to one app, or
 * its own presence entry), replaced with atomicWrite. Any temporary file of it found at start was left by a crash
 * mid-write, so it is removed now; writes wait for that, so the cleaning never removes a write's own temporary file.
 * One that cannot be removed stays: it costs a stray file, not the write.
 */
export function ownFile(file: string): { write(bytes: Uint8Array | string): Promise<void> } {
  const cleaned = removeStrayTemps(file).catch(() => 0)
  return {
    async write(bytes) {
      await cleaned
      await atomicWrite(file, bytes)
    },
  }
}
