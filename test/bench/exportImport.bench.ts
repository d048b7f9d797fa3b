import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createHandlers } from '../../electron/handlers'
import { identityBook } from '../../electron/identities'
import { installationState } from '../../electron/installationState'
import { createStoreSession } from '../../electron/storeSession'
import type { Case } from '../../src/cases/case'
import { exportJson } from '../../src/export/storeExport'
import type { Channel } from '../../src/ipc/contract'
import { dispatch } from '../../src/ipc/dispatch'
import { openStore } from '../../src/store'
import { emptyDocument } from '../../src/store/document'
import { createFakeShell } from '../support/testDesk'
import { longestBlock } from './fixtures/longestBlock'
import { median, tenths } from './fixtures/median'
import { realisticCases } from './fixtures/realisticCases'

type Block = Omit<Awaited<ReturnType<typeof longestBlock>>, 'delayMs'>

// Each run on a fresh copy of the store (an import changes it), median: the machine may be busy with other work.
const runs = 3

/**
 * A full garbage collection before each run, so one run does not pay for the garbage of the one before (a run leaves
 * hundreds of MB: two stores, an export, an import); the app has no such back-to-back runs. The probe of the longest
 * block still sees every collection the run itself causes.
 */
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/**
 * A colleague's export of the same 10,000 cases: 4 in 10 as they are here, 3 in 10 changed there (a later revision),
 * and 3 in 10 cases this store has never seen, so the preview compares, and the import adds and replaces, thousands.
 */
function colleaguesCases(mine: readonly Case[]): Case[] {
  return mine.map((c, i) => {
    if (i % 10 < 4) return c
    if (i % 10 < 7) return { ...c, title: `${c.title} (confirmed)`, revision: c.revision + 1, updatedAt: '2026-11-30T16:00:00.000Z' }
    return { ...c, id: c.id.replace(/^0{8}/, 'ffffffff'), title: `${c.title} on their side` }
  })
}

/**
 * Export and import at 10,000 cases through the real handlers and the contract, the answer cloned as IPC would: the
 * longest main-thread block of each (as save.bench.ts measures it; target ≤ 50 ms), the processor time in the
 * longest stretch (cpuMs, see longestBlock) and its total time.
 * Export: "Export store…" then "Export cases as CSV…" (after the case list was loaded, as the app does at start).
 * Import read: "Import…" of the colleague's export, read, checked and previewed. Import apply: "Import" taking the
 * file's version of every differing case, including the backup made first.
 */
export default async function exportImportBench(): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-export-bench-'))
  try {
    const cases = realisticCases(10_000, 2026)
    const original = join(dir, 'original.json')
    await writeFile(original, JSON.stringify({ ...emptyDocument(), cases }))
    // Saved once by the app, so the file is in the layout the app writes (a case a line), as a store in use is.
    const saving = await openStore(original)
    await saving.cases.addNote(cases[0]!.id, 'Reproduced on staging.')
    await saving.close()
    const importBytes = await exportJson({ ...emptyDocument(), cases: colleaguesCases(cases) }, new Date('2026-11-30T16:00:00.000Z'))

    const figures = { exportStore: [], exportCsv: [], importRead: [], importApply: [] } as Record<string, Block[]>
    for (let run = 0; run < runs; run++) {
      collectGarbage()
      const runDir = join(dir, `run-${run}`)
      const file = join(runDir, 'disclosure-desk.json')
      await mkdir(runDir)
      await copyFile(original, file)
      const session = createStoreSession({ identities: identityBook(runDir), installation: installationState(runDir), watch: false })
      await session.open(file)
      const { shell, files } = createFakeShell(true, join(runDir, 'saved'))
      const handlers = createHandlers(session, shell)
      const call = async <T>(channel: Channel, request: unknown): Promise<T> => {
        const answer = structuredClone(await dispatch(handlers, channel, structuredClone(request)))
        if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`)
        return answer.value as T
      }
      try {
        await call('cases:list', {})
        figures.exportStore!.push(await longestBlock(() => call('export:store', {})))
        figures.exportCsv!.push(await longestBlock(() => call('export:casesCsv', {})))
        files.queueImport('colleague.json', importBytes)
        let choice: { kind: string; token: string; preview: { differing: { theirs: { id: string } }[] } } | undefined
        figures.importRead!.push(await longestBlock(async () => (choice = await call('import:choose', {}))))
        if (choice?.kind !== 'preview') throw new Error(`The import was not previewed: ${JSON.stringify(choice).slice(0, 300)}`)
        const takeTheirs = choice.preview.differing.map((d) => d.theirs.id)
        figures.importApply!.push(await longestBlock(() => call('import:apply', { token: choice!.token, takeTheirs })))
        if (session.store().cases.list().length !== 13_000) throw new Error('The import did not add the 3,000 new cases')
      } finally {
        await session.close()
        await rm(runDir, { recursive: true, force: true })
      }
    }

    const line = (name: string, of: Block[]) => ({
      name,
      ms: tenths(median(of.map((f) => f.gapMs))),
      worstMs: tenths(Math.max(...of.map((f) => f.gapMs))),
      cpuMs: tenths(median(of.map((f) => f.cpuMs))),
      totalMs: tenths(median(of.map((f) => f.totalMs))),
      target: 50,
    })
    const exportBoth = figures.exportStore!.map((f, i) => ({
      gapMs: Math.max(f.gapMs, figures.exportCsv![i]!.gapMs),
      cpuMs: Math.max(f.cpuMs, figures.exportCsv![i]!.cpuMs),
      totalMs: f.totalMs + figures.exportCsv![i]!.totalMs,
    }))
    return [
      line('export-block-10k', exportBoth),
      line('export-store-block-10k', figures.exportStore!),
      line('export-csv-block-10k', figures.exportCsv!),
      line('import-read-block-10k', figures.importRead!),
      line('import-apply-block-10k', figures.importApply!),
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
