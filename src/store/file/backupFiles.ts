import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { DeskError } from '../../errors'
import {
  backupName,
  dailyDue,
  defaultFolderName,
  newestFirst,
  parseBackupName,
  rotatedOut,
  type Backup,
  type BackupKind,
  type BackupPrefs,
} from '../backups'
import type { StoreDocument } from '../document'
import { documentOf, replaceStoreFile } from '../documentFile'
import { headLength, plainText, type Encoding } from './encoding'
import { isEncryptedFile } from './encryption'

/**
 * The file-system side of backups and of moving the store: whole-file byte copies, each written to a temporary name,
 * flushed, read back and checked before it takes its real name, so a copy that exists under a backup's name is a
 * copy that was read back equal. The store's own saves go through durableWrite under the lock; these copies need no
 * lock, because every save replaces the store file by a rename and a reader sees the old file or the new one whole.
 */

/** A file in the backup folder, as listed. */
export interface FolderEntry {
  name: string
  size: number
}

/** Node's messages already start with the code: 'EACCES: permission denied, open …'. */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)

/** The whole file, or undefined when there is none. */
export async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** The files in `folder` (no sub-folders); none when the folder does not exist yet. */
export async function listFolder(folder: string): Promise<FolderEntry[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const entries: FolderEntry[] = []
  for (const name of names) {
    // A file removed between readdir and stat (a colleague's rotation) is simply not listed.
    const info = await stat(join(folder, name)).catch(() => undefined)
    if (info?.isFile()) entries.push({ name, size: info.size })
  }
  return entries
}

export const removeFile = (path: string) => rm(path, { force: true })

/** Flushes a folder's entry list, so a rename in it survives a power cut; Windows cannot open a folder (and needs none). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes `bytes` into `folder` as a copy that was read back: to a temporary file first (created exclusively, so no other
 * writer shares it), flushed (libuv's fsync is F_FULLFSYNC on macOS, where a plain fsync leaves the data in the disk's
 * cache), read back and compared byte for byte, then given to `check` (which throws when the copy does not read as a
 * store and answers what it found), and only then renamed to the name `place` picks from that answer, and the folder
 * flushed. A copy that fails any step is removed; nothing gets the real name unless it was read back equal.
 */
