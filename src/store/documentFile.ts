import { mkdir, open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Case } from '../cases/case'
import { DeskError, StoreOpenError } from '../errors'
import { emptyDocument, type StoreDocument } from './document'
import { durableReplace, removeStrayTemps, TempFileRemoved } from './file/durableWrite'
import { FileDecodeError, headLength, plainText, type Encoding } from './file/encoding'
import { isEncryptedEncoding, isEncryptedFile } from './file/encryption'
import { clearDeadLock, lockHolder, whileLocked, type HeldLock, type LockHolder } from './file/lock'
import { documentInLines, documentPieces, warmCache } from './documentLines'
import { lowerFirst, readDocument } from './readDocument'

export type { Encoding } from './file/encoding'
export type { HeldLock, LockHolder } from './file/lock'

/**
 * The one module in src/ that touches the file system (with what it imports from ./file): it turns a path into a
 * document and back, and knows nothing of cases beyond their being a list. Commands compute documents; this layer
 * reads, compares, locks and writes them.
 */
export interface DocumentFile {
  readonly path: string
  /**
   * The document as another app left the file, when the file is not the one this app last read or wrote; undefined
   * when it is, or when the file is gone (the next write puts it back). A file another program broke is refused with
   * a DeskError and stays as it is.
   */
  readChanges(): Promise<StoreDocument | undefined>
  /**
   * Replaces the file whole with the document, as the next generation. Call it holding the lock, after readChanges.
   * The fence, right before the rename: the lock is still ours and the file is still the one readChanges last saw;
   * otherwise nothing is written and it throws (FileChangedMeanwhile when the file changed). `encoding` becomes the
   * file's encoding once the write went through.
   */
  write(document: StoreDocument, lock: HeldLock, options?: { encoding?: Encoding }): Promise<void>
  /** Keeps other apps' writes out while `step` runs, and removes temporary files dead or frozen writers left. */
  whileLocked<T>(step: (lock: HeldLock) => Promise<T>): Promise<T>
  /** Calls onChange when another app writes the file, not when this one does; returns the function that stops it. */
  watch(onChange: () => void): () => void
  /** Who is saving to the file now, and since when; `stale` when it stopped beating (the next save takes it over). */
  lockHolder(): Promise<(LockHolder & { stale?: true }) | undefined>
}

export interface DocumentFileOptions {
  encoding?: Encoding
  /** How often watch() looks at the file's head. Polling, because change notifications do not arrive from network shares. */
  watchIntervalMs?: number
  /** Who acts in this app, named in the lock for colleagues who find it taken. */
  lockName?: () => string | undefined
}

/** A save refused at its fence because another writer replaced the file after this one read it. */
export class FileChangedMeanwhile extends DeskError {
  constructor(path: string) {
    super(
      'store_unavailable',
      `Another app saved to ${path} while this one was saving. Your change was not saved; try again to make it on the current file.`,
    )
  }
}

/**
 * What tells one version of the file from another without reading it: its generation (in its head), and for an edit by
 * hand, which keeps the generation, its size, modification time and inode. An app's write always raises the
 * generation, so a colleague's same-size save within one second on a share with coarse timestamps (FAT, exFAT, some
 * SMB) is still seen. A hand edit there that keeps size and the second is not: only an app's write raises the
 * generation. Not the change time: a chmod or a sync client's extended attributes (Dropbox) change it, and would make
 * every such touch read 40 MB again.
 */
interface FileMark {
  generation: number | undefined
  size: number
  mtimeMs: number
  ino: number
}
const sameMark = (a: FileMark | undefined, b: FileMark | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.generation === b.generation && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino)

