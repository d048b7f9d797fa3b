import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir, uptime } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import type { DomainEvent } from '../../src/commands/events'
import { DeskError } from '../../src/errors'
import { timelineText } from '../../src/i18n/timelineText'
import { openStore, type ChangeOrigin, type Encoding, type Store, type StoreOptions } from '../../src/store'
import { emptyDocument } from '../../src/store/document'
import { plainText } from '../../src/store/file/encoding'

// The rules of each command are tested without files in test/unit/commands; these tests are about the file under the
// store: what reaches it, what is read back, and what happens when several apps share it.

let dir: string
let file: string
let clock: Date
let ids: number
const options = (more: StoreOptions = {}): StoreOptions => ({ now: () => clock, newId: () => `id-${++ids}`, ...more })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-store-'))
  file = join(dir, 'store.json')
  clock = new Date('2026-03-04T09:30:00.000Z')
  ids = 0
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const idor: CaseInput = {
  title: 'IDOR in invoice API',
  reporter: { name: 'Lena Fischer', email: 'lena@fischer.example', handle: 'lfischer' },
  received: { at: '2026-03-02T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
  asset: 'api.example.com',
  reportText: 'GET /v2/invoices/100231 returns another customer’s invoice.',
}

const team = [
  { id: 'm1', name: 'Anna Smit', email: 'anna@example.com' },
  { id: 'm2', name: 'Ben Jansen', email: 'ben@example.com' },
]

async function rejection(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  return error as DeskError
}

async function withStore(run: (store: Store) => Promise<void>, more?: StoreOptions) {
  const store = await openStore(file, options(more))
  try {
    await run(store)
  } finally {
    await store.close()
  }
}

/** Every notification a store sends, in order. */
function heard(store: Store): { events: DomainEvent[]; origin: ChangeOrigin }[] {
  const log: { events: DomainEvent[]; origin: ChangeOrigin }[] = []
  store.subscribe((events, origin) => log.push({ events, origin }))
  return log
}

const onDisk = async () => JSON.parse(await readFile(file, 'utf8')) as { cases: { id: string; title: string }[] }

describe('running commands', () => {
  it('writes the outcome, makes it current and answers with the result and the events', () =>
    withStore(async (store) => {
      const log = heard(store)
      const { result, events } = await store.run({ type: 'case.create', input: idor })
      expect(result).toMatchObject({ key: 'VD-2026-001', title: idor.title })
      expect(events).toEqual([{ type: 'case.changed', caseId: result.id }])
      expect(log).toEqual([{ events, origin: 'this_app' }])
      expect(store.document().cases).toEqual([result])
      expect((await onDisk()).cases).toEqual([result])
    }))

  it('writes nothing and tells no one when a command changes nothing', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const log = heard(store)
      const before = await readFile(file, 'utf8')
      expect(await store.cases.update(c.id, { title: idor.title }, 1)).toEqual(c)
      expect(await readFile(file, 'utf8')).toBe(before)
      expect(log).toEqual([])
    }))

  it('leaves the file byte-identical and the document as it was when a command is refused', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const log = heard(store)
      const before = await readFile(file, 'utf8')
      const error = await rejection(store.cases.update(c.id, { credit: { url: 'javascript:alert(1)' } }, 1))
      expect(error.code).toBe('invalid_input')
      expect(await readFile(file, 'utf8')).toBe(before)
      expect(store.cases.get(c.id)).toEqual(c)
      expect(log).toEqual([])
    }))

  it('keeps a change saved when a subscriber fails', () =>
    withStore(async (store) => {
      store.subscribe(() => {
        throw new Error('a broken window')
      })
      const log = heard(store)
      const original = console.error
      console.error = () => undefined
      try {
        await store.cases.create(idor)
      } finally {
        console.error = original
      }
      expect(log).toHaveLength(1)
      expect((await onDisk()).cases).toHaveLength(1)
    }))

  it('stops telling a listener that unsubscribed', () =>
    withStore(async (store) => {
      const log: DomainEvent[][] = []
      const unsubscribe = store.subscribe((events) => log.push(events))
      await store.cases.create(idor)
      unsubscribe()
      await store.cases.create(idor)
      expect(log).toHaveLength(1)
    }))
})