export async function writeVerifiedCopy<T>(
  folder: string,
  bytes: Uint8Array,
  check: (copy: Uint8Array) => T | Promise<T>,
  place: (checked: T) => Promise<string>,
): Promise<{ path: string; checked: T }> {
  await mkdir(folder, { recursive: true })
  const temporary = join(folder, `.backup.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    const checked = await verifyCopy(temporary, bytes, check)
    const path = await place(checked)
    await rename(temporary, path)
    await syncFolder(folder)
    return { path, checked }
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined)
  }
}

/** Reads the copy at `path` back: its bytes must equal `original`, and `check` must accept them. */
export async function verifyCopy<T>(path: string, original: Uint8Array, check: (copy: Uint8Array) => T | Promise<T>): Promise<T> {
  const copy = await readFile(path)
  if (!sameBytes(copy, original)) throw new CopyMismatch(copy.byteLength, original.byteLength)
  return await check(copy)
}

/** The copy read back differs from what was written (a failing disk, a share that drops writes). */
export class CopyMismatch extends Error {
  constructor(
    readonly read: number,
    readonly written: number,
  ) {
    super(`the copy read back differs from the original (${read.toLocaleString('en-US')} of ${written.toLocaleString('en-US')} bytes, not equal)`)
    this.name = 'CopyMismatch'
  }
}

/**
 * What reading a copy found: a store document, or what is wrong with the file (following "The file …"); `needsKey` when
 * it is encrypted and was read without a key.
 */
export type CopyRead = { ok: true; document: StoreDocument } | { ok: false; problem: string; needsKey?: true }

/**
 * Reads a copy's bytes as the store reads its file (decoded, then case by case, giving other work its turn: a copy of a
 * 10,000-case store is 40 MB), migrated if older. A copy made before the store was encrypted is plain text, and still a
 * good backup: restoring it writes it encrypted.
 */
export async function readCopy(bytes: Uint8Array, encoding: Encoding = plainText): Promise<CopyRead> {
  const encrypted = isEncryptedFile(bytes.subarray(0, headLength))
  const decoding = encoding.kind === 'encrypted' && !encrypted ? plainText : encoding
  const read = await documentOf(bytes, decoding)
  if (read.ok) return { ok: true, document: read.doc }
  return { ok: false, problem: read.problem, ...(encrypted && decoding.kind === 'plain' && { needsKey: true }) }
}

/** One store file's backups as this installation keeps them: where, how many, on whose clock, read how. */
export interface BackupPlace {
  storeFile: string
  prefs: BackupPrefs
  now?: () => Date
  /** How the store's bytes decode; an encrypted store's backups need its key to be read. */
  encoding?: Encoding
}

/** Where the backups go: the folder the person chose, or one beside the store file. */
export const backupFolderOf = (storeFile: string, prefs: BackupPrefs) => prefs.folder ?? join(dirname(storeFile), defaultFolderName)

/** The store's name without its extension, and the extension its backups get (its own, so they open the same way). */
function nameParts(storeFile: string): { stem: string; extension: string } {
  const name = basename(storeFile)
  const extension = extname(name)
  return extension ? { stem: name.slice(0, -extension.length), extension } : { stem: name, extension: '.json' }
}

/** Every backup of the store in its folder, newest first, by what the names say; none are read. */
export async function listBackups({ storeFile, prefs }: BackupPlace): Promise<Backup[]> {
  const { stem, extension } = nameParts(storeFile)
  const folder = backupFolderOf(storeFile, prefs)
  let entries: FolderEntry[]
  try {
    entries = await listFolder(folder)
  } catch (error) {
    throw new DeskError('store_unavailable', `The backup folder ${folder} could not be read (${reasonOf(error)}). Check that it can be reached, or choose another one in Settings → Backups.`)
  }
  return entries
    .flatMap(({ name, size }) => {
      const said = parseBackupName(stem, extension, name)
      return said ? [{ name, size, ...said }] : []
    })
    .sort(newestFirst)
}

/**
 * Copies the store file as it is on disk now into the backup folder, reads the copy back (equal bytes, and a store
 * document, whose cases it counts), then removes the oldest of that kind beyond the number to keep. Only a backup made
 * before a restore may copy a file that is not a readable store: the broken file is kept before it is replaced.
 * Refused with a DeskError naming the folder when the copy cannot be made or does not read back; the store file is
 * never written.
 */
export async function makeBackup(place: BackupPlace, kind: BackupKind): Promise<Backup> {
  const { storeFile, prefs, encoding } = place
  const folder = backupFolderOf(storeFile, prefs)
  let bytes: Uint8Array | undefined
  try {
    bytes = await readBytes(storeFile)
  } catch (error) {
    throw new DeskError('store_unavailable', `The store file ${storeFile} could not be read to back it up (${reasonOf(error)}). No backup was made.`)
  }
  if (!bytes) throw new DeskError('not_found', `There is no store file at ${storeFile} to back up.`)
  const at = (place.now ?? (() => new Date()))()
  const { stem, extension } = nameParts(storeFile)
  const countOf = async (copy: Uint8Array): Promise<number | null> => {
    const read = await readCopy(copy, encoding)
    if (read.ok) return read.document.cases.length
    if (kind === 'before-restore') return null
    throw new NotAStore(read.problem)
  }
  const freeName = async (caseCount: number | null) => {
    for (let copy = 1; ; copy++) {
      const path = join(folder, backupName(stem, extension, at, kind, caseCount, copy))
      if (!(await exists(path))) return path
    }
  }
  let made: { path: string; checked: number | null }
  try {
    made = await writeVerifiedCopy(folder, bytes, countOf, freeName)
  } catch (error) {
    if (error instanceof NotAStore) {
      throw new DeskError('store_unavailable', `The store file ${storeFile} ${error.problem}, so it was not backed up. The file was not changed.`)
    }
    throw new DeskError(
      'store_unavailable',
      `The backup could not be made in ${folder} (${reasonOf(error)}). The store file was not changed; check that the folder can be written to, or choose another one in Settings → Backups.`,
    )
  }
  // A backup that cannot be removed (a colleague's app rotating the same folder, a read-only file) stays: one too many
  // kept is no loss, so it does not turn a good backup into a failure.
  const stale = rotatedOut(await listBackups(place).catch(() => []), kind, prefs.keep)
  for (const old of stale) await removeFile(join(folder, old.name)).catch(() => undefined)
  return { name: basename(made.path), kind, at: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(), caseCount: made.checked, size: bytes.byteLength }
}

class NotAStore extends Error {
  constructor(readonly problem: string) {
    super(`The file ${problem}`)
  }
}

/** The backups found good, by folder, name, size and kind of encoding. */
export type BackupChecks = Map<string, null>

/**
 * Reads backups newest first until one reads as a good store, which a restore should take; those read and found
 * broken on the way carry their problem. Copies of a broken file (caseCount null) are passed over unread. `checks`
 * keeps those found good: a backup is not written again once it has its name, and reading 40 MB at every listing
 * would hold up the main process each time.
 */
export async function checkLatest(
  place: BackupPlace,
  backups: readonly Backup[],
  checks: BackupChecks = new Map(),
): Promise<{ backups: Backup[]; latestGood: string | null }> {
  const folder = backupFolderOf(place.storeFile, place.prefs)
  const checked: Backup[] = []
  let latestGood: string | null = null
  for (const backup of backups) {
    if (latestGood === null && backup.caseCount !== null) {
      // Only a good read is kept: a problem may be gone at the next look (a share back online, the key now given).
      const key = `${join(folder, backup.name)}\0${backup.size}\0${place.encoding?.kind ?? 'plain'}`
      const read = checks.has(key) ? undefined : await readBackupFile(place, backup.name)
      if (read && !read.ok) {
        checked.push({ ...backup, problem: read.problem, ...(read.needsKey && { needsKey: true }) })
        continue
      }
      checks.set(key, null)
      latestGood = backup.name
    }
    checked.push(backup)
  }
  return { backups: checked, latestGood }
}

async function readBackupFile(place: BackupPlace, name: string): Promise<CopyRead> {
  try {
    const bytes = await readBytes(join(backupFolderOf(place.storeFile, place.prefs), name))
    return bytes ? await readCopy(bytes, place.encoding) : { ok: false, problem: 'is no longer in the backup folder' }
  } catch (error) {
    return { ok: false, problem: `could not be read (${reasonOf(error)})` }
  }
}

/** A backup of this store by its name, read and checked; refused in words when it is not there or not a good store. */
export async function readBackup(place: BackupPlace, name: string): Promise<{ backup: Backup; document: StoreDocument }> {
  const backup = (await listBackups(place)).find((b) => b.name === name)
  if (!backup) {
    throw new DeskError('not_found', `There is no backup named “${name}” in ${backupFolderOf(place.storeFile, place.prefs)} any more. Nothing was changed; choose another one.`)
  }
  const read = await readBackupFile(place, name)
  if (!read.ok) throw new DeskError('invalid_input', `The backup “${name}” ${read.problem}. Nothing was changed; choose another backup.`)
  return { backup, document: read.document }
}

/**
 * Puts a backup's document back as the store file: the backup is read and checked first, then the store file as it is
 * now (broken or not) is kept as a before-restore backup, and only then is the store file replaced, under the lock and
 * with a new generation, so every colleague's app takes the restored document in. Nothing is replaced when either
 * step before it fails.
 */
export async function restoreBackup(place: BackupPlace, name: string): Promise<{ restored: Backup; savedAs: Backup | null }> {
  const { backup, document } = await readBackup(place, name)
  const savedAs = (await exists(place.storeFile)) ? await makeBackup(place, 'before-restore') : null
  try {
    await replaceStoreFile(place.storeFile, document, { encoding: place.encoding ?? plainText })
  } catch (error) {
    const kept = savedAs ? ` The store file as it was is kept as the backup “${savedAs.name}”.` : ''
    const why = error instanceof DeskError ? error.message : `Could not write ${place.storeFile} (${reasonOf(error)}).`
    throw new DeskError('store_unavailable', `The backup was not restored. ${why}${kept}`)
  }
  return { restored: backup, savedAs }
}

/**
 * Copies the store file into `folder` under its own name, and reads the copy back (equal bytes, and a store document)
 * before it takes that name. The old file is left as it is. Refused when the folder already holds a file of that name,
 * is the store's own folder, or the copy cannot be made.
 */
export async function copyStoreTo(storeFile: string, folder: string, encoding: Encoding = plainText): Promise<string> {
  const target = join(folder, basename(storeFile))
  if (resolve(target) === resolve(storeFile)) {
    throw new DeskError('invalid_input', `The store is already in ${folder}. Nothing was moved; choose another folder.`)
  }
  if (await exists(target).catch(() => false)) {
    throw new DeskError(
      'invalid_input',
      `${folder} already holds a file named ${basename(storeFile)}. Nothing was moved; choose another folder, or open that file with “Open another file…”.`,
    )
  }
  const bytes = await readBytes(storeFile).catch((error: unknown) => {
    throw new DeskError('store_unavailable', `The store file ${storeFile} could not be read (${reasonOf(error)}). Nothing was moved.`)
  })
  if (!bytes) throw new DeskError('not_found', `There is no store file at ${storeFile} to move.`)
  const check = async (copy: Uint8Array) => {
    const read = await readCopy(copy, encoding)
    if (!read.ok) throw new NotAStore(read.problem)
  }
  const place = async () => {
    if (await exists(target)) throw new Error(`a file named ${basename(storeFile)} appeared there meanwhile`)
    return target
  }
  try {
    await writeVerifiedCopy(folder, bytes, check, place)
  } catch (error) {
    const why = error instanceof NotAStore ? `the copy ${error.problem}` : reasonOf(error)
    throw new DeskError('store_unavailable', `The store could not be copied to ${folder} (${why}). Nothing was moved; the store is still at ${storeFile}.`)
  }
  return target
}

/**
 * What opening a store backs up: the file as it was before an upgrade of its format (once: not again while the
 * previous such backup holds the same bytes, as when the file is opened twice before anything is saved), and the day's
 * daily backup unless one was made today. The backups made, in that order.
 */
export async function backupsAtOpen(place: BackupPlace, migratedFrom: number | undefined): Promise<Backup[]> {
  const made: Backup[] = []
  const backups = await listBackups(place)
  if (migratedFrom !== undefined && !(await sameAsLatest(place, backups.find((b) => b.kind === 'before-migration')))) {
    made.push(await makeBackup(place, 'before-migration'))
  }
  if (dailyDue(backups, (place.now ?? (() => new Date()))())) made.push(await makeBackup(place, 'daily'))
  return made
}

async function sameAsLatest(place: BackupPlace, backup: Backup | undefined): Promise<boolean> {
  if (!backup) return false
  const [store, copy] = await Promise.all([
    readBytes(place.storeFile),
    readBytes(join(backupFolderOf(place.storeFile, place.prefs), backup.name)),
  ])
  return store !== undefined && copy !== undefined && sameBytes(store, copy)
}
