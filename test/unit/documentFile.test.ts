import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir, uptime } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeskError, StoreOpenError } from '../../src/errors'
import type { Policy } from '../../src/policies/policy'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { emptyDocument, type StoreDocument } from '../../src/store/document'
import { removeStrayTemps } from '../../src/store/file/durableWrite'
import { openDocumentFile, readStoreFile, replaceStoreFile, type DocumentFile, type Encoding } from '../../src/store/documentFile'

let dir: string
let path: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-file-'))
  path = join(dir, 'store.json')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const hostile = '<script>alert(1)</script>\r\nBcc: all@example.com =HYPERLINK("x") \u2028\u2029 \u0000 "quoted" \\ 𝄞 é'

const policy = (text: string): Policy => ({
  id: 'team-policy',
  name: 'Our policy',
  text,
  rules: [{ id: 'ack', due: 'acknowledgement', quote: text, reading: '', from: 'received', metBy: 'acknowledgement_sent', amount: 2, unit: 'business_days', onDayOff: 'next_business_day' }],
})

function withPolicy(text: string): StoreDocument {
  return { ...emptyDocument(), policies: [policy(text)] }
}

/** Resolves when `happened` turns true, polling; fails the test after `ms`. */
async function eventually(happened: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms
  while (!happened()) {
    if (Date.now() > until) throw new Error('it did not happen in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The file's text for a document: the generation first, then the document as JSON.stringify writes it, each case on a line. */
const fileText = (generation: number, { cases, ...rest }: StoreDocument) =>
  `{"generation":${generation},${JSON.stringify(rest).slice(1, -1)},"cases":[${cases.map((c, i) => `${i === 0 ? '\n' : ',\n'}${JSON.stringify(c)}`).join('')}\n]}`

/** Writes as a save does: under the lock, after taking in what another app wrote. */
const save = (file: DocumentFile, doc: StoreDocument) =>
  file.whileLocked(async (lock) => {
    await file.readChanges()
    await file.write(doc, lock)
  })

describe('opening', () => {
  it('creates a missing file, with its folders, holding an empty document', async () => {
    const nested = join(dir, 'team', 'desk', 'store.json')
    const { document } = await openDocumentFile(nested)
    expect(document).toEqual(emptyDocument())
    expect(await readFile(nested, 'utf8')).toBe(fileText(1, emptyDocument()))
  })

  it('refuses a file it cannot understand with a StoreOpenError and leaves it byte-identical', async () => {
    await writeFile(path, '{"schemaVersion": 1, "cases": [')
    const error = await openDocumentFile(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreOpenError)
    expect((error as StoreOpenError).problem).toBe('is cut off: it ends in the middle of the data, as if it was only partly copied or saved')
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion": 1, "cases": [')
  })
})

describe('writing and reading back', () => {
  it('round-trips a document, replacing the file through a temporary file that does not remain', async () => {
    const { file } = await openDocumentFile(path)
    const doc = withPolicy('We acknowledge within 2 business days.')
    await save(file, doc)
    expect(await readdir(dir)).toEqual(['store.json'])
    expect((await openDocumentFile(path)).document).toEqual(doc)
  })

  it('keeps hostile text exactly as written', async () => {
    const { file } = await openDocumentFile(path)
    await save(file, withPolicy(hostile))
    const { document } = await openDocumentFile(path)
    expect(document.policies[0]!.text).toBe(hostile)
    expect(document.policies[0]!.rules[0]!.quote).toBe(hostile)
  })

  it('applies the encoding hook to what it writes and to what it reads, the generation in its header', async () => {
    // Shaped like an encrypted file: a header line with the generation, then bytes that are not JSON.
    const reversed: Encoding = {
      kind: 'encrypted',
      encode: async (pieces, generation) => [Buffer.from(`REVERSED ${generation}\n`), Buffer.concat(pieces).reverse()],
      decode: (bytes) => Buffer.from(bytes).subarray(Buffer.from(bytes).indexOf(10) + 1).reverse().toString('utf8'),
      decodeBytes: async (bytes) => Buffer.from(bytes).subarray(Buffer.from(bytes).indexOf(10) + 1).reverse(),
      generationOf: (head) => {
        const match = /^REVERSED (\d+)\n/.exec(Buffer.from(head).toString('latin1'))
        return match ? Number(match[1]) : undefined
      },
    }
    const { file } = await openDocumentFile(path, { encoding: reversed })
    await save(file, withPolicy(hostile))
    const onDisk = await readFile(path)
    expect(onDisk.subarray(0, 11).toString()).toBe('REVERSED 2\n')
    expect(Buffer.from(onDisk.subarray(11)).reverse().toString('utf8')).toBe(fileText(2, withPolicy(hostile)))
    expect((await openDocumentFile(path, { encoding: reversed })).document.policies[0]!.text).toBe(hostile)
    const plain = await openDocumentFile(path).catch((e: unknown) => e)
    expect((plain as StoreOpenError).problem).toMatch(/^is not valid JSON/)
  })
})

describe('noticing another app’s write', () => {
  it('reports no change while the bytes are the ones it last read or wrote', async () => {
    const { file } = await openDocumentFile(path)
    expect(await file.readChanges()).toBeUndefined()
    await save(file, withPolicy('one'))
    expect(await file.readChanges()).toBeUndefined()
  })

  it('sees an edit of the same size whose modification time was put back', async () => {
    const { file } = await openDocumentFile(path)
    await save(file, withPolicy('version A'))
    // Whole seconds, as a FAT or SMB share keeps them.
    const second = new Date('2026-03-04T09:30:00.000Z')
    await utimes(path, second, second)
    const before = await stat(path)
    const text = await readFile(path, 'utf8')
    const edited = text.replaceAll('version A', 'version B')
    expect(Buffer.byteLength(edited)).toBe(before.size)
    await writeFile(path, edited)
    await utimes(path, second, second)
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs)
    expect((await file.readChanges())?.policies[0]!.text).toBe('version B')
    expect(await file.readChanges()).toBeUndefined()
  })

  it('refuses a file another program broke, every time, and leaves it as it is', async () => {
    const { file } = await openDocumentFile(path)
    await writeFile(path, '[1, 2')
    for (let i = 0; i < 2; i++) {
      const error = await file.readChanges().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DeskError)
      expect((error as DeskError).code).toBe('store_unavailable')
      expect((error as DeskError).message).toMatch(/^Another program changed .* and it now is cut off/)
    }
    expect(await readFile(path, 'utf8')).toBe('[1, 2')
  })

  it('reads a broken file once: refused again without reading until the file changes, and the watch stays quiet', async () => {
    const { file } = await openDocumentFile(path, { watchIntervalMs: 20 })
    let seen = 0
    const stop = file.watch(() => void seen++)
    // Whole seconds, as a FAT or SMB share keeps them.
    const second = new Date('2026-03-04T09:30:00.000Z')
    await writeFile(path, '[1, 2')
    await utimes(path, second, second)
    await eventually(() => seen > 0)
    expect(((await file.readChanges().catch((e: unknown) => e)) as DeskError).message).toMatch(/and it now is cut off/)
    seen = 0
    // Another problem of the same size, in place, its time put back: its mark is the refused one, so it is not read.
    await writeFile(path, 'x1, 2')
    await utimes(path, second, second)
    expect(((await file.readChanges().catch((e: unknown) => e)) as DeskError).message).toMatch(/and it now is cut off/)
    await pause(200)
    expect(seen).toBe(0)
    // Changed again: read again.
    await writeFile(path, 'x1, 23')
    await eventually(() => seen > 0)
    expect(((await file.readChanges().catch((e: unknown) => e)) as DeskError).message).toMatch(/and it now is not valid JSON/)
    stop()
  })

  it('says a file a colleague encrypted is now encrypted, to be opened again, not restored', async () => {
    const { file } = await openDocumentFile(path)
    await writeFile(path, 'DISCLOSURE-DESK-ENCRYPTED 1\n{"kdf":"scrypt"}\nciphertext')
    expect(((await file.readChanges().catch((e: unknown) => e)) as DeskError).message).toBe(
      `${path} is now encrypted with a passphrase: open it again to enter it. Nothing was saved and the file was not touched.`,
    )
  })

  it('does not take a change of permissions or attributes (a sync client’s) for another app’s write', async () => {
    const { file } = await openDocumentFile(path)
    await save(file, withPolicy('ours'))
    await chmod(path, 0o600)
    expect(await file.readChanges()).toBeUndefined()
  })

  it('takes a file that is gone for unchanged: the next write puts it back', async () => {
    const { file } = await openDocumentFile(path)
    await rm(path)
    expect(await file.readChanges()).toBeUndefined()
    await save(file, withPolicy('back'))
    expect((await openDocumentFile(path)).document.policies[0]!.text).toBe('back')
  })

  it('watches for a foreign write, not for its own, until stopped', async () => {
    const { file } = await openDocumentFile(path, { watchIntervalMs: 20 })
    let calls = 0
    const stop = file.watch(() => calls++)
    try {
      await pause(50)
      await save(file, withPolicy('ours'))
      await pause(300)
      expect(calls).toBe(0)
      await writeFile(path, JSON.stringify(withPolicy('theirs')))
      await eventually(() => calls > 0)
      // Taking their version in makes it ours: no further calls for it.
      expect((await file.readChanges())?.policies[0]!.text).toBe('theirs')
      calls = 0
      await pause(300)
      expect(calls).toBe(0)
    } finally {
      stop()
    }
    await writeFile(path, JSON.stringify(withPolicy('after stop')))
    await pause(300)
    expect(calls).toBe(0)
  })
})

describe('the lock', () => {
  it('refuses a save in words when the folder is gone (a share that went away), not with a bare file system error', async () => {
    const { file } = await openDocumentFile(path)
    await rm(dir, { recursive: true, force: true })
    const error = (await save(file, withPolicy('lost')).catch((e: unknown) => e)) as DeskError
    expect(error).toBeInstanceOf(DeskError)
    expect(error.code).toBe('store_unavailable')
    expect(error.message).toMatch(/^Could not lock .* for saving \(ENOENT.*\)\. Your change was not saved; check that the folder can be reached/)
  })

  it('lets one app’s step finish before another’s starts', async () => {
    const a = (await openDocumentFile(path)).file
    const b = (await openDocumentFile(path)).file
    const steps: string[] = []
    await Promise.all([
      a.whileLocked(async () => {
        steps.push('a starts')
        await pause(100)
        steps.push('a ends')
      }),
      pause(10).then(() => b.whileLocked(async () => void steps.push('b runs'))),
    ])
    expect(steps).toEqual(['a starts', 'a ends', 'b runs'])
    expect(await readdir(dir)).toEqual(['store.json'])
  })
})

describe('taking in a colleague’s write', () => {
  it('writes each case on a line of its own, and keeps the case objects whose lines did not change', async () => {
    const cases = realisticCases(5, 7)
    const ours = (await openDocumentFile(path)).file
    const theirs = (await openDocumentFile(path)).file
    await save(theirs, { ...emptyDocument(), cases })
    const lines = (await readFile(path, 'utf8')).split('\n')
    expect(lines).toHaveLength(7)
    expect(lines.slice(1, -1)).toEqual(cases.map((c, i) => `${JSON.stringify(c)}${i < 4 ? ',' : ''}`))
    const before = (await ours.readChanges())!
    expect(before.cases).toEqual(cases)
    // The colleague changes the third case and removes the first.
    const changed = { ...cases[2]!, title: 'Changed by a colleague' }
    await save(theirs, { ...emptyDocument(), cases: [cases[1]!, changed, cases[3]!, cases[4]!] })
    const after = (await ours.readChanges())!
    expect(after.cases).toEqual([cases[1], changed, cases[3], cases[4]])
    expect(after.cases[0]).toBe(before.cases[1])
    expect(after.cases[1]).not.toBe(before.cases[2])
    expect(after.cases[2]).toBe(before.cases[3])
    expect(after.cases[3]).toBe(before.cases[4])
  })

  it('reads a file in another layout whole: pretty-printed by hand, or one line', async () => {
    const doc = { ...emptyDocument(), cases: realisticCases(2, 3) }
    const { file } = await openDocumentFile(path)
    await writeFile(path, JSON.stringify({ generation: 4, ...doc }, null, 2))
    expect(await file.readChanges()).toEqual(doc)
    await writeFile(path, JSON.stringify({ generation: 5, ...doc }))
    expect(await file.readChanges()).toEqual(doc)
    expect((await openDocumentFile(path)).document).toEqual(doc)
  })

  it('names the problem of a broken case line as reading the whole file does', async () => {
    const { file } = await openDocumentFile(path)
    await save(file, { ...emptyDocument(), cases: realisticCases(2, 3) })
    const lines = (await readFile(path, 'utf8')).split('\n')
    lines[2] = lines[2]!.replace('"status":"', '"status":"nonsense-')
    await writeFile(path, lines.join('\n'))
    const error = (await file.readChanges().catch((e: unknown) => e)) as DeskError
    expect(error.message).toMatch(/and it now does not match the store format in case VD-\d{4}-\d{3} \(status\)/)
  })
})

describe('the generation', () => {
  const head = async () => /^\{"generation":(\d+),/.exec(await readFile(path, 'utf8'))?.[1]

  it('goes up by one with every write; a file without one (an older version’s) counts as 0', async () => {
    await writeFile(path, JSON.stringify(emptyDocument()))
    const { file } = await openDocumentFile(path)
    await save(file, withPolicy('one'))
    expect(await head()).toBe('1')
    await save(file, withPolicy('two'))
    expect(await head()).toBe('2')
  })

  it('shows another app’s write of the same size, with the modification time put back', async () => {
    const a = (await openDocumentFile(path)).file
    const b = (await openDocumentFile(path)).file
    await save(a, withPolicy('version A'))
    // Whole seconds, as a FAT or SMB share keeps them.
    const second = new Date('2026-03-04T09:30:00.000Z')
    await utimes(path, second, second)
    const before = await stat(path)
    expect((await b.readChanges())?.policies[0]!.text).toBe('version A')
    await save(b, withPolicy('version B'))
    await utimes(path, second, second)
    expect((await stat(path)).size).toBe(before.size)
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs)
    expect((await a.readChanges())?.policies[0]!.text).toBe('version B')
  })
})

describe('the fence', () => {
  /** A lock that is still held, and lets `meanwhile` run at the fence, right before the rename. */
  const heldLock = (meanwhile: () => Promise<void> = async () => undefined) => ({ assertHeld: meanwhile })

  it('refuses a write when another writer replaced the file after it was read, and keeps the other’s write', async () => {
    const ours = (await openDocumentFile(path)).file
    const theirs = (await openDocumentFile(path)).file
    const error = await ours
      .write(withPolicy('a stale copy'), heldLock(() => save(theirs, withPolicy('the colleague’s acknowledged save'))))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeskError)
    expect((error as DeskError).message).toBe(
      `Another app saved to ${path} while this one was saving. Your change was not saved; try again to make it on the current file.`,
    )
    expect((await openDocumentFile(path)).document.policies[0]!.text).toBe('the colleague’s acknowledged save')
    expect(await readdir(dir)).toEqual(['store.json'])
    // Taken in, the same write goes through.
    expect((await ours.readChanges())?.policies[0]!.text).toBe('the colleague’s acknowledged save')
    await ours.write(withPolicy('on the current file'), heldLock())
    expect((await openDocumentFile(path)).document.policies[0]!.text).toBe('on the current file')
  })

  it('says a save whose temporary file another app removed (it took the lock over) was not saved, in words', async () => {
    const { file } = await openDocumentFile(path)
    const before = await readFile(path, 'utf8')
    const error = (await file.write(withPolicy('late'), heldLock(async () => void (await removeStrayTemps(path)))).catch((e: unknown) => e)) as DeskError
    expect(error).toBeInstanceOf(DeskError)
    expect(error.code).toBe('store_unavailable')
    expect(error.message).toBe(
      `Another app took over this save to ${path} while this computer was paused or asleep, so your change was not saved. Try again.`,
    )
    expect(await readFile(path, 'utf8')).toBe(before)
  })

  it('writes a save’s temporary file in the lock folder, so a takeover that did not see it still fences the save off', async () => {
    const { file } = await openDocumentFile(path)
    const before = await readFile(path, 'utf8')
    const error = (await file
      .whileLocked((lock) =>
        file.write(withPolicy('late'), {
          folder: lock.folder,
          assertHeld: async () => {
            expect((await readdir(`${path}.lock`)).filter((name) => name.endsWith('.tmp'))).toHaveLength(1)
            await rename(`${path}.lock`, join(dir, 'taken-over'))
            await mkdir(`${path}.lock`)
          },
        }),
      )
      .catch((e: unknown) => e)) as DeskError
    expect(error.message).toMatch(/^Another app took over this save to .* while this computer was paused or asleep, so your change was not saved/)
    expect(await readFile(path, 'utf8')).toBe(before)
  })

  it('refuses a write when the lock is no longer ours, writing nothing', async () => {
    const { file } = await openDocumentFile(path)
    const before = await readFile(path, 'utf8')
    const takenOver = new DeskError('store_unavailable', 'taken over')
    const error = await file.write(withPolicy('late'), { assertHeld: () => Promise.reject(takenOver) }).catch((e: unknown) => e)
    expect(error).toBe(takenOver)
    expect(await readFile(path, 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['store.json'])
  })
})

describe('cleaning up at open', () => {
  it('removes the lock of an app of this computer that no longer runs, and temporary files writers left', async () => {
    await writeFile(path, JSON.stringify(emptyDocument()))
    await writeFile(join(dir, '.store.json.tmp'), '{"half')
    await writeFile(join(dir, '.store.json.sam-laptop.999.0a1b2c.tmp'), '{"half')
    await mkdir(`${path}.lock`)
    const boot = new Date(Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000).toISOString()
    const silent = Date.now() - 5_000
    await writeFile(
      join(`${path}.lock`, 'owner.json'),
      JSON.stringify({ token: 't', host: hostname(), boot, user: 'u', pid: 4_194_303, since: new Date(silent).toISOString(), beat: 3, beatAt: silent }),
    )
    await openDocumentFile(path)
    expect(await readdir(dir)).toEqual(['store.json'])
  })
})

describe('readStoreFile and replaceStoreFile', () => {
  it('reads a file’s document, generation and case count, and the format it was converted from', async () => {
    await writeFile(path, JSON.stringify({ generation: 7, ...withPolicy('read me') }))
    expect(await readStoreFile(path)).toEqual({ document: withPolicy('read me'), generation: 7, caseCount: 0 })
    const { templates: _templates, ...format2 } = emptyDocument()
    await writeFile(path, JSON.stringify({ ...format2, schemaVersion: 2 }))
    expect(await readStoreFile(path)).toMatchObject({ generation: 0, migratedFrom: 2, document: emptyDocument() })
  })

  it('refuses a file it cannot read as opening does, naming the problem', async () => {
    await writeFile(path, '{"schemaVersion": 3, "cases": [')
    const error = (await readStoreFile(path).catch((e: unknown) => e)) as StoreOpenError
    expect(error).toBeInstanceOf(StoreOpenError)
    expect(error.problem).toMatch(/^is cut off/)
    expect(((await readStoreFile(join(dir, 'missing.json')).catch((e: unknown) => e)) as StoreOpenError).problem).toBe(
      'could not be read (it does not exist)',
    )
  })

  it('replaces whatever the file holds with the next generation, which an app that has it open takes in', async () => {
    const { file } = await openDocumentFile(path)
    await save(file, withPolicy('before the restore'))
    await replaceStoreFile(path, withPolicy('restored'))
    expect(await readStoreFile(path)).toMatchObject({ generation: 3, document: withPolicy('restored') })
    expect((await file.readChanges())?.policies[0]!.text).toBe('restored')
    await writeFile(path, 'broken beyond reading')
    await replaceStoreFile(path, withPolicy('over a broken file'))
    expect(await readStoreFile(path)).toMatchObject({ generation: 1, document: withPolicy('over a broken file') })
    expect(await readdir(dir)).toEqual(['store.json'])
  })

  it('creates the file and its folders when there is none (a move to another folder)', async () => {
    const moved = join(dir, 'shared', 'desk.json')
    await replaceStoreFile(moved, withPolicy('moved'))
    expect(await readStoreFile(moved)).toMatchObject({ generation: 1, caseCount: 0, document: withPolicy('moved') })
  })
})
