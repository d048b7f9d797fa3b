import { beforeAll, describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { FileDecodeError, headLength } from '../../src/store/file/encoding'
import {
  encryptedHeaderProblem,
  isEncryptedFile,
  newEncryptedEncoding,
  unlockEncoding,
  type EncryptedEncoding,
} from '../../src/store/file/encryption'

// With an é composed (NFC); unlocked below typed decomposed (NFD), as macOS keyboards may send it.
const passphrase = 'caf\u00e9 horse battery staple'
const utf8 = (text: string) => new TextEncoder().encode(text)
const concat = (pieces: Uint8Array[]) => Buffer.concat(pieces)
/** A text the way the document layer hands it over: in pieces, here cut mid-character too. */
const text = JSON.stringify({ generation: 7, title: 'Ünïcödé 🚀 <script>alert(1)</script> "quoted" \\ \u0000', n: [1, 2, 3] })
const piecesOf = (t: string) => {
  const bytes = utf8(t)
  return [bytes.subarray(0, 5), bytes.subarray(5, 23), bytes.subarray(23)]
}

function refusal(run: () => unknown): FileDecodeError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(FileDecodeError)
    return error as FileDecodeError
  }
  throw new Error('expected the file to be refused')
}

/** The header line of an encrypted file, as text, and where it ends. */
function headerOf(file: Uint8Array) {
  const firstLine = file.indexOf(0x0a)
  const end = file.indexOf(0x0a, firstLine + 1)
  return { json: JSON.parse(Buffer.from(file.subarray(firstLine + 1, end)).toString('utf8')), start: firstLine + 1, end }
}
/** The file with its header line replaced, the rest as it was. */
function withHeader(file: Uint8Array, change: (header: Record<string, unknown>) => void): Uint8Array {
  const { json, start, end } = headerOf(file)
  change(json)
  return concat([file.subarray(0, start), utf8(JSON.stringify(json)), file.subarray(end)])
}

