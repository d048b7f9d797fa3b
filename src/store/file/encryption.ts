import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, scrypt, timingSafeEqual, type KeyObject } from 'node:crypto'
import { open } from 'node:fs/promises'
import { z } from 'zod'
import { refusal, userWords } from '../../errors'
import { NewPassphrase } from '../passphrase'
import { FileDecodeError, headLength, type Encoding } from './encoding'

/**
 * A passphrase-protected store file:
 *
 *   DISCLOSURE-DESK-ENCRYPTED 1\n
 *   {"kdf":"scrypt","N":131072,"r":8,"p":1,"salt":…,"iv":…,"generation":…,"check":…}\n
 *   AES-256-GCM ciphertext of the document's JSON text
 *   the 16-byte GCM tag
 *
 * Both first lines are the GCM's additional data, so the header is authenticated with the text: a changed generation,
 * IV or parameter makes the tag fail like a changed byte of the text. The header stays readable without the key,
 * because the file layer reads the generation from the head before every save. `check` is HMAC-SHA256 of a fixed text
 * under the key: it tells a wrong passphrase (check differs, nothing else looked at) from a file damaged after it was
 * written (check matches, the tag does not).
 */
const magic = 'DISCLOSURE-DESK-ENCRYPTED 1\n'
const magicBytes = Buffer.from(magic, 'latin1')
const checkText = 'disclosure-desk key check'
const tagLength = 16
const ivLength = 12
const saltLength = 16
const keyLength = 32

/**
 * scrypt with N=2^17, r=8, p=1, OWASP's minimum for scrypt (Node 20 has no Argon2id). It needs 128·N·r = 128 MiB; Node's
 * default maxmem (32 MiB) would refuse it, hence 256 MiB, which also bounds what a file's header may ask for.
 */
const kdf = { N: 2 ** 17, r: 8, p: 1 } as const
const maxmem = 256 * 1024 * 1024

/** A header line longer than this is not ours; the real one is about 250 bytes, well inside the file's head. */
const headerLimit = 1024

const base64Of = (length: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === length)

/**
 * Parameters a file may carry: never weaker than ours (a file written with weaker ones was not written by this app),
 * and never so large that deriving its key would take more memory than maxmem allows.
 */
const Header = z
  .object({
    kdf: z.literal('scrypt'),
    N: z.number().int().min(kdf.N).max(2 ** 20).refine((n) => (n & (n - 1)) === 0),
    r: z.number().int().min(kdf.r).max(32),
    p: z.number().int().min(kdf.p).max(16),
    salt: base64Of(saltLength),
    iv: base64Of(ivLength),
    generation: z.number().int().min(0),
    check: base64Of(32),
  })
  .strict()
  .refine((h) => 128 * h.N * h.r <= maxmem)
type Header = z.infer<typeof Header>

/** The encoding of an unlocked store: it also checks a passphrase against its key, for changing or turning it off. */
export interface EncryptedEncoding extends Encoding {
  readonly kind: 'encrypted'
  /** Whether the passphrase derives this encoding's key. Takes as long as unlocking (a key derivation). */
  opens(passphrase: string): Promise<boolean>
  /** Whether this key reads the file with this head: false once another app set a new passphrase or turned it off. */
  fits(head: Uint8Array): boolean
}

/** Whether the open store's encoding is an unlocked passphrase's (the plain one has no passphrase to check). */
export function isEncryptedEncoding(encoding: Encoding): encoding is EncryptedEncoding {
  return encoding.kind === 'encrypted' && 'opens' in encoding
}

/** Whether a file's first bytes say it is an encrypted store (its header may still be damaged). */
export function isEncryptedFile(head: Uint8Array): boolean {
  return head.length >= magicBytes.length && magicBytes.equals(head.subarray(0, magicBytes.length))
}

/** The first `headLength` bytes of the file at `path` (fewer when it is shorter); undefined when there is no file. */
export async function readFileHead(path: string): Promise<Uint8Array | undefined> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const head = Buffer.alloc(headLength)
    const { bytesRead } = await handle.read(head, 0, headLength, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

const damaged = (detail: string) =>
  new FileDecodeError(
    `was changed or damaged after it was encrypted (${detail}), so it cannot be read safely. Restore it from a backup`,
  )

/** The header and the bytes it covers (magic and header line), or a FileDecodeError saying what is wrong with it. */
function readHeader(bytes: Uint8Array): { header: Header; headerBytes: Uint8Array } {
  if (!isEncryptedFile(bytes)) throw new FileDecodeError('is not an encrypted store file')
  const limit = Math.min(bytes.length, magicBytes.length + headerLimit)
  const end = bytes.subarray(0, limit).indexOf(0x0a, magicBytes.length)
  if (end < 0) throw damaged('its encryption header is cut off or too long')
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + magicBytes.length, end - magicBytes.length).toString('utf8'))
  } catch {
    throw damaged('its encryption header is not readable')
  }
  const parsed = Header.safeParse(raw)
  if (!parsed.success) throw damaged('its encryption header has values this app never writes')
  return { header: parsed.data, headerBytes: bytes.subarray(0, end + 1) }
}

/**
 * What is wrong with an encrypted file's header, following "The file …", or undefined when it can be unlocked: a file
 * whose header is damaged is not worth asking the passphrase for.
 */
export function encryptedHeaderProblem(head: Uint8Array): string | undefined {
  try {
    readHeader(head)
    return undefined
  } catch (error) {
    if (error instanceof FileDecodeError) return error.problem
    throw error
  }
}

const scryptAsync = (passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) =>
    // NFC: the same passphrase typed on macOS and on Windows can arrive as different code points (é as one or two).
    scrypt(passphrase.normalize('NFC'), salt, keyLength, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  )

