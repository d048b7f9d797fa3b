import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StoreOpenError } from '../../src/errors'
import { openStore } from '../../src/store'
import { currentSchemaVersion, emptyDocument } from '../../src/store/document'
import { realisticCases } from '../bench/fixtures/realisticCases'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-open-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Opens a file holding `text`, expects a StoreOpenError and checks that the file is byte-identical afterwards. */
async function problemOf(text: string): Promise<string> {
  const file = join(dir, 'store.json')
  await writeFile(file, text)
  const error = await openStore(file).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StoreOpenError)
  expect(await readFile(file, 'utf8')).toBe(text)
  return (error as StoreOpenError).problem
}

const docWith = (cases: unknown[]) => JSON.stringify({ ...emptyDocument(), cases }, null, 2)

describe('openStore on a missing file', () => {
  it('creates the parent folders and an empty store', async () => {
    const file = join(dir, 'team', 'desk', 'store.json')
    const store = await openStore(file)
    expect(store.file).toBe(file)
    expect(store.cases.list()).toEqual([])
    expect(store.settings.get().defaultPolicyId).toBe('aimms')
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ generation: 1, ...emptyDocument() })
    await store.close()
  })
})

describe('openStore on a missing file, from two apps at once', () => {
  it('creates it once; both open the same empty store', async () => {
    const file = join(dir, 'shared', 'store.json')
    const stores = await Promise.all([openStore(file), openStore(file)])
    for (const store of stores) expect(store.document()).toEqual(emptyDocument())
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ generation: 1, ...emptyDocument() })
    await Promise.all(stores.map((store) => store.close()))
  })
})

