import { lock } from 'proper-lockfile'
import { DeskError } from '../../errors'

/**
 * Runs `step` while holding the store file's lock (a `<file>.lock` folder beside it, which works on shared folders too).
 * Another app's save waits its turn; a lock left by an app that crashed counts as stale after ten seconds.
 */
export async function whileLocked<T>(file: string, step: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>
  try {
    release = await lock(file, {
      realpath: false,
      stale: 10_000,
      update: 2_000,
      retries: { retries: 40, factor: 1.3, minTimeout: 10, maxTimeout: 250 },
      // A lock taken over as stale while we still write is not worth crashing the app for: the stamp check before every
      // write still stops a stale edit.
      onCompromised: () => undefined,
    })
  } catch (error) {
    throw new DeskError(
      'store_unavailable',
      `Another team member's app has been saving to ${file} for too long (${error instanceof Error ? error.message : String(error)}). Your change was not saved; try again in a moment.`,
    )
  }
  try {
    return await step()
  } finally {
    // A lock already taken over as stale has nothing left to release.
    await release().catch(() => undefined)
  }
}
