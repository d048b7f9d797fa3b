import { mkdir, readFile } from 'node:fs/promises'
import { unwatchFile, watchFile } from 'node:fs'
import { dirname } from 'node:path'
import { DeskError, StoreOpenError } from '../errors'
import { emptyDocument, type StoreDocument } from './document'
import { atomicWrite } from './file/atomicWrite'
import { plainText, type Encoding } from './file/encoding'
import { whileLocked } from './file/lock'
import { readDocument } from './readDocument'

export type { Encoding } from './file/encoding'

/**
 * The one module in src/ that touches the file system (with what it imports from ./file): it turns a path into a
 * document and back, and knows nothing of cases. Commands compute documents; this layer reads, compares, locks and
 * writes them.
 */
export interface DocumentFile {
  readonly path: string
  /**
   * The document as another app left the file, when its bytes differ from what this one last read or wrote; undefined
   * when they do not, or when the file is gone (the next write puts it back). A file another program broke is refused
   * with a DeskError and stays as it is.
   */
  readChanges(): Promise<StoreDocument | undefined>
  /** Replaces the file whole with the document. Call it holding the lock, after readChanges. */
  write(document: StoreDocument): Promise<void>
  /** Keeps other apps' writes to this file out while `step` runs. */
  whileLocked<T>(step: () => Promise<T>): Promise<T>
  /** Calls onChange when another app writes the file, not when this one does; returns the function that stops it. */
  watch(onChange: () => void): () => void
}

export interface DocumentFileOptions {
  encoding?: Encoding
  /** How often watch() looks at the file. Polling, because change notifications do not arrive from network shares. */
  watchIntervalMs?: number
}

/**
 * Another app's write is seen by comparing the file's bytes with the ones this app last read or wrote, not by mtime and
 * size: on FAT and SMB shares timestamps are coarse, and an edit that keeps the size within the same second would
 * otherwise go unseen and be overwritten. Keeping the bytes costs their size in memory (40 MB at 10,000 cases); comparing
 * them takes about 10 ms there, where hashing them took 40–70 ms before every save, and it is exact.
 */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)

/** Node's messages already start with the code: 'EACCES: permission denied, open …'. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

const toBytes = (encoded: Uint8Array | string): Uint8Array => (typeof encoded === 'string' ? Buffer.from(encoded, 'utf8') : encoded)

/**
 * Reads the store file at `path`, creating it (and its folders) with an empty document when it does not exist. A file
 * that cannot be read, decoded or understood is refused with a StoreOpenError, never written.
 */
export async function openDocumentFile(
  path: string,
  options: DocumentFileOptions = {},
): Promise<{ file: DocumentFile; document: StoreDocument }> {
  const encoding = options.encoding ?? plainText
  const encode = (document: StoreDocument) => toBytes(encoding.encode(JSON.stringify(document)))

  let bytes: Uint8Array | undefined
  try {
    bytes = await readBytes(path)
  } catch (error) {
    throw new StoreOpenError(path, `could not be read (${reasonOf(error)})`)
  }
  if (bytes === undefined) {
    try {
      await mkdir(dirname(path), { recursive: true })
      // Under the lock: a colleague's app may be creating the same file on the share at this moment.
      bytes = await whileLocked(path, async () => {
        const existing = await readBytes(path)
        if (existing) return existing
        const created = encode(emptyDocument())
        await atomicWrite(path, created)
        return created
      })
    } catch (error) {
      throw new StoreOpenError(path, `could not be created (${reasonOf(error)})`)
    }
  }
  let text: string
  try {
    text = encoding.decode(bytes)
  } catch (error) {
    throw new StoreOpenError(path, `could not be decoded (${reasonOf(error)})`)
  }
  const read = readDocument(text)
  if (!read.ok) throw new StoreOpenError(path, read.problem)

  let known = bytes
  // watch() must not take this app's own write for another's: it ignores a look that overlapped a write or a re-read.
  let writing = false
  let generation = 0

  const file: DocumentFile = {
    path,
    async readChanges() {
      let current: Uint8Array | undefined
      let text: string
      try {
        current = await readBytes(path)
        if (!current || sameBytes(current, known)) return undefined
        text = encoding.decode(current)
      } catch (error) {
        throw new DeskError('store_unavailable', `Could not read ${path} (${reasonOf(error)}). Nothing was saved; check that the folder can be reached and try again.`)
      }
      const read = readDocument(text)
      if (!read.ok) {
        throw new DeskError(
          'store_unavailable',
          `Another program changed ${path} and it now ${read.problem}. Nothing was saved and the file was not touched; restore it from a backup to go on.`,
        )
      }
      known = current
      generation++
      return read.doc
    },
    async write(document) {
      const bytes = encode(document)
      writing = true
      generation++
      try {
        await atomicWrite(path, bytes)
        known = bytes
      } catch (error) {
        throw new DeskError('store_unavailable', `Could not save to ${path} (${reasonOf(error)}). Your change was not saved; check that the folder is writable and try again.`)
      } finally {
        writing = false
      }
    },
    whileLocked: (step) => whileLocked(path, step),
    watch(onChange) {
      let stopped = false
      // Polling compares ctime too, so even an edit that put the old mtime back is looked at; the bytes then decide.
      const look = async () => {
        const since = generation
        if (writing) return
        const current = await readBytes(path).catch(() => undefined)
        if (!current || stopped || writing || since !== generation) return
        if (!sameBytes(current, known)) onChange()
      }
      const listener = () => void look()
      watchFile(path, { interval: options.watchIntervalMs ?? 1_000, persistent: false }, listener)
      return () => {
        stopped = true
        unwatchFile(path, listener)
      }
    },
  }
  return { file, document: read.doc }
}
