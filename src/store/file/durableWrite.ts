import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { isTombstone } from './lock'

const renameAttempts = 10
const renamePauseMs = 100
/** writev takes at most IOV_MAX (1024 on Linux and macOS) buffers a call. */
const piecesPerWrite = 1024

/** The host as it may appear in a file name: letters, digits and dashes only, so the name splits at its dots. */
const hostInName = () => hostname().replace(/[^A-Za-z0-9-]/g, '-') || 'host'

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `.<name>.<host>.<pid>.<random>.tmp`: unique per write, so two apps (or two writes of one app) never share a temporary
 * file, and the host and pid say whose it was. `.<name>.tmp` is the single name older versions used.
 */
const tempPattern = (name: string) => new RegExp(`^\\.${escaped(name)}\\.(?:[A-Za-z0-9-]+\\.\\d+\\.[0-9a-f]+\\.)?tmp$`)

function tempName(file: string, folder: string): string {
  return join(folder, `.${basename(file)}.${hostInName()}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

async function writeAll(handle: import('node:fs/promises').FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  for (let start = 0; start < pieces.length; start += piecesPerWrite) {
    const batch = pieces.slice(start, start + piecesPerWrite).filter((piece) => piece.byteLength > 0)
    const length = batch.reduce((sum, piece) => sum + piece.byteLength, 0)
    let { bytesWritten } = await handle.writev(batch)
    // A short write (a full disk reports one before failing) continues where it stopped, or fails on the next call.
    while (bytesWritten < length) {
      const rest = Buffer.concat(batch).subarray(bytesWritten)
      const { bytesWritten: more } = await handle.write(rest)
      if (more === 0) throw new Error(`could not write the whole file (${bytesWritten} of ${length} bytes)`)
      bytesWritten += more
    }
  }
}

/**
 * Folders cannot be opened on Windows, so there the rename is not flushed by us (NTFS journals it; MoveFileEx without
 * MOVEFILE_WRITE_THROUGH, which Node uses, may still lose it at a power cut right after). Some file systems (network
 * shares) refuse to flush a folder, which is not our fault.
 */
async function flushFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  let handle: import('node:fs/promises').FileHandle
  try {
    handle = await open(folder, 'r')
  } catch (error) {
    if (['EACCES', 'EPERM', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return
    throw error
  }
  try {
    await handle.sync()
  } catch (error) {
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EBADF', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
  } finally {
    await handle.close()
  }
}

/** The rename found its temporary file gone: an app that took the lock over from this one removed it (removeStrayTemps). */
export class TempFileRemoved extends Error {
  constructor(readonly file: string) {
    super(`the temporary file of a save to ${file} was removed by another app`)
    this.name = 'TempFileRemoved'
  }
}

/** The target's permissions, for the file replacing it (a store kept 0600 stays 0600); undefined for a new file. */
async function modeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mode & 0o7777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Replaces `file` whole and durably: the pieces go to a temporary file of its own beside it, which is flushed to the
 * disk, then `beforeRename` runs (the store's fence: it throws when the save may no longer go through), then the
 * temporary file is renamed over `file` and the folder is flushed, so the rename itself survives a power cut. A reader
 * on any machine sees the old document or the new one, never half of one, and after this resolves the new one is on
 * the disk. On macOS Node's fsync is fcntl(F_FULLFSYNC) (libuv's uv_fs_fsync), which also empties the drive's cache;
 * a plain fsync there does not. Windows refuses the rename for a moment while another program (a virus scanner, a sync
 * client) has the file open, hence the retries. `tempFolder` (same file system) is where the temporary file goes: the
 * store's lock folder for a save under the lock (see HeldLock.folder). A failed write leaves no temporary file behind. Once renamed, the
 * write counts as done: a folder that then cannot be flushed is logged, not reported as a save that failed.
 */
export async function durableReplace(
  file: string,
  pieces: readonly Uint8Array[],
  beforeRename?: () => Promise<void>,
  tempFolder: string = dirname(file),
): Promise<void> {
  const temporary = tempName(file, tempFolder)
  try {
    const mode = await modeOf(file)
    const handle = await open(temporary, 'wx').catch((error: unknown) => {
      // The lock's folder (tempFolder) gone: the lock was taken over before this write began.
      throw tempFolder !== dirname(file) && (error as NodeJS.ErrnoException).code === 'ENOENT' ? new TempFileRemoved(file) : error
    })
    try {
      if (mode !== undefined) await handle.chmod(mode)
      await writeAll(handle, pieces)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await beforeRename?.()
    for (let attempt = 1; ; attempt++) {
      try {
        await rename(temporary, file)
        break
      } catch (error) {
        // ENOENT: the temporary file was removed by an app that took the lock over from this one (see removeStrayTemps).
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new TempFileRemoved(file)
        if (attempt >= renameAttempts) throw error
        await new Promise((resolve) => setTimeout(resolve, renamePauseMs))
      }
    }
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
  await flushFolder(dirname(file)).catch((error: unknown) => console.warn(`Saved ${file}, but its folder could not be flushed to the disk:`, error))
}

/**
 * Removes every temporary file of `file` left beside it, and the tombstones of its lock a crash left; returns how many
 * temporary files. Call it holding the store lock: temporary files of the store exist only while their writer holds
 * the lock, so any found belong to a writer that died or froze (a laptop asleep mid-save) and lost the lock. Removing a
 * frozen writer's file is part of the fencing: when it wakes up, its rename fails with ENOENT instead of putting its
 * stale document over a colleague's. One that cannot be removed (another user's, a sync client holding it) is passed
 * over: it is no reason to refuse this save.
 */
export async function removeStrayTemps(file: string): Promise<number> {
  const pattern = tempPattern(basename(file))
  const folder = dirname(file)
  let entries: import('node:fs').Dirent[]
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
  // Only files: a folder of that name is none of ours.
  const strays = entries.filter((entry) => entry.isFile() && pattern.test(entry.name)).map((entry) => entry.name)
  const tombstones = entries.filter((entry) => entry.isDirectory() && isTombstone(entry.name, basename(file))).map((entry) => entry.name)
  const removed = await Promise.all(
    [...strays, ...tombstones].map((name) =>
      rm(join(folder, name), { force: true, recursive: tombstones.includes(name) }).then(
        () => strays.includes(name),
        () => false,
      ),
    ),
  )
  return removed.filter(Boolean).length
}