describe('who acts', () => {
  it('has no name while nobody is chosen (the timeline says “Someone”, “Iemand”), then the current member by id and name', () =>
    withStore(async (store) => {
      const first = await store.cases.create(idor)
      // No word such as "You" in the file: on a shared store it would name the wrong person to every colleague.
      expect(first.timeline[0]!.by).toEqual({})
      const words = (language: 'en' | 'nl') =>
        timelineText(first, { language, timeZone: 'Europe/Amsterdam', isRemoved: () => false, caseKey: () => undefined })[0]!.who
      expect([words('en'), words('nl')]).toEqual(['Someone', 'Iemand'])
      await store.settings.update({ ...store.settings.get(), team, currentMemberId: 'm1' })
      const second = await store.cases.create(idor)
      expect(second.timeline[0]!.by).toEqual({ memberId: 'm1', name: 'Anna Smit' })
    }))

  it('is this installation’s member when one is given, so colleagues on one file act under their own names', async () => {
    const anna = await openStore(file, options({ memberId: () => 'm1' }))
    await anna.settings.update({ ...anna.settings.get(), team, currentMemberId: 'm1' })
    const ben = await openStore(file, options({ memberId: () => 'm2' }))
    const c = await anna.cases.create(idor)
    const noted = await ben.cases.addNote(c.id, 'Reproduced on staging.')
    expect(noted.timeline.map((e) => e.by)).toEqual([
      { memberId: 'm1', name: 'Anna Smit' },
      { memberId: 'm2', name: 'Ben Jansen' },
    ])
    const nobody = await openStore(file, options({ memberId: () => undefined }))
    expect((await nobody.cases.addNote(c.id, 'Who am I?')).timeline.at(-1)!.by).toEqual({})
    await Promise.all([anna.close(), ben.close(), nobody.close()])
  })
})

describe('reading back', () => {
  it('sees the same cases, settings and policies after reopening the file, hostile text exactly as written', async () => {
    const hostile = '<script>alert(1)</script>\r\nBcc: all@example.com =HYPERLINK("https://evil.example") \u2028 𝄞'
    let snapshot: unknown
    await withStore(async (store) => {
      const c = await store.cases.create({ ...idor, title: hostile, reportText: hostile })
      await store.cases.addNote(c.id, hostile)
      await store.settings.update({ ...store.settings.get(), team })
      snapshot = store.document()
    })
    await withStore(async (store) => {
      expect(store.document()).toEqual(snapshot)
      expect(store.cases.list()[0]).toMatchObject({ title: hostile, reportText: hostile })
    })
  })

  it('reports an unknown case id as not found', () =>
    withStore(async (store) => {
      expect(() => store.cases.get('nope')).toThrow(DeskError)
      expect((await rejection(store.cases.addNote('nope', 'x'))).code).toBe('not_found')
    }))

  it('loads and removes the sample cases through the file, each validated once when it is first read', () =>
    withStore(async (store) => {
      const own = await store.cases.create(idor)
      expect(await store.samples.load()).toBe(12)
      const samples = store.cases.list().filter((c) => c.sample)
      for (const c of samples) expect(store.cases.get(c.id)).toBe(c)
      expect((await onDisk()).cases).toHaveLength(13)
      expect(await store.samples.remove()).toBe(12)
      expect(store.cases.list()).toEqual([own])
      expect((await onDisk()).cases).toHaveLength(1)
    }))
})

