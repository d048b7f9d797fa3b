import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyDocument } from '../../src/store/document'
import { openStore } from '../../src/store'
import { realisticCases } from './fixtures/realisticCases'
import { median, tenths } from './fixtures/median'

// Interleaved runs after one warm-up each, median: the machine may be busy with other work.
const runs = 9


async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await action()
  return performance.now() - start
}

/**
 * The ratio is the median of each run's ratio to the baseline measured just before it, not the ratio of the two
 * medians: when the machine's load changes between runs, a pair still sees the same load.
 */
function result(name: string, ms: number[], baselineMs: number[]) {
  const ratio = median(ms.map((m, i) => m / baselineMs[i]!))
  return { name, ms: tenths(median(ms)), baselineMs: tenths(median(baselineMs)), ratio: Math.round(ratio * 100) / 100 }
}

/** Opening and saving a store of 10,000 realistic cases, against plain readFile + JSON.parse and JSON.stringify + writeFile. */
export default async function storeBench(): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-store-bench-'))
  try {
    const file = join(dir, 'store.json')
    const doc = { ...emptyDocument(), cases: realisticCases(10_000, 2026) }
    await writeFile(file, JSON.stringify(doc))

    const open: number[] = []
    const openBaseline: number[] = []
    await (await openStore(file)).close()
    for (let i = 0; i < runs; i++) {
      openBaseline.push(await time(async () => JSON.parse(await readFile(file, 'utf8'))))
      open.push(await time(async () => (await openStore(file)).close()))
    }

    const store = await openStore(file)
    const target = store.cases.list()[5_000]!
    const save: number[] = []
    const saveBaseline: number[] = []
    await store.cases.update(target.id, { title: 'Stored XSS in invoice PDF' })
    for (let i = 0; i < runs; i++) {
      const data = { ...doc, cases: store.cases.list() }
      // A fresh file each time: overwriting a 40 MB file in place measured slower here, which would flatter the store.
      const baselineFile = join(dir, `baseline-${i}.json`)
      saveBaseline.push(await time(() => writeFile(baselineFile, JSON.stringify(data))))
      await rm(baselineFile)
      save.push(await time(() => store.cases.update(target.id, { title: `Stored XSS in invoice PDF, variant ${i}` })))
    }
    await store.close()

    return [result('store-open-10k', open, openBaseline), result('store-save-10k', save, saveBaseline)]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
