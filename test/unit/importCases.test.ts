import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case } from '../../src/cases/case'
import { runCommand, type Command } from '../../src/commands'
import { checkFileCases, ImportCases, importPreview, prepareImport } from '../../src/commands/importCases'
import { exportJson, importSizeLimit, notMergedOf, readImport } from '../../src/export/storeExport'
import { copyPolicy } from '../../src/policies/catalog'
import { presetPolicies } from '../../src/policies/presets'
import { timelineText, type TimelineContext } from '../../src/i18n/timelineText'
import type { StoreDocument } from '../../src/store/document'
import { createTestDesk, type TestDesk } from '../support/testDesk'
import { contextAt, desk, idor, now, refusalOf } from './commands/fixture'

/** A file name as a file system allows it: markup, quotes, a line break. Only ever text. */
const hostileName = '<img src=x onerror=alert(1)> "export"\n2026.json'

/** Commands on one document as one app runs them, every id it hands out starting with `app` (ids differ between apps). */
function app(name: string, doc: StoreDocument) {
  let n = 0
  const state = {
    doc,
    run(command: Command) {
      state.doc = runCommand(state.doc, command, { ...contextAt(), newId: () => `${name}-${++n}` }).document
    },
  }
  return state
}

/**
 * Two stores that share history: ours has cases A (as theirs has it), B (changed here since) and C; theirs has A, B
 * (changed there), and D and E, new to us; D's key there, VD-2026-003, is C's here.
 */
function twoStores(): { mine: StoreDocument; theirs: StoreDocument; ids: Record<'a' | 'b' | 'c' | 'd' | 'e', string> } {
  const shared = app('shared', desk().doc)
  shared.run({ type: 'case.create', input: { ...idor, title: 'A' } })
  shared.run({ type: 'case.create', input: { ...idor, title: 'B' } })
  const [a, b] = shared.doc.cases as [Case, Case]

  const ours = app('ours', shared.doc)
  ours.run({ type: 'case.addNote', caseId: b.id, text: 'Our note on B' })
  ours.run({ type: 'case.create', input: { ...idor, title: 'C' } })

  const there = app('theirs', shared.doc)
  there.run({ type: 'case.update', caseId: b.id, revision: 1, patch: { title: 'B, as they have it' } })
  there.run({ type: 'case.addNote', caseId: b.id, text: 'Their note on B' })
  there.run({ type: 'case.create', input: { ...idor, title: 'D' } })
  there.run({ type: 'case.create', input: { ...idor, title: 'E' } })
  const byTitle = (d: StoreDocument, title: string) => d.cases.find((x) => x.title === title)!
  expect(byTitle(there.doc, 'D').key).toBe('VD-2026-003')
  return { mine: ours.doc, theirs: there.doc, ids: { a: a.id, b: b.id, c: byTitle(ours.doc, 'C').id, d: byTitle(there.doc, 'D').id, e: byTitle(there.doc, 'E').id } }
}

const words = (c: Case, language: 'en' | 'nl' = 'en'): string[] => {
  const context: TimelineContext = { language, timeZone: 'Europe/Amsterdam', isRemoved: () => false, caseKey: () => undefined }
  return timelineText(c, context).map((l) => l.what.map((p) => (typeof p === 'string' ? p : 'value' in p ? p.value : p.strong)).join(''))
}