/** Node's messages already start with the code: 'EACCES: permission denied, open …'. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT'

/** A failed save in words: a DeskError as it is; a temporary file removed under it means the lock was lost meanwhile. */
function saveFailure(path: string, error: unknown, notDone: string): DeskError {
  if (error instanceof DeskError) return error
  if (error instanceof TempFileRemoved) {
    return new DeskError(
      'store_unavailable',
      `Another app took over this save to ${path} while this computer was paused or asleep, so ${lowerFirst(notDone)}. Try again.`,
    )
  }
  return new DeskError(
    'store_unavailable',
    `Could not save to ${path} (${reasonOf(error)}). ${notDone}; check that the folder can be reached and is writable, and try again.`,
  )
}

/** Runs `read` on the file at `path` through one handle, so what it reads belongs together; undefined when there is no file. */
async function throughHandle<T>(path: string, read: (handle: FileHandle) => Promise<T>): Promise<T | undefined> {
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
  try {
    return await read(handle)
  } finally {
    await handle.close()
  }
}

/** The file's mark from its head and stat; undefined when there is no file. */
const markOf = (path: string, encoding: Encoding): Promise<FileMark | undefined> =>
  throughHandle(path, async (handle) => {
    const info = await handle.stat()
    const head = Buffer.alloc(Math.min(headLength, info.size))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return { generation: encoding.generationOf(head.subarray(0, bytesRead)), size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
  })

/** The whole file and its mark; undefined when there is no file. */
const readWhole = (path: string, encoding: Encoding): Promise<{ bytes: Uint8Array; mark: FileMark } | undefined> =>
  throughHandle(path, async (handle) => {
    const info = await handle.stat()
    const bytes = await handle.readFile()
    const mark = { generation: encoding.generationOf(bytes.subarray(0, headLength)), size: bytes.byteLength, mtimeMs: info.mtimeMs, ino: info.ino }
    return { bytes, mark }
  })

/**
 * A document from a file's bytes, or why there is none, in words following "The file …". `reopen`: the file is fine
 * but needs another passphrase than this app holds (a colleague turned encryption on or changed the passphrase), so
 * opening it again, not a backup, is the way on.
 */
export async function documentOf(
  bytes: Uint8Array,
  encoding: Encoding,
  previous: readonly Case[] = [],
): Promise<{ ok: true; doc: StoreDocument; migratedFrom?: number } | { ok: false; problem: string; reopen?: true }> {
  if (encoding.kind === 'plain' && isEncryptedFile(bytes)) {
    return { ok: false, problem: 'is now encrypted with a passphrase: open it again to enter it', reopen: true }
  }
  if (isEncryptedEncoding(encoding) && isEncryptedFile(bytes) && !encoding.fits(bytes.subarray(0, headLength))) {
    return { ok: false, problem: 'is now encrypted with another passphrase: open it again to enter it', reopen: true }
  }
  let text: Buffer
  try {
    const plain = await encoding.decodeBytes(bytes)
    text = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength)
  } catch (error) {
    return { ok: false, problem: error instanceof FileDecodeError ? error.problem : `could not be decoded (${reasonOf(error)})` }
  }
  const inLines = await documentInLines(text, previous)
  if (inLines) return { ok: true, doc: inLines }
  const read = readDocument(text.toString('utf8'))
  if (read.ok) warmCache(read.doc)
  return read
}

/**
 * Reads the store file at `path`, creating it (and its folders) with an empty document when it does not exist. A file
 * that cannot be read, decoded or understood is refused with a StoreOpenError, never written. A lock left by an app of
 * this computer that no longer runs, and temporary files of writers that died, are removed first.
 */