describe('two team members on one file', () => {
  it('re-reads the file before writing, so neither loses the other’s cases', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    const a = await anna.cases.create(idor)
    const b = await ben.cases.create({ ...idor, title: 'SPF missing' })
    expect(b.key).toBe('VD-2026-002')
    await anna.cases.addNote(a.id, 'Anna was here')
    expect(anna.cases.list().map((c) => c.title)).toEqual(['IDOR in invoice API', 'SPF missing'])
    await Promise.all([anna.close(), ben.close()])
    await withStore(async (store) => {
      expect(store.cases.list().map((c) => [c.key, c.revision])).toEqual([
        ['VD-2026-001', 2],
        ['VD-2026-002', 1],
      ])
    })
  })

  it('takes in the other’s write on sync, without writing, and says what changed', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    const log = heard(ben)
    expect(await ben.sync()).toBe(false)
    await anna.cases.create(idor)
    expect(ben.cases.list()).toEqual([])
    const before = await readFile(file, 'utf8')
    expect(await ben.sync()).toBe(true)
    expect(ben.cases.list().map((c) => c.title)).toEqual(['IDOR in invoice API'])
    expect(await readFile(file, 'utf8')).toBe(before)
    await anna.settings.update({ ...anna.settings.get(), team })
    expect(await ben.sync()).toBe(true)
    expect(await ben.sync()).toBe(false)
    expect(log).toEqual([
      { events: [{ type: 'cases.changed' }], origin: 'other_app' },
      { events: [{ type: 'cases.changed' }, { type: 'settings.changed' }], origin: 'other_app' },
    ])
    await Promise.all([anna.close(), ben.close()])
  })

  it('says the templates changed when the other app saved one', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    const log = heard(ben)
    const texts = { subject: '[{{ case_key }}] Thanks', body: 'Hello {{ reporter_name }}' }
    await anna.run({ type: 'template.save', template: { id: 'thanks', name: 'Thanks', purpose: 'closing', texts: { en: texts, nl: texts } } })
    expect(await ben.sync()).toBe(true)
    expect(log).toEqual([{ events: [{ type: 'cases.changed' }, { type: 'templates.changed' }], origin: 'other_app' }])
    expect(ben.document().templates.map((t) => t.id)).toEqual(['thanks'])
    await Promise.all([anna.close(), ben.close()])
  })

  it('tells of the other’s write before its own command’s events when it takes it in to run one', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    const log = heard(ben)
    const c = await anna.cases.create(idor)
    await ben.cases.addNote(c.id, 'Seen it')
    expect(log).toEqual([
      { events: [{ type: 'cases.changed' }], origin: 'other_app' },
      { events: [{ type: 'case.changed', caseId: c.id }], origin: 'this_app' },
    ])
    await Promise.all([anna.close(), ben.close()])
  })

  it('with watch on, takes in the other’s write by itself', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options({ watch: true, watchIntervalMs: 20 }))
    const log = heard(ben)
    await ben.cases.create({ ...idor, title: 'Ben’s own' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(log.map((l) => l.origin)).toEqual(['this_app'])
    await anna.cases.create(idor)
    const until = Date.now() + 5_000
    while (ben.cases.list().length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ben.cases.list().map((c) => c.title)).toEqual(['Ben’s own', 'IDOR in invoice API'])
    expect(log.at(-1)).toEqual({ events: [{ type: 'cases.changed' }], origin: 'other_app' })
    await Promise.all([anna.close(), ben.close()])
  })

  it('keeps another program’s edit of the same size that put the modification time back', async () => {
    const store = await openStore(file, options())
    const c = await store.cases.create(idor)
    const second = new Date('2026-03-04T09:30:00.000Z')
    await utimes(file, second, second)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('IDOR in invoice API', 'IDOR in invoice APP'))
    await utimes(file, second, second)
    expect((await stat(file)).size).toBe(Buffer.byteLength(text))
    await store.cases.addNote(c.id, 'Still here')
    expect((await onDisk()).cases[0]!.title).toBe('IDOR in invoice APP')
    await store.close()
  })

  it('loses no case when both save at the same moment, again and again', async () => {
    const anna = await openStore(file, options())
    const ben = await openStore(file, options())
    const titles = Array.from({ length: 12 }, (_, i) => `Report ${i + 1}`)
    await Promise.all(titles.map((title, i) => (i % 2 ? ben : anna).cases.create({ ...idor, title })))
    await Promise.all([anna.close(), ben.close()])
    await withStore(async (store) => {
      expect(store.cases.list().map((c) => c.title).sort()).toEqual([...titles].sort())
      expect(new Set(store.cases.list().map((c) => c.key)).size).toBe(12)
    })
  })

  it('turns a stale edit of the same case into a conflict', async () => {
    const anna = await openStore(file, options())
    const c = await anna.cases.create(idor)
    const ben = await openStore(file, options())
    await ben.cases.update(c.id, { title: 'Ben’s title' }, 1)
    const error = await rejection(anna.cases.update(c.id, { title: 'Anna’s title' }, 1))
    expect(error.code).toBe('conflict')
    expect(anna.cases.get(c.id).title).toBe('Ben’s title')
    await Promise.all([anna.close(), ben.close()])
  })

  it('refuses to write over a file another program broke, leaving it as it is', async () => {
    const store = await openStore(file, options())
    await writeFile(file, '{"schemaVersion": 1, "cases": [')
    const error = await rejection(store.cases.create(idor))
    expect(error.code).toBe('store_unavailable')
    expect(error.message).toMatch(/^Another program changed .* and it now is cut off/)
    expect((await rejection(store.sync())).code).toBe('store_unavailable')
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "cases": [')
    await store.close()
  })
})