describe('importing cases', () => {
  it('previews cases new here, the same here, and differing, by case id, whatever order their keys are in', async () => {
    const { mine, theirs, ids } = twoStores()
    // Key order differs between copies read through zod and copies read as the file had them: still the same case.
    const a = theirs.cases.find((c) => c.id === ids.a)!
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Case
    const preview = await importPreview(mine, theirs.cases.map((c) => (c.id === ids.a ? reordered : c)))
    expect(preview.added.map((c) => c.title)).toEqual(['D', 'E'])
    // D's key is C's here: the preview says so, as the import then gives D the next free key.
    expect(preview.added.map((c) => c.keyTaken)).toEqual([true, undefined])
    expect(preview.identical).toBe(1)
    expect(preview.differing).toEqual([
      {
        mine: { id: ids.b, key: 'VD-2026-002', title: 'B', revision: 2, updatedAt: now.toISOString() },
        theirs: { id: ids.b, key: 'VD-2026-002', title: 'B, as they have it', revision: 3, updatedAt: now.toISOString() },
      },
    ])
  })

  it('keeps this store’s copy of a differing case unless told to take theirs, and adds new cases whole, with the record of where they came from', () => {
    const { mine, theirs, ids } = twoStores()
    const later = new Date('2026-12-02T08:00:00.000Z')
    const outcome = runCommand(
      mine,
      { type: 'cases.import', fileName: hostileName, exportedAt: '2026-12-01T17:00:00.000Z', cases: theirs.cases },
      contextAt(later),
    )
    expect(outcome.result).toEqual({ added: 2, replaced: 0, kept: 1, unchanged: 1, policiesAdded: 0 })
    expect(outcome.events).toEqual([{ type: 'cases.changed' }])
    const after = outcome.document
    // B as it was here; A and C untouched.
    for (const id of [ids.a, ids.b, ids.c]) expect(after.cases.find((c) => c.id === id)).toBe(mine.cases.find((c) => c.id === id))

    const d = after.cases.find((c) => c.id === ids.d)!
    const theirD = theirs.cases.find((c) => c.id === ids.d)!
    // The whole case as the file had it, one revision on, with the import at the end of its timeline.
    expect({ ...d, key: theirD.key, timeline: d.timeline.slice(0, -1), revision: d.revision - 1, updatedAt: theirD.updatedAt }).toEqual(theirD)
    expect(d.timeline.at(-1)).toEqual({
      id: 'id-1',
      at: later.toISOString(),
      by: { memberId: 'm-ana', name: 'Ana Silva' },
      type: 'imported',
      fileName: hostileName,
      exportedAt: '2026-12-01T17:00:00.000Z',
      keyInFile: 'VD-2026-003',
    })
    expect(d.updatedAt).toBe(later.toISOString())

    // D's key is C's here: it gets the next key of its year after both stores' (E keeps its VD-2026-004), and the
    // record keeps the one it had.
    expect(d.key).toBe('VD-2026-005')
    expect(after.cases.find((c) => c.id === ids.e)!.key).toBe('VD-2026-004')
    expect(after.cases.find((c) => c.id === ids.e)!.timeline.at(-1)).not.toHaveProperty('keyInFile')
    expect(new Set(after.cases.map((c) => c.key)).size).toBe(after.cases.length)
    expect(words(d).at(-1)).toBe(`Imported the case from ${hostileName} (exported Tue 1 Dec 18:00); in the file its key was VD-2026-003`)
    expect(words(d, 'nl').at(-1)).toBe(`Importeerde de zaak uit ${hostileName} (geëxporteerd op di 1 dec 18:00); in het bestand was de sleutel VD-2026-003`)
  })

  it('takes theirs where chosen: their version, past both revisions, with an event naming the revision it replaced', () => {
    const { mine, theirs, ids } = twoStores()
    const ourB = mine.cases.find((c) => c.id === ids.b)!
    const theirB = theirs.cases.find((c) => c.id === ids.b)!
    const later = new Date('2026-12-02T08:00:00.000Z')
    const outcome = runCommand(mine, { type: 'cases.import', fileName: 'colleague.json', cases: theirs.cases, takeTheirs: [ids.b, ids.a] }, contextAt(later))
    // A is the same on both sides: taking theirs changes nothing there.
    expect(outcome.result).toEqual({ added: 2, replaced: 1, kept: 0, unchanged: 1, policiesAdded: 0 })
    const b = outcome.document.cases.find((c) => c.id === ids.b)!
    expect(b.title).toBe('B, as they have it')
    expect(b.timeline.slice(0, -1)).toEqual(theirB.timeline)
    expect(b.revision).toBe(Math.max(ourB.revision, theirB.revision) + 1)
    expect(b.timeline.at(-1)).toMatchObject({ type: 'imported', fileName: 'colleague.json', replaced: { revision: ourB.revision, updatedAt: ourB.updatedAt } })
    expect(b.timeline.at(-1)).not.toHaveProperty('exportedAt')
    expect(words(b).at(-1)).toBe('Replaced revision 2 (last changed Tue 1 Dec 10:00) with the version in colleague.json')
    expect(words(b, 'nl').at(-1)).toBe('Verving revisie 2 (laatst gewijzigd di 1 dec 10:00) door de versie uit colleague.json')
    // An edit still open on our revision is refused as a conflict rather than saved over their version.
    expect(
      refusalOf(() => runCommand(outcome.document, { type: 'case.update', caseId: ids.b, revision: ourB.revision, patch: { title: 'x' } }, contextAt(later)))
        .code,
    ).toBe('conflict')
  })

  it('brings the file’s own policy a case coming in follows when this store lacks it, and keeps this store’s own', () => {
    const { mine, theirs, ids } = twoStores()
    const ours = copyPolicy(presetPolicies[0]!, 'our-policy', 'Our policy')
    const theirsOnly = copyPolicy(presetPolicies[1]!, 'their-policy', 'Their policy')
    const unused = copyPolicy(presetPolicies[1]!, 'unused-policy', 'Nobody follows this')
    const here: StoreDocument = { ...mine, policies: [ours] }
    const file: StoreDocument = {
      ...theirs,
      policies: [{ ...ours, name: 'Our policy as they edited it' }, theirsOnly, unused],
      cases: theirs.cases.map((c) => (c.id === ids.d ? { ...c, policyId: 'their-policy' } : c.id === ids.e ? { ...c, policyId: 'our-policy' } : c)),
    }
    const incoming = file.cases.filter((c) => c.id === ids.d || c.id === ids.e || c.id === ids.b)
    expect(notMergedOf(here, file, incoming)).toEqual({
      settingsDiffer: false,
      policiesComing: ['Their policy'],
      policies: 2,
      templates: 0,
      casesWithUnknownPolicy: 0,
    })
    const outcome = runCommand(here, { type: 'cases.import', fileName: 'f.json', cases: file.cases, policies: file.policies }, contextAt())
    expect(outcome.result.policiesAdded).toBe(1)
    expect(outcome.document.policies).toEqual([ours, theirsOnly])
    expect(outcome.events).toEqual([{ type: 'cases.changed' }, { type: 'policies.changed' }])
  })

  it('changes nothing when everything is here already, and refuses a file holding a case twice', () => {
    const { mine, theirs } = twoStores()
    const same = runCommand(mine, { type: 'cases.import', fileName: 'mine.json', cases: mine.cases }, contextAt())
    expect(same).toEqual({ document: mine, result: { added: 0, replaced: 0, kept: 0, unchanged: 3, policiesAdded: 0 }, events: [] })
    const twice = refusalOf(() => runCommand(mine, { type: 'cases.import', fileName: 'x.json', cases: [theirs.cases[3]!, theirs.cases[3]!] }, contextAt()))
    expect(twice.message).toBe(`The file holds case ${theirs.cases[3]!.key} twice. Nothing was imported.`)
  })
})