describe('encrypted store files', () => {
  // One key derivation for most tests: scrypt at OWASP's parameters takes a good part of a second each.
  let encoding: EncryptedEncoding
  let file: Uint8Array
  beforeAll(async () => {
    encoding = await newEncryptedEncoding(passphrase)
    file = concat(await encoding.encode(piecesOf(text), 7))
  }, 30_000)

  it('round-trips the text exactly, and the file holds none of it in the clear', async () => {
    expect(encoding.kind).toBe('encrypted')
    expect(encoding.decode(file)).toBe(text)
    expect(Buffer.from(await encoding.decodeBytes(file)).toString('utf8')).toBe(text)
    expect(Buffer.from(file).includes('script')).toBe(false)
    expect(Buffer.from(file).subarray(0, 28).toString('latin1')).toBe('DISCLOSURE-DESK-ENCRYPTED 1\n')
  })

  it('writes the header the plan names: scrypt N=2^17, r=8, p=1, salt, IV, generation and key check', () => {
    const { json } = headerOf(file)
    expect(json).toEqual({
      kdf: 'scrypt',
      N: 131072,
      r: 8,
      p: 1,
      salt: expect.any(String),
      iv: expect.any(String),
      generation: 7,
      check: expect.any(String),
    })
    expect(Buffer.from(json.salt, 'base64')).toHaveLength(16)
    expect(Buffer.from(json.iv, 'base64')).toHaveLength(12)
  })

  it('reads the generation from the head, without the key', () => {
    expect(encoding.generationOf(file.subarray(0, headLength))).toBe(7)
    expect(encoding.generationOf(utf8('{"generation":3,"cases":[]}'))).toBeUndefined()
    expect(encoding.generationOf(file.subarray(0, 40))).toBeUndefined()
  })

  it('tells an encrypted file from a plain one by its first bytes', () => {
    expect(isEncryptedFile(file.subarray(0, headLength))).toBe(true)
    expect(isEncryptedFile(utf8(text))).toBe(false)
    expect(isEncryptedFile(new Uint8Array())).toBe(false)
    expect(encryptedHeaderProblem(file)).toBeUndefined()
  })

  it('uses a fresh IV for every write: the same text twice gives different bytes', async () => {
    const again = concat(await encoding.encode(piecesOf(text), 7))
    expect(headerOf(again).json.iv).not.toBe(headerOf(file).json.iv)
    expect(Buffer.from(again).equals(Buffer.from(file))).toBe(false)
    expect(encoding.decode(again)).toBe(text)
  })

  it('unlocks with the right passphrase from the head alone, in either Unicode form', async () => {
    const unlocked = await unlockEncoding(file.subarray(0, headLength), passphrase.normalize('NFD'))
    expect(unlocked.decode(file)).toBe(text)
    expect(await unlocked.opens(passphrase)).toBe(true)
  }, 30_000)

  it('refuses a wrong passphrase at the field, in words, without touching the content', async () => {
    const refused = await unlockEncoding(file, 'cafe horse battery staple').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DeskError)
    expect((refused as DeskError).code).toBe('invalid_input')
    expect((refused as DeskError).message).toBe('That passphrase does not open this store.')
    expect((refused as DeskError).issues).toEqual([{ path: 'passphrase', message: 'That passphrase does not open this store' }])
  }, 30_000)

  it('refuses a changed generation, IV or key check in the header as a damaged file', () => {
    for (const change of [
      (h: Record<string, unknown>) => (h['generation'] = 8),
      (h: Record<string, unknown>) => (h['iv'] = Buffer.alloc(12, 1).toString('base64')),
      (h: Record<string, unknown>) => (h['check'] = Buffer.alloc(32, 1).toString('base64')),
    ]) {
      expect(refusal(() => encoding.decode(withHeader(file, change))).message).toMatch(/^The file was changed or damaged after it was encrypted/)
    }
  })

  it('refuses weaker or oversized key parameters before deriving anything', async () => {
    for (const [N, r] of [[1024, 8], [2 ** 17, 1], [2 ** 22, 8], [2 ** 17 + 1, 8]]) {
      const weak = withHeader(file, (h) => Object.assign(h, { N, r }))
      expect(encryptedHeaderProblem(weak)).toMatch(/encryption header has values this app never writes/)
      await expect(unlockEncoding(weak, passphrase)).rejects.toBeInstanceOf(FileDecodeError)
    }
  })

  it('refuses a changed byte of the text, a changed tag and a cut-off file', () => {
    const body = headerOf(file).end + 3
    const flipped = (at: number) => {
      const copy = Uint8Array.from(file)
      copy[at]! ^= 0x01
      return copy
    }
    expect(refusal(() => encoding.decode(flipped(body))).problem).toMatch(/content does not match its authentication tag/)
    expect(refusal(() => encoding.decode(flipped(file.length - 1))).problem).toMatch(/authentication tag/)
    expect(refusal(() => encoding.decode(file.subarray(0, file.length - 1))).problem).toMatch(/changed or damaged/)
    expect(refusal(() => encoding.decode(file.subarray(0, headerOf(file).end + 5))).problem).toMatch(/changed or damaged/)
    expect(refusal(() => encoding.decode(file.subarray(0, 30))).problem).toMatch(/cut off/)
    expect(refusal(() => encoding.decode(utf8(text))).problem).toBe('is not an encrypted store file')
  })

  it('a new passphrase re-encrypts with a new salt: the old key no longer reads it, nor the old passphrase', async () => {
    const changed = await newEncryptedEncoding('a different passphrase entirely')
    const rewritten = concat(await changed.encode(piecesOf(text), 8))
    expect(headerOf(rewritten).json.salt).not.toBe(headerOf(file).json.salt)
    expect(changed.decode(rewritten)).toBe(text)
    expect(refusal(() => encoding.decode(rewritten)).problem).toMatch(/^is encrypted with a passphrase other than the one it was opened with/)
    await expect(unlockEncoding(rewritten, passphrase)).rejects.toMatchObject({ code: 'invalid_input' })
  }, 30_000)

  it('refuses a new passphrase shorter than 12 characters at the field', async () => {
    await expect(newEncryptedEncoding('eleven char')).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'passphrase', message: 'Use at least 12 characters' }],
    })
  }, 30_000)

  it('encrypts 40 MB in batches, letting the event loop run between them', async () => {
    const piece = utf8(`{"id":"${'x'.repeat(4000)}"},`)
    const pieces = Array.from({ length: 10_000 }, () => piece)
    // Counts the turns the event loop got while encode ran. A wall-clock bound on the longest block would measure the
    // machine's load as much as the code (this suite shares two cores with others); the batches are what the code sets.
    let turns = 0
    let probing = true
    const probe = () => {
      turns++
      if (probing) setImmediate(probe)
    }
    setImmediate(probe)
    const started = performance.now()
    const out = await encoding.encode(pieces, 1)
    const took = performance.now() - started
    probing = false
    expect(out.reduce((n, p) => n + p.length, 0)).toBeGreaterThan(40_000_000)
    // One turn for each MiB at least: 40 MB, so about 38.
    expect(turns).toBeGreaterThanOrEqual(35)
    expect(took).toBeLessThan(5_000)
    expect(encoding.decode(Buffer.concat(out))).toHaveLength(pieces.length * piece.length)
    // Deciphering in batches lets other work run between them too.
    turns = 0
    probing = true
    setImmediate(probe)
    const text = await encoding.decodeBytes(Buffer.concat(out))
    probing = false
    expect(text.length).toBe(pieces.length * piece.length)
    expect(turns).toBeGreaterThanOrEqual(35)
  }, 30_000)
})