describe('writing', () => {
  it('replaces the file through a temporary file that does not remain, and leaves no lock behind', () =>
    withStore(async (store) => {
      await store.cases.create(idor)
      expect(await readdir(dir)).toEqual(['store.json'])
    }))

  it('serialises concurrent changes so none is lost', () =>
    withStore(async (store) => {
      await Promise.all(Array.from({ length: 5 }, (_, i) => store.cases.create({ ...idor, title: `Report ${i}` })))
      const reopened = await openStore(file)
      expect(reopened.cases.list().map((c) => c.key)).toEqual(['VD-2026-001', 'VD-2026-002', 'VD-2026-003', 'VD-2026-004', 'VD-2026-005'])
      await reopened.close()
    }))

  it('waits for pending writes on close and refuses use afterwards', async () => {
    const store = await openStore(file, options())
    const pending = store.cases.create(idor)
    await store.close()
    expect((await pending).key).toBe('VD-2026-001')
    expect((await onDisk()).cases).toHaveLength(1)
    expect(() => store.cases.list()).toThrow(`The store ${file} has been closed. Open it again to continue.`)
    expect(() => store.document()).toThrow(DeskError)
    expect((await rejection(store.cases.create(idor))).code).toBe('store_unavailable')
  })
})

/**
 * Plain text whose encode can be held, to act while a save is between computing its document and writing it: what
 * another app or the person sees then.
 */
function holdableEncoding() {
  let held: { entered: () => void; release: Promise<void> } | undefined
  const encoding: Encoding = {
    ...plainText,
    async encode(pieces, generation) {
      const hold = held
      held = undefined
      if (hold) {
        hold.entered()
        await hold.release
      }
      return plainText.encode(pieces, generation)
    },
  }
  /** The next save stops before writing; resolves once it got there, with the function that lets it go on. */
  const holdNext = () =>
    new Promise<() => void>((entered) => {
      let release!: () => void
      held = { entered: () => entered(release), release: new Promise<void>((resolve) => (release = resolve)) }
    })
  return { encoding, holdNext }
}