describe('an import at 10,000 cases, in slices', () => {
  it('checks the file’s cases in full before the command, and refuses one the store would refuse, in words', async () => {
    const { theirs } = twoStores()
    const [d, e] = theirs.cases.slice(-2) as [Case, Case]
    const tooLong = { ...e, title: 'x'.repeat(301) }
    expect(await checkFileCases([d, tooLong])).toEqual({
      ok: false,
      problem: `does not match the store format in case ${e.key} (title): at most 300 characters`,
    })
    // A case without the fields that have defaults comes back with them, as the store would save it.
    const { sample: _sample, ...withoutSample } = d
    const checked = await checkFileCases([withoutSample, e])
    if (!checked.ok) throw new Error(checked.problem)
    expect(checked.cases).toEqual([d, e])
    // The command's check takes checked cases as they are, and checks any other one in full, naming where it fails.
    expect(ImportCases.safeParse({ type: 'cases.import', fileName: 'f.json', cases: checked.cases }).success).toBe(true)
    const refused = ImportCases.safeParse({ type: 'cases.import', fileName: 'f.json', cases: [checked.cases[0], tooLong] })
    expect(refused.error?.issues.map((i) => i.path)).toEqual([['cases', 1, 'title']])
  })

  it('works the command out ahead of it; the command then takes that outcome, unless the store or who acts changed', async () => {
    const { mine, theirs, ids } = twoStores()
    const later = new Date('2026-12-02T08:00:00.000Z')
    const checked = await checkFileCases(theirs.cases)
    if (!checked.ok) throw new Error(checked.problem)
    const command: ImportCases = { type: 'cases.import', fileName: 'colleague.json', cases: checked.cases, takeTheirs: [ids.b] }
    const ahead = { ...contextAt(later), newId: (() => { let n = 0; return () => `ahead-${++n}` })() }
    await prepareImport(mine, command, ahead)

    const importedIds = (d: StoreDocument) => d.cases.map((c) => c.timeline.at(-1)).filter((e) => e?.type === 'imported').map((e) => e!.id)
    // What the command would have saved in the context it was prepared in, case for case.
    const expected = runCommand(mine, { ...command }, { ...contextAt(later), newId: (() => { let n = 0; return () => `ahead-${++n}` })() })
    expect(expected.result).toEqual({ added: 2, replaced: 1, kept: 0, unchanged: 1, policiesAdded: 0 })
    const taken = runCommand(mine, command, contextAt(later))
    expect(taken).toEqual(expected)
    expect(importedIds(taken.document)).toEqual(['ahead-1', 'ahead-2', 'ahead-3'])
    // Settings changed since (a colleague's, taken in) do not matter: the outcome is put on the store as it is.
    const renamed = { ...mine, settings: { ...mine.settings, organisation: 'Renamed meanwhile' } }
    expect(runCommand(renamed, command, contextAt(later)).document.settings.organisation).toBe('Renamed meanwhile')

    // Cases changed since, or another person acting: worked out again, with the command's own ids and stamp.
    const casesSince = { ...mine, cases: mine.cases.slice() }
    expect(importedIds(runCommand(casesSince, command, contextAt(later)).document)).toEqual(['id-1', 'id-2', 'id-3'])
    const ben = runCommand(mine, command, contextAt(later, { memberId: 'm-ben', name: 'Ben' }))
    expect(importedIds(ben.document)).toEqual(['id-1', 'id-2', 'id-3'])
    expect(ben.document.cases.at(-1)!.timeline.at(-1)!.by).toEqual({ memberId: 'm-ben', name: 'Ben' })
  })

  it('freezes a command it worked out, so a change made to it later cannot take the outcome worked out before', async () => {
    const { mine, theirs, ids } = twoStores()
    const checked = await checkFileCases(theirs.cases)
    if (!checked.ok) throw new Error(checked.problem)
    const policies = [copyPolicy(presetPolicies[0]!, 'their-policy', 'Theirs')]
    const command: ImportCases = { type: 'cases.import', fileName: 'colleague.json', cases: checked.cases, takeTheirs: [], policies }
    await prepareImport(mine, command, contextAt())
    const b = command.cases.find((c) => c.id === ids.b)!
    const changes: [string, () => unknown][] = [
      ['take theirs after all', () => command.takeTheirs!.push(ids.b)],
      ['another list of choices', () => (command.takeTheirs = [ids.b])],
      ['a case less', () => (command.cases as Case[]).pop()],
      ['another list of cases', () => (command.cases = [])],
      ['a case changed', () => ((b as Case).title = 'Changed after the preview')],
      ['its timeline changed', () => (b.timeline as unknown[]).push({})],
      ['a policy dropped', () => (command.policies as unknown[]).pop()],
      ['a policy renamed', () => ((command.policies![0] as { name: string }).name = 'Renamed')],
      ['another file name', () => (command.fileName = 'other.json')],
    ]
    for (const [change, make] of changes) expect(make, change).toThrow(TypeError)
    // What runs is what was worked out: B (differing) kept as this store has it, as the command said.
    const { result, document } = runCommand(mine, command, contextAt())
    expect(result).toEqual({ added: 2, replaced: 0, kept: 1, unchanged: 1, policiesAdded: 0 })
    expect(document.cases.find((c) => c.id === ids.b)).toBe(mine.cases.find((c) => c.id === ids.b))
  })

  it('reads back an export case by case, taking a case this store has as it is as this store’s case object', async () => {
    const { mine, theirs, ids } = twoStores()
    const bytes = await exportJson(theirs, now)
    // The wrapper, then the document with a case on each line, as the store file is written.
    expect(bytes.toString('utf8').split('\n')).toHaveLength(theirs.cases.length + 2)
    const read = await readImport(bytes, mine.cases)
    if (!read.ok) throw new Error(read.problem)
    expect(read.document).toEqual(theirs)
    const a = mine.cases.find((c) => c.id === ids.a)!
    expect(read.document.cases.find((c) => c.id === ids.a)).toBe(a)
    expect(read.document.cases.find((c) => c.id === ids.b)).not.toBe(mine.cases.find((c) => c.id === ids.b))
    expect(await importPreview(mine, read.document.cases)).toMatchObject({ identical: 1, added: [{ title: 'D' }, { title: 'E' }] })
  })
})

