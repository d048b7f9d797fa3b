import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { copyPolicy } from '../../src/policies/catalog'
import { presetPolicies } from '../../src/policies/presets'
import { exportFileName, exportJson, notMergedOf, readImport } from '../../src/export/storeExport'
import { emptyDocument, type StoreDocument } from '../../src/store/document'
import { desk, idor, now } from './commands/fixture'

const bytesOf = (text: string) => new TextEncoder().encode(text)

/** Everything a reporter may send, in every text field an export carries. */
const hostile = '<script>alert("x")</script>, "quoted", a,b\r\nnext\u2028line 😀 \t=1+2 +x -y @z \rcr \u0000nul'
const leading = ['=HYPERLINK("https://evil.example")', '+1', '-1', '@SUM(A1)']

function hostileDocument(): StoreDocument {
  const d = desk()
  const input = (title: string): CaseInput => ({
    ...idor,
    title,
    reporter: { name: `Ëve ${hostile}`.slice(0, 200), email: 'eve@example.org', handle: '@eve', language: 'nl' },
    asset: hostile,
    reportText: `${hostile}\n${'x'.repeat(10_000)}`,
    tags: ['<b>', '=tag'],
  })
  for (const title of [hostile, ...leading]) d.run({ type: 'case.create', input: input(title) })
  const first = d.doc.cases[0]!
  d.run({ type: 'case.addNote', caseId: first.id, text: hostile })
  return d.doc
}