const generationOnDisk = async () => Number(/^\{"generation":(\d+),/.exec(await readFile(file, 'utf8'))![1])

describe('saving', () => {
  it('runs commands that arrive during a save together in the next one, each with its own result, in fewer writes', () =>
    withStore(async (store) => {
      const first = await generationOnDisk()
      const log = heard(store)
      const titles = Array.from({ length: 50 }, (_, i) => `Report ${i + 1}`)
      const made = await Promise.all(titles.map((title) => store.cases.create({ ...idor, title })))
      expect(made.map((c) => c.title)).toEqual(titles)
      expect(new Set(made.map((c) => c.key)).size).toBe(50)
      expect(log).toHaveLength(50)
      const writes = (await generationOnDisk()) - first
      expect(writes).toBeGreaterThanOrEqual(1)
      expect(writes).toBeLessThan(10)
      expect((await onDisk()).cases.map((c) => c.title)).toEqual(titles)
    }))

  it('answers each command of one save on its own: a refused one does not stop the others', () =>
    withStore(async (store) => {
      const c = await store.cases.create(idor)
      const [renamed, refused, noted] = await Promise.allSettled([
        store.cases.update(c.id, { title: 'Renamed' }, 1),
        store.cases.update(c.id, { title: 'Stale' }, 1),
        store.cases.addNote(c.id, 'Still here'),
      ])
      expect(renamed).toMatchObject({ status: 'fulfilled', value: { title: 'Renamed', revision: 2 } })
      expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } })
      expect(noted).toMatchObject({ status: 'fulfilled', value: { title: 'Renamed', revision: 3 } })
      expect((await onDisk()).cases[0]!.title).toBe('Renamed')
    }))

  it('answers no command before its save is on disk', async () => {
    const { encoding, holdNext } = holdableEncoding()
    await withStore(
      async (store) => {
        const held = holdNext()
        let answered = false
        const creating = store.cases.create(idor).then((c) => ((answered = true), c))
        const release = await held
        await new Promise((resolve) => setTimeout(resolve, 50))
        expect(answered).toBe(false)
        expect(store.cases.list()).toEqual([])
        expect((await onDisk()).cases).toEqual([])
        release()
        const c = await creating
        expect((await onDisk()).cases).toEqual([c])
      },
      { encoding },
    )
  })

  it('refuses every command of a save that could not be written, leaving the document and the file as they were', async () => {
    // A name the file system takes, but too long for the temporary file beside it: every write fails, even for root.
    file = join(dir, `${'x'.repeat(236)}.json`)
    await writeFile(file, JSON.stringify(emptyDocument()))
    await withStore(async (store) => {
      const log = heard(store)
      const saves = await Promise.allSettled([store.cases.create(idor), store.cases.create(idor), store.settings.update({ ...store.settings.get(), team })])
      for (const save of saves) {
        expect(save).toMatchObject({ status: 'rejected', reason: { code: 'store_unavailable' } })
        expect((save as PromiseRejectedResult).reason.message).toMatch(/^Could not save to .* \(ENAMETOOLONG: name too long/)
      }
      expect(store.document()).toEqual(emptyDocument())
      expect(log).toEqual([])
      expect(await readFile(file, 'utf8')).toBe(JSON.stringify(emptyDocument()))
      expect(await readdir(dir)).toEqual([basename(file)])
    })
  })

  it('refuses every command of a save whose lock was taken over meanwhile, changing nothing', async () => {
    const { encoding, holdNext } = holdableEncoding()
    await withStore(
      async (store) => {
        const log = heard(store)
        const held = holdNext()
        const saves = [store.cases.create(idor), store.cases.create({ ...idor, title: 'SPF missing' })]
        const release = await held
        // A colleague's app judged this one stale (a laptop asleep mid-save) and took the lock.
        const owner = join(`${file}.lock`, 'owner.json')
        await writeFile(owner, JSON.stringify({ ...JSON.parse(await readFile(owner, 'utf8')), token: 'sams-token' }))
        const before = await readFile(file, 'utf8')
        release()
        for (const save of saves) expect((await rejection(save)).message).toMatch(/took over saving to .* while this computer was paused or asleep, so your change was not saved/)
        expect(await readFile(file, 'utf8')).toBe(before)
        expect(store.cases.list()).toEqual([])
        expect(log).toEqual([])
        await rm(`${file}.lock`, { recursive: true })
        expect((await store.cases.create(idor)).key).toBe('VD-2026-001')
      },
      { encoding },
    )
  })

  it('computes a save again on the fresh file when another writer replaced it meanwhile, keeping both changes', async () => {
    const { encoding, holdNext } = holdableEncoding()
    const other = await openStore(join(dir, 'elsewhere.json'), options())
    await other.cases.create(idor)
    await withStore(
      async (store) => {
        const held = holdNext()
        const ours = store.cases.create({ ...idor, title: 'Ours' })
        const release = await held
        // A writer that did not wait for the lock: an app that woke up past the stale time and wrote first.
        await writeFile(file, JSON.stringify({ generation: 99, ...other.document() }))
        release()
        expect((await ours).key).toBe('VD-2026-002')
        expect((await onDisk()).cases.map((c) => c.title)).toEqual(['IDOR in invoice API', 'Ours'])
        expect(await generationOnDisk()).toBe(100)
      },
      { encoding },
    )
    await other.close()
  })

  it('names who saves now, and since when', async () => {
    const { encoding, holdNext } = holdableEncoding()
    await withStore(
      async (store) => {
        await store.settings.update({ ...store.settings.get(), team, currentMemberId: 'm1' })
        expect(await store.lockHolder()).toBeUndefined()
        const held = holdNext()
        const saving = store.cases.create(idor)
        const release = await held
        expect(await store.lockHolder()).toMatchObject({ name: 'Anna Smit', pid: process.pid, host: hostname() })
        release()
        await saving
        expect(await store.lockHolder()).toBeUndefined()
      },
      { encoding },
    )
  })

  it('writes the document again with another encoding and keeps writing with it', async () => {
    const reversed: Encoding = {
      kind: 'encrypted',
      encode: async (pieces) => [Buffer.concat(pieces).reverse()],
      decode: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
      decodeBytes: async (bytes) => Buffer.from(bytes).reverse(),
      generationOf: () => undefined,
    }
    await withStore(async (store) => {
      const c = await store.cases.create(idor)
      await store.setEncoding(reversed)
      const text = () => readFile(file).then((bytes) => Buffer.from(bytes).reverse().toString('utf8'))
      expect(JSON.parse(await text()).cases).toEqual([c])
      const noted = await store.cases.addNote(c.id, 'After the change')
      expect(JSON.parse(await text()).cases).toEqual([noted])
    })
    const reopened = await openStore(file, { encoding: reversed })
    expect(reopened.cases.list()).toHaveLength(1)
    await reopened.close()
  })
})