const checkOf = (key: KeyObject) => createHmac('sha256', key).update(checkText).digest()

interface KeyMaterial {
  key: KeyObject
  salt: Buffer
  params: { N: number; r: number; p: number }
  check: Buffer
}

async function deriveKey(passphrase: string, salt: Buffer, params: KeyMaterial['params']): Promise<KeyMaterial> {
  const key = createSecretKey(await scryptAsync(passphrase, salt, params))
  return { key, salt, params, check: checkOf(key) }
}

/** About a millisecond of AES-GCM: encode lets other work run between such batches of a 40 MB store. */
const batchBytes = 1024 * 1024
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

function encryptedEncoding(material: KeyMaterial): EncryptedEncoding {
  const { key, salt, params, check } = material
  const salt64 = salt.toString('base64')
  const check64 = check.toString('base64')
  // A new passphrase always comes with a new salt (newEncryptedEncoding), so another salt is another passphrase.
  const sameSalt = (header: Header) => header.salt === salt64 && header.N === params.N && header.r === params.r && header.p === params.p
  /** The checked header's decipher (its tag set) and the ciphertext, or the FileDecodeError saying why there are none. */
  const deciphering = (bytes: Uint8Array) => {
    const { header, headerBytes } = readHeader(bytes)
    if (!sameSalt(header)) {
      throw new FileDecodeError(
        'is encrypted with a passphrase other than the one it was opened with (changed in another app, or the file was replaced); open it again and enter the new passphrase',
      )
    }
    // Same salt, so the same passphrase gives the same check: a different one means the header was altered.
    if (header.check !== check64) throw damaged('its key check does not match')
    const bodyEnd = bytes.length - tagLength
    if (bodyEnd < headerBytes.length) throw damaged('it is cut off')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'), { authTagLength: tagLength })
    decipher.setAAD(headerBytes)
    decipher.setAuthTag(bytes.subarray(bodyEnd))
    return { decipher, body: bytes.subarray(headerBytes.length, bodyEnd) }
  }
  return {
    kind: 'encrypted',
    async encode(pieces, generation) {
      // A fresh IV for every write: GCM with a repeated IV under one key gives away the text and the key's tags.
      const iv = randomBytes(ivLength)
      const header: Header = { kdf: 'scrypt', ...params, salt: salt64, iv: iv.toString('base64'), generation, check: check64 }
      const headerBytes = Buffer.from(`${magic}${JSON.stringify(header)}\n`, 'utf8')
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength })
      cipher.setAAD(headerBytes)
      const out: Uint8Array[] = [headerBytes]
      let sinceYield = 0
      for (const piece of pieces) {
        out.push(cipher.update(piece))
        sinceYield += piece.length
        if (sinceYield >= batchBytes) {
          sinceYield = 0
          await yieldToOthers()
        }
      }
      out.push(cipher.final(), cipher.getAuthTag())
      return out
    },
    decode(bytes) {
      const { decipher, body } = deciphering(bytes)
      try {
        // At 40 MB deciphering costs about as much as turning the bytes into text; decodeBytes takes turns instead.
        const text = decipher.update(body)
        const rest = decipher.final()
        return (rest.length === 0 ? text : Buffer.concat([text, rest])).toString('utf8')
      } catch {
        throw damaged('its content does not match its authentication tag')
      }
    },
    async decodeBytes(bytes) {
      const { decipher, body } = deciphering(bytes)
      // GCM's text is as long as its ciphertext: each batch goes into its place, no 40 MB concatenation at the end.
      const text = Buffer.allocUnsafe(body.length)
      try {
        for (let at = 0; at < body.length; at += batchBytes) {
          if (at > 0) await yieldToOthers()
          text.set(decipher.update(body.subarray(at, at + batchBytes)), at)
        }
        // The tag is checked here: nothing deciphered is used before it passed.
        if (decipher.final().length !== 0) throw new Error('GCM gave text at its end')
      } catch {
        throw damaged('its content does not match its authentication tag')
      }
      return text
    },
    generationOf(head) {
      try {
        return readHeader(head).header.generation
      } catch {
        return undefined
      }
    },
    fits(head) {
      try {
        const { header } = readHeader(head)
        return sameSalt(header) && header.check === check64
      } catch {
        return false
      }
    },
    async opens(passphrase) {
      const candidate = await deriveKey(passphrase, salt, params)
      return timingSafeEqual(candidate.check, check)
    },
  }
}

/** What a wrong passphrase is told, at the field it was typed in. */
export const wrongPassphrase = 'That passphrase does not open this store'

/**
 * The encoding of an encrypted store, given its file's first bytes (the head is enough) and the passphrase. A wrong
 * passphrase is a DeskError at the field 'passphrase'; a damaged header a FileDecodeError. Nothing is written.
 */
export async function unlockEncoding(fileBytes: Uint8Array, passphrase: string): Promise<EncryptedEncoding> {
  const { header } = readHeader(fileBytes)
  const params = { N: header.N, r: header.r, p: header.p }
  const material = await deriveKey(passphrase, Buffer.from(header.salt, 'base64'), params)
  if (!timingSafeEqual(material.check, Buffer.from(header.check, 'base64'))) throw refusal('passphrase', wrongPassphrase)
  return encryptedEncoding(material)
}

/** An encoding with a new passphrase and a fresh salt, for turning encryption on or changing the passphrase. */
export async function newEncryptedEncoding(passphrase: string): Promise<EncryptedEncoding> {
  const checked = NewPassphrase.safeParse(passphrase, { error: userWords })
  if (!checked.success) throw refusal('passphrase', checked.error.issues[0]?.message ?? 'Check this passphrase')
  return encryptedEncoding(await deriveKey(passphrase, randomBytes(saltLength), kdf))
}
