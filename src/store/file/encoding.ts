/**
 * How the JSON text of a store document becomes the bytes on disk and back. This is where encryption plugs in: the rest
 * of the store sees only text. Each file carries a generation, a number that every write raises by one; another app's
 * write is seen by reading it from the file's first bytes (its head), so 40 MB are not read or compared before every
 * save, and a same-size edit within one second on a share with coarse timestamps is still seen.
 */
export interface Encoding {
  readonly kind: 'plain' | 'encrypted'
  /** The file's bytes for the document's JSON text, given in pieces in order; may yield between pieces. */
  encode(pieces: readonly Uint8Array[], generation: number): Promise<Uint8Array[]>
  /** The JSON text of a whole file; throws FileDecodeError (problem in words, following "The file …"). */
  decode(bytes: Uint8Array): string
  /**
   * The JSON text of a whole file as UTF-8 bytes, as decode gives it, taking turns with other work (a 40 MB encrypted
   * file is deciphered a MiB at a time), so taking in a colleague's write does not block the app; throws as decode does.
   */
  decodeBytes(bytes: Uint8Array): Promise<Uint8Array>
  /** The generation in the file's first `headLength` bytes, or undefined when they hold none. */
  generationOf(head: Uint8Array): number | undefined
}

/** How many bytes of a file generationOf gets: enough for any header that carries the generation. */
export const headLength = 4096

/** A file whose bytes this encoding cannot turn into text; `problem` continues "The file …" ("is encrypted …"). */
export class FileDecodeError extends Error {
  constructor(readonly problem: string) {
    super(`The file ${problem}`)
    this.name = 'FileDecodeError'
  }
}

const textOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')

/** The document layer writes the generation first, so it sits in the head: `{"generation":12,"schemaVersion":3,…`. */
const leadingGeneration = /^\s*\{\s*"generation"\s*:\s*(\d{1,15})\s*[,}]/

/**
 * UTF-8 JSON, readable and editable by hand. The JSON text already starts with the generation, so encoding passes the
 * pieces through untouched. A file edited by hand keeps its generation; the document layer also compares size and
 * timestamps to see such an edit.
 */
export const plainText: Encoding = {
  kind: 'plain',
  encode: async (pieces) => [...pieces],
  decode: textOf,
  decodeBytes: async (bytes) => bytes,
  generationOf(head) {
    // latin1 keeps one character per byte, so a multi-byte character cut at the head's end cannot hide the number.
    const match = leadingGeneration.exec(Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1'))
    return match ? Number(match[1]) : undefined
  },
}