describe('opening after a crash', () => {
  it('clears a dead app’s lock and temporary file, so the first save does not wait', async () => {
    await withStore(async (store) => void (await store.cases.create(idor)))
    await mkdir(`${file}.lock`)
    // Its last heartbeat five seconds ago, on this computer and boot.
    const boot = new Date(Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000).toISOString()
    const silent = Date.now() - 5_000
    await writeFile(
      join(`${file}.lock`, 'owner.json'),
      JSON.stringify({ token: 't', host: hostname(), boot, user: 'u', pid: 4_194_303, since: new Date(silent).toISOString(), beat: 9, beatAt: silent }),
    )
    await writeFile(join(dir, `.store.json.${hostname().replace(/[^A-Za-z0-9-]/g, '-')}.4194303.0a1b2c.tmp`), '{"gener')
    await withStore(async (store) => {
      // Gone at open, so the save does not wait for it to turn stale.
      expect(await readdir(dir)).toEqual(['store.json'])
      await store.cases.addNote(store.cases.list()[0]!.id, 'After the crash')
    })
  })

  it('says the file was in an older store format', async () => {
    const { templates: _templates, ...format2 } = emptyDocument()
    await writeFile(file, JSON.stringify({ ...format2, schemaVersion: 2 }))
    await withStore(async (store) => {
      expect(store.migratedFrom).toBe(2)
      await store.cases.create(idor)
    })
    await withStore(async (store) => expect(store.migratedFrom).toBeUndefined())
  })
})