describe('importing through the app', { timeout: 30_000 }, () => {
  let desks: TestDesk[] = []
  afterEach(async () => {
    for (const d of desks) await d.dispose()
    desks = []
  })
  const open = async (...args: Parameters<typeof createTestDesk>) => {
    const d = await createTestDesk(...args)
    desks.push(d)
    return d
  }
  const value = async <T,>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const r = await result
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }

  it('exports one store, imports it into another after a preview, in one save with a backup first', async () => {
    const now = () => new Date('2026-12-01T09:00:00.000Z')
    const source = await open({ now, watch: false })
    await value(source.desk.cases.create({ ...idor, title: 'From the other store <b>' }))
    const saved = await value(source.desk.export.store({}))
    expect(saved).toMatchObject({ saved: true, cases: 1 })
    expect(source.files.saved[0]!.suggestedName).toBe('Disclosure Desk export 2026-12-01.json')
    const exported = source.files.saved[0]!.content as string
    expect(JSON.parse(exported)).toMatchObject({ format: 'disclosure-desk-export', version: 1, exportedAt: '2026-12-01T09:00:00.000Z' })

    const target = await open({ now, watch: false })
    target.files.queueImport('Disclosure Desk export 2026-12-01.json', exported)
    const choice = await value(target.desk.import.choose({}))
    if (choice.kind !== 'preview') throw new Error(`not a preview: ${JSON.stringify(choice)}`)
    expect(choice.preview.added.map((c) => c.title)).toEqual(['From the other store <b>'])
    expect(choice).toMatchObject({ fileName: 'Disclosure Desk export 2026-12-01.json', source: 'export', exportedAt: '2026-12-01T09:00:00.000Z' })
    // Nothing is stored by the preview.
    expect((JSON.parse(await readFile(target.file, 'utf8')) as StoreDocument).cases).toEqual([])

    const applied = await value(target.desk.import.apply({ token: choice.token, takeTheirs: [] }))
    expect(applied).toMatchObject({ added: 1, replaced: 0, kept: 0, unchanged: 0, policiesAdded: 0, backup: expect.stringContaining('before-import') })
    const onDisk = JSON.parse(await readFile(target.file, 'utf8')) as StoreDocument
    expect(onDisk.cases.map((c) => [c.title, c.timeline.at(-1)?.type])).toEqual([['From the other store <b>', 'imported']])
    const backups = await readdir(join(dirname(target.file), 'Disclosure Desk backups'))
    expect(backups.some((name) => name.includes('before-import 0 cases'))).toBe(true)
    // The chosen file is forgotten once imported.
    const again = await target.desk.import.apply({ token: choice.token, takeTheirs: [] })
    expect(again.ok).toBe(false)
  })

  it('refuses a file it cannot import, in words with the file’s name, and an oversized one without reading it', async () => {
    const d = await open({ watch: false })
    d.files.queueImport(hostileName, '{"format":"acme"}')
    expect(await value(d.desk.import.choose({}))).toEqual({
      kind: 'refused',
      // Line breaks and other control characters become spaces: the name is for a sentence.
      fileName: hostileName.replace('\n', ' '),
      problem: 'was made by another program: it is not a Disclosure Desk export',
    })
    d.files.queueImport('report\u202enosj.exe', 'not json')
    expect(await value(d.desk.import.choose({}))).toMatchObject({ kind: 'refused', fileName: 'report nosj.exe' })
    expect(await value(d.desk.import.choose({}))).toEqual({ kind: 'cancelled' })
    // The dialog reads one byte past the limit, so a file chosen by mistake is refused by its size alone.
    d.files.queueImport('disk.img', new Uint8Array(importSizeLimit + 1))
    expect(await value(d.desk.import.choose({}))).toEqual({
      kind: 'refused',
      fileName: 'disk.img',
      problem: 'is larger than 256 MB, far more than a store of this app holds',
    })
  })

  it('refuses, before any preview, a file holding a case this store would refuse to save', async () => {
    const d = await open({ watch: false })
    const { theirs } = twoStores()
    const last = theirs.cases.at(-1)!
    const file = { ...theirs, cases: [...theirs.cases.slice(0, -1), { ...last, title: 'x'.repeat(301) }] }
    d.files.queueImport('theirs.json', await exportJson(file, now))
    expect(await value(d.desk.import.choose({}))).toEqual({
      kind: 'refused',
      fileName: 'theirs.json',
      problem: `does not match the store format in case ${last.key} (title): at most 300 characters`,
    })
  })

  it('exports the cases as CSV named for the day', async () => {
    const d = await open({ now: () => new Date('2026-12-01T09:00:00.000Z'), watch: false })
    await value(d.desk.cases.create({ ...idor, title: '=1+1' }))
    expect(await value(d.desk.export.casesCsv({}))).toMatchObject({ saved: true, rows: 1 })
    const [file] = d.files.saved
    expect(file!.suggestedName).toBe('Disclosure Desk cases 2026-12-01.csv')
    expect(String(file!.content)).toContain(`"'=1+1"`)
    expect(String(file!.content).startsWith('\ufeff"Key","Title"')).toBe(true)
  })
})