describe('openStore on a file it cannot use', () => {
  it('reports an empty file', async () => {
    expect(await problemOf('')).toBe('is empty')
    expect(await problemOf('  \n')).toBe('is empty')
  })

  it('reports text that is not JSON with its line and column', async () => {
    const problem = await problemOf('{\n  "schemaVersion": 1,\n  oops\n}')
    expect(problem).toMatch(/^is not valid JSON at line 3, column 3 \(/)
  })

  it('reports a truncated file as cut off', async () => {
    const full = docWith(realisticCases(3, 1))
    expect(await problemOf(full.slice(0, Math.floor(full.length / 2)))).toBe(
      'is cut off: it ends in the middle of the data, as if it was only partly copied or saved',
    )
  })

  it('reports JSON that is not a store', async () => {
    expect(await problemOf('[1, 2, 3]')).toBe('is not a Disclosure Desk store (it holds no object)')
    expect(await problemOf('{"cases": []}')).toBe('is not a Disclosure Desk store (it has no valid schemaVersion)')
  })

  it('reports a store written by a newer version', async () => {
    const newer = currentSchemaVersion + 1
    expect(await problemOf(JSON.stringify({ ...emptyDocument(), schemaVersion: newer }))).toBe(
      `was written by a newer version of Disclosure Desk (store format ${newer}; this version reads up to ${currentSchemaVersion}). Update the app to open it`,
    )
  })

  it("names the case by its key and the place of the first bad value in words, never zod's text", async () => {
    const cases = realisticCases(14, 3)
    const broken = { ...cases[12]!, timeline: cases[12]!.timeline.map((e, i) => (i === 1 ? { ...e, at: 1_700_000_000 } : e)) }
    cases[12] = broken as never
    expect(await problemOf(docWith(cases))).toBe(
      `does not match the store format in case ${broken.key} (timeline entry 2, at): this value is not of the right kind`,
    )
  })

  it('names a malformed email found by full validation of a case that fails the quick check', async () => {
    const cases = realisticCases(14, 3)
    const { sample: _sample, ...withoutSample } = cases[12]!
    const docCases: unknown[] = [...cases]
    docCases[12] = { ...withoutSample, reporter: { ...withoutSample.reporter, email: 'not-an-email' } }
    expect(await problemOf(docWith(docCases))).toBe(
      `does not match the store format in case ${withoutSample.key} (reporter, email): enter a valid email address`,
    )
  })

  it('names a bad setting', async () => {
    const doc = emptyDocument()
    const text = JSON.stringify({ ...doc, settings: { ...doc.settings, calendar: { ...doc.settings.calendar, endOfWorkingDay: '25:00' } } })
    expect(await problemOf(text)).toBe('does not match the store format (settings, calendar, endOfWorkingDay): use a time as HH:MM')
  })

  it('reports a folder in place of the file as unreadable', async () => {
    const folder = join(dir, 'folder.json')
    await mkdir(folder)
    const error = (await openStore(folder).catch((e: unknown) => e)) as StoreOpenError
    expect(error).toBeInstanceOf(StoreOpenError)
    expect(error.problem).toMatch(/^could not be read \(EISDIR: illegal operation on a directory/)
    expect(error.message).toBe(`Store file ${folder} ${error.problem}. The file was not changed.`)
  })
})

describe('openStore on a valid file', () => {
  it('fills defaults that a hand-written case leaves out', async () => {
    const file = join(dir, 'store.json')
    const { sample: _sample, tags: _tags, ...c } = realisticCases(1, 5)[0]!
    await writeFile(file, docWith([c]))
    const store = await openStore(file)
    expect(store.cases.list()[0]).toMatchObject({ id: c.id, sample: false, tags: [] })
    await store.close()
  })

  it('opens but refuses to show a case whose email is malformed, naming it, when it passed the quick type check', async () => {
    const file = join(dir, 'store.json')
    const cases = realisticCases(2, 5)
    cases[1] = { ...cases[1]!, reporter: { ...cases[1]!.reporter, email: 'not-an-email' } }
    const text = docWith(cases)
    await writeFile(file, text)
    const store = await openStore(file)
    expect(store.cases.list()).toHaveLength(2)
    expect(store.cases.get(cases[0]!.id).id).toBe(cases[0]!.id)
    expect(() => store.cases.get(cases[1]!.id)).toThrow(
      `Case ${cases[1]!.key} in ${file} cannot be shown: one of its values is not valid (reporter, email: enter a valid email address). The file was not changed; correct that value in the file, or restore a backup.`,
    )
    await store.close()
    expect(await readFile(file, 'utf8')).toBe(text)
  })

  it("names a broken timeline time in the person's words, never zod's, with where it sits in the case", async () => {
    const file = join(dir, 'store.json')
    const [c] = realisticCases(1, 5)
    const timeline = c!.timeline.map((e, i) => (i === 0 ? { ...e, at: '18 Dec 2026, 16:10' } : e))
    await writeFile(file, docWith([{ ...c!, timeline }]))
    const store = await openStore(file)
    expect(() => store.cases.get(c!.id)).toThrow(
      `Case ${c!.key} in ${file} cannot be shown: one of its values is not valid (timeline entry 1, at: enter a date and time). The file was not changed; correct that value in the file, or restore a backup.`,
    )
    await store.close()
  })
})

describe('openStore where no file can be made', () => {
  it('reports a path through a file as a StoreOpenError and leaves that file alone', async () => {
    const blocker = join(dir, 'not-a-folder')
    await writeFile(blocker, 'x')
    const error = (await openStore(join(blocker, 'store.json')).catch((e: unknown) => e)) as StoreOpenError
    expect(error).toBeInstanceOf(StoreOpenError)
    expect(error.problem).toMatch(/^could not be read \(ENOTDIR: not a directory/)
    expect(await readFile(blocker, 'utf8')).toBe('x')
  })

  it('reports a store it cannot write as a StoreOpenError', async () => {
    // A name the file system takes, but too long for the temporary file beside it: the first write fails, even for root.
    const error = (await openStore(join(dir, `${'x'.repeat(236)}.json`)).catch((e: unknown) => e)) as StoreOpenError
    expect(error).toBeInstanceOf(StoreOpenError)
    expect(error.problem).toMatch(/^could not be created \(ENAMETOOLONG: name too long/)
    expect(await readdir(dir)).toEqual([])
  })
})