export async function openDocumentFile(
  path: string,
  options: DocumentFileOptions = {},
): Promise<{ file: DocumentFile; document: StoreDocument; migratedFrom?: number }> {
  let encoding = options.encoding ?? plainText
  const lockOptions = { name: options.lockName }

  await clearDeadLock(path).catch(() => false)
  let read: Awaited<ReturnType<typeof readWhole>>
  try {
    read = await readWhole(path, encoding)
  } catch (error) {
    throw new StoreOpenError(path, `could not be read (${reasonOf(error)})`)
  }
  if (read === undefined) {
    try {
      await mkdir(dirname(path), { recursive: true })
      // Under the lock: a colleague's app may be creating the same file on the share at this moment.
      read = await whileLocked(
        path,
        async (lock) => {
          await removeStrayTemps(path)
          const existing = await readWhole(path, encoding)
          if (existing) return existing
          await durableReplace(path, await encoding.encode(await documentPieces(emptyDocument(), 1), 1), () => lock.assertHeld(), lock.folder)
          const created = await readWhole(path, encoding)
          if (!created) throw new Error('the new file was gone right after it was written')
          return created
        },
        lockOptions,
      )
    } catch (error) {
      throw new StoreOpenError(path, `could not be created (${reasonOf(error)})`)
    }
  } else {
    // Saving cleans up as well; a lock that cannot be had now (a read-only share) is no reason to refuse the file.
    await whileLocked(path, () => removeStrayTemps(path), lockOptions).catch(() => undefined)
  }
  const opened = await documentOf(read.bytes, encoding)
  if (!opened.ok) throw new StoreOpenError(path, opened.problem)

  let known: FileMark | undefined = read.mark
  /** The generation the next write raises: the last one read or written, kept while the file is gone. */
  let base = read.mark.generation ?? 0
  // watch() must not take this app's own write for another's: it ignores a look that overlapped a write or a re-read.
  let writing = 0
  let changes = 0
  /** The cases last read or written, whose bytes a colleague's write is compared with. */
  let lastCases: readonly Case[] = opened.doc.cases
  /** The file as last refused (broken by another program), and why: not read again, 40 MB a second, until it changes. */
  let refused: { mark: FileMark; error: DeskError } | undefined
  const know = (mark: FileMark | undefined) => {
    known = mark
    if (mark) base = mark.generation ?? 0
    changes++
  }

  const file: DocumentFile = {
    path,
    async readChanges() {
      let current: Awaited<ReturnType<typeof readWhole>>
      try {
        const mark = await markOf(path, encoding)
        if (!mark) {
          known = undefined
          return undefined
        }
        if (sameMark(mark, known)) return undefined
        if (refused && sameMark(mark, refused.mark)) throw refused.error
        current = await readWhole(path, encoding)
        if (!current) {
          known = undefined
          return undefined
        }
      } catch (error) {
        if (error instanceof DeskError) throw error
        throw new DeskError('store_unavailable', `Could not read ${path} (${reasonOf(error)}). Nothing was saved; check that the folder can be reached and try again.`)
      }
      const read = await documentOf(current.bytes, encoding, lastCases)
      if (!read.ok) {
        const error = new DeskError(
          'store_unavailable',
          read.reopen
            ? `${path} ${read.problem}. Nothing was saved and the file was not touched.`
            : `Another program changed ${path} and it now ${read.problem}. Nothing was saved and the file was not touched; restore it from a backup to go on.`,
        )
        refused = { mark: current.mark, error }
        throw error
      }
      refused = undefined
      know(current.mark)
      lastCases = read.doc.cases
      return read.doc
    },
    async write(document, lock, { encoding: next } = {}) {
      const use = next ?? encoding
      const basedOn = known
      const generation = base + 1
      writing++
      try {
        const bytes = await use.encode(await documentPieces(document, generation), generation)
        await durableReplace(path, bytes, async () => {
          await lock.assertHeld()
          if (!sameMark(await markOf(path, encoding), basedOn)) throw new FileChangedMeanwhile(path)
        }, lock.folder)
        encoding = use
        // What the rename left. A look that fails, or finds another generation already, leaves a mark no file has, so
        // the next look reads the file whole.
        const written = await markOf(path, encoding).catch(() => undefined)
        know(written?.generation === generation ? written : { generation, size: -1, mtimeMs: -1, ino: -1 })
        lastCases = document.cases
      } catch (error) {
        throw saveFailure(path, error, 'Your change was not saved')
      } finally {
        writing--
      }
    },
    async whileLocked(step) {
      try {
        return await whileLocked(
          path,
          async (lock) => {
            await removeStrayTemps(path)
            return step(lock)
          },
          lockOptions,
        )
      } catch (error) {
        throw saveFailure(path, error, 'Your change was not saved')
      }
    },
    watch(onChange) {
      let stopped = false
      let looking = false
      const look = async () => {
        if (looking || writing > 0) return
        looking = true
        const since = changes
        try {
          const mark = await markOf(path, encoding)
          const fresh = mark && !sameMark(mark, known) && !(refused && sameMark(mark, refused.mark))
          if (fresh && !stopped && writing === 0 && since === changes) onChange()
        } catch {
          // A file that cannot be read now is looked at again at the next tick; commands report the problem.
        } finally {
          looking = false
        }
      }
      const timer = setInterval(() => void look(), options.watchIntervalMs ?? 1_000)
      timer.unref()
      return () => {
        stopped = true
        clearInterval(timer)
      }
    },
    lockHolder: () => lockHolder(path),
  }
  return { file, document: opened.doc, ...(opened.migratedFrom !== undefined ? { migratedFrom: opened.migratedFrom } : {}) }
}

