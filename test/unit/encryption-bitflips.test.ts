import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StoreOpenError } from '../../src/errors'
import { openStore } from '../../src/store'
import { FileDecodeError } from '../../src/store/file/encoding'
import { newEncryptedEncoding, type EncryptedEncoding } from '../../src/store/file/encryption'
import { seededRandom } from '../support/seededRandom'

const flips = 1000

describe('an encrypted store file with one bit flipped', () => {
  let dir: string
  let file: string
  let encoding: EncryptedEncoding
  let good: Buffer

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-bitflips-'))
    file = join(dir, 'disclosure-desk.json')
    // The key is derived once; each flipped copy is then read with it, as the app that has the store open would.
    encoding = await newEncryptedEncoding('bit flips never get through')
    const store = await openStore(file, { encoding })
    for (const title of ['First <img src=x onerror=alert(1)>', 'Second "quoted" \\ case', 'Third: ünïcödé 🚀']) {
      await store.cases.create({
        title,
        reporter: { name: 'Ada Researcher', email: 'ada@example.org', language: 'en' },
        received: { at: '2026-03-05T14:10:00+01:00', timeZone: 'Europe/Amsterdam' },
        channel: 'email',
        reportText: 'Steps to reproduce follow.',
        severity: { kind: 'unrated' },
        tags: [],
      })
    }
    await store.close()
    good = await readFile(file)
  }, 60_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it(`refuses all ${flips} random flips, header, text and tag alike, and never writes the file`, async () => {
    expect(encoding.decode(good)).toContain('Third: ünïcödé 🚀')
    const headerEnd = good.indexOf(0x0a, good.indexOf(0x0a) + 1) + 1
    const random = seededRandom(20261201)
    const problems = new Map<string, number>()
    for (let i = 0; i < flips; i++) {
      // A quarter of the flips land in the magic line and header, which are a small part of the file.
      const at = Math.floor(random() * (i % 4 === 0 ? headerEnd : good.length))
      const flipped = Buffer.from(good)
      flipped[at]! ^= 1 << Math.floor(random() * 8)

      let problem: string | undefined
      try {
        encoding.decode(flipped)
      } catch (error) {
        expect(error).toBeInstanceOf(FileDecodeError)
        problem = (error as FileDecodeError).problem
      }
      expect(problem, `a flip at byte ${at} was read as a store`).toBeDefined()
      // Deciphered in batches as a colleague's write is taken in: refused with the same words.
      const inBatches = await encoding.decodeBytes(flipped).then(
        () => undefined,
        (error: unknown) => (error as FileDecodeError).problem,
      )
      expect(inBatches, `a flip at byte ${at} was read in batches`).toBe(problem)
      const kind = problem!.replace(/^.*\((.*)\).*$/, '$1')
      problems.set(kind, (problems.get(kind) ?? 0) + 1)

      // Every tenth copy is opened as the app opens its store: refused, and the file exactly as it was.
      if (i % 10 === 0) {
        await writeFile(file, flipped)
        await expect(openStore(file, { encoding })).rejects.toBeInstanceOf(StoreOpenError)
        expect((await readFile(file)).equals(flipped)).toBe(true)
      }
    }
    // Flips were caught by each line of defence, not all by one.
    expect([...problems.keys()].length).toBeGreaterThanOrEqual(3)
  }, 60_000)
})