describe('the store as a JSON export', () => {
  it('writes the versioned wrapper and reads it back exactly, hostile text and all', async () => {
    const doc = hostileDocument()
    const text = (await exportJson(doc, now)).toString('utf8')
    const wrapper = JSON.parse(text) as Record<string, unknown>
    expect(Object.keys(wrapper)).toEqual(['format', 'version', 'exportedAt', 'document'])
    expect(wrapper).toMatchObject({ format: 'disclosure-desk-export', version: 1, exportedAt: '2026-12-01T09:00:00.000Z' })

    const read = await readImport(bytesOf(text))
    expect(read).toEqual({ ok: true, document: doc, source: 'export', exportedAt: '2026-12-01T09:00:00.000Z' })
    // Written by another tool, its keys in another order and indented: read the same.
    const reordered = JSON.stringify({ document: doc, exportedAt: '2026-12-01T09:00:00.000Z', version: 1, format: 'disclosure-desk-export' }, null, 2)
    expect(await readImport(bytesOf(reordered))).toEqual(read)
  })

  it('is named for the day', () => {
    expect(exportFileName('2026-12-01')).toBe('Disclosure Desk export 2026-12-01.json')
  })

  it('imports a plain store file too, with or without the file layer’s generation, and a leading BOM', async () => {
    const doc = hostileDocument()
    const json = JSON.stringify(doc)
    expect(await readImport(bytesOf(json))).toEqual({ ok: true, document: doc, source: 'store' })
    expect(await readImport(bytesOf(`{"generation":12,${json.slice(1)}`))).toEqual({ ok: true, document: doc, source: 'store' })
    expect(await readImport(bytesOf(`\ufeff${(await exportJson(doc, now)).toString('utf8')}`))).toMatchObject({ ok: true, source: 'export' })
  })

  it('migrates an older store format, inside an export or as a store file', async () => {
    // Format 2 had no templates; format 1 recorded who acted as a bare name.
    const doc = hostileDocument()
    const v1 = {
      ...doc,
      schemaVersion: 1,
      templates: undefined,
      cases: doc.cases.map((c) => ({ ...c, timeline: c.timeline.map((e) => ({ ...e, by: 'Ana Silva' })) })),
    }
    for (const text of [JSON.stringify(v1), JSON.stringify({ format: 'disclosure-desk-export', version: 1, exportedAt: now.toISOString(), document: v1 })]) {
      const read = await readImport(bytesOf(text))
      if (!read.ok) throw new Error(read.problem)
      expect(read.document.schemaVersion).toBe(3)
      expect(read.document.templates).toEqual([])
      expect(read.document.cases.map((c) => c.title)).toEqual(doc.cases.map((c) => c.title))
      expect(read.document.cases[0]!.timeline[0]!.by).toEqual({ memberId: 'm-ana', name: 'Ana Silva' })
    }
  })

  it('refuses a foreign, broken, too new or non-export file in words, never quoting it', async () => {
    const doc = emptyDocument()
    const exportOf = (document: unknown, version = 1) => JSON.stringify({ format: 'disclosure-desk-export', version, exportedAt: now.toISOString(), document })
    const problems: [string, Uint8Array][] = [
      ['other program', bytesOf(JSON.stringify({ format: 'acme-backup', cases: [] }))],
      ['json object', bytesOf(JSON.stringify({ hello: '<script>' }))],
      ['array', bytesOf('[1,2,3]')],
      ['cut off', bytesOf(exportOf(doc).slice(0, 60))],
      ['bad json', bytesOf('{"format": disclosure}')],
      ['empty', bytesOf('')],
      ['newer export', bytesOf(exportOf(doc, 2))],
      ['newer store', bytesOf(exportOf({ ...doc, schemaVersion: 99 }))],
      ['newer store file', bytesOf(JSON.stringify({ ...doc, schemaVersion: 99 }))],
      ['damaged head', bytesOf(JSON.stringify({ format: 'disclosure-desk-export', version: 1, document: doc }))],
      ['not a store inside', bytesOf(exportOf(['<script>']))],
      ['bad case inside', bytesOf(exportOf({ ...doc, cases: [{ key: 'VD-2026-001', title: 42 }] }))],
      ['binary', new Uint8Array([0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47])],
      ['encrypted', bytesOf('DISCLOSURE-DESK-ENCRYPTED 1\n{"kdf":"scrypt"}\n\u0001\u0002')],
    ]
    const words = Object.fromEntries(
      await Promise.all(
        problems.map(async ([name, bytes]) => {
          const read = await readImport(bytes)
          if (read.ok) throw new Error(`${name} was read`)
          return [name, read.problem]
        }),
      ),
    )
    expect(words).toEqual({
      'other program': 'was made by another program: it is not a Disclosure Desk export',
      'json object': 'is not a Disclosure Desk export or store file',
      array: 'is not a Disclosure Desk export or store file',
      'cut off': 'is cut off: it ends in the middle of the data, as if it was only partly copied or saved',
      'bad json': 'is not valid JSON',
      empty: 'is empty',
      'newer export':
        'was exported by a newer version of Disclosure Desk (export format 2; this version reads up to 1). Update the app to import it',
      'newer store':
        'was written by a newer version of Disclosure Desk (store format 99; this version reads up to 3). Update the app to import it',
      'newer store file':
        'was written by a newer version of Disclosure Desk (store format 99; this version reads up to 3). Update the app to import it',
      'damaged head': 'is a Disclosure Desk export, but it is damaged (its version, date or store are missing)',
      'not a store inside': 'holds no Disclosure Desk store (it holds no object)',
      'bad case inside': expect.stringMatching(/^does not match the store format in case VD-2026-001 \(title\)/),
      binary: 'is not a Disclosure Desk export: it is not text',
      encrypted: 'is an encrypted store. Open it in Disclosure Desk with its passphrase and export it from there',
    })
    for (const problem of Object.values(words)) expect(problem).not.toContain('<script>')
  })

  it('says what the import leaves out (settings, the file’s own policies and templates) and which policy comes along with the cases', () => {
    const mine = emptyDocument()
    const theirs = hostileDocument()
    const withOwn: StoreDocument = {
      ...theirs,
      settings: { ...theirs.settings, organisation: 'Theirs Ltd' },
      policies: [copyPolicy(presetPolicies[0]!, 'their-own-policy', 'Their policy')],
    }
    const notMerged = notMergedOf(mine, withOwn, [{ policyId: 'aimms' }, { policyId: 'their-own-policy' }])
    expect(notMerged).toEqual({ settingsDiffer: true, policiesComing: ['Their policy'], policies: 0, templates: 0, casesWithUnknownPolicy: 0 })
    // The same policy here: nothing of it is left out.
    expect(notMergedOf({ ...mine, policies: withOwn.policies }, withOwn, [{ policyId: 'their-own-policy' }])).toMatchObject({ policiesComing: [], policies: 0, casesWithUnknownPolicy: 0 })
    expect(notMergedOf(mine, mine, [{ policyId: 'gone' }])).toEqual({ settingsDiffer: false, policiesComing: [], policies: 0, templates: 0, casesWithUnknownPolicy: 1 })
  })
})