/** A store file read whole, for a backup's read-back or a restore: the document and what the file says of itself. */
export interface StoreFileContents {
  document: StoreDocument
  /** The file's generation; 0 for a file written by a version that kept none. */
  generation: number
  caseCount: number
  /** The file's store format, when it was older than this version's. */
  migratedFrom?: number
}

/** Reads the store file at `path` without opening it as the store; refused with a StoreOpenError as openStore would. */
export async function readStoreFile(path: string, options: { encoding?: Encoding } = {}): Promise<StoreFileContents> {
  const encoding = options.encoding ?? plainText
  let read: Awaited<ReturnType<typeof readWhole>>
  try {
    read = await readWhole(path, encoding)
  } catch (error) {
    throw new StoreOpenError(path, `could not be read (${reasonOf(error)})`)
  }
  if (!read) throw new StoreOpenError(path, 'could not be read (it does not exist)')
  const opened = await documentOf(read.bytes, encoding)
  if (!opened.ok) throw new StoreOpenError(path, opened.problem)
  return {
    document: opened.doc,
    generation: read.mark.generation ?? 0,
    caseCount: opened.doc.cases.length,
    ...(opened.migratedFrom !== undefined ? { migratedFrom: opened.migratedFrom } : {}),
  }
}

/**
 * Replaces the store file at `path` with `document`, whatever the file holds now (broken, another encoding, missing):
 * a restore or a move. Durable and under the lock like a save, as the generation after the file's current one, so
 * every app that has the file open sees the change.
 */
export async function replaceStoreFile(path: string, document: StoreDocument, options: { encoding?: Encoding } = {}): Promise<void> {
  const encoding = options.encoding ?? plainText
  try {
    await mkdir(dirname(path), { recursive: true })
    await whileLocked(path, async (lock) => {
      await removeStrayTemps(path)
      // The file may be in either encoding now (a restore of a plain backup over an encrypted store, or back).
      const [asPlain, asTarget] = await Promise.all([markOf(path, plainText), markOf(path, encoding)])
      const generation = Math.max(asPlain?.generation ?? 0, asTarget?.generation ?? 0, 0) + 1
      const bytes = await encoding.encode(await documentPieces(document, generation), generation)
      await durableReplace(path, bytes, async () => {
        await lock.assertHeld()
        if (!sameMark(await markOf(path, plainText), asPlain)) throw new FileChangedMeanwhile(path)
      }, lock.folder)
    })
  } catch (error) {
    throw saveFailure(path, error, 'The file was not changed')
  }
}
