import { open, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyDocument } from '../../src/store/document'
import { openStore } from '../../src/store'
import { realisticCases } from './fixtures/realisticCases'
import { longestBlock } from './fixtures/longestBlock'
import { median, tenths } from './fixtures/median'

// Interleaved runs after the first save (measured apart), median: the machine may be busy with other work.
const runs = 7

/** What a save could cost at the least: the document as one JSON text, written to a fresh file and flushed to disk. */
async function plainDurableWrite(file: string, document: unknown) {
  const handle = await open(file, 'w')
  try {
    await handle.writeFile(JSON.stringify(document))
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await action()
  return performance.now() - start
}

/** Saving one change to a store of 10,000 realistic cases: how long the main thread blocks, and what it costs on disk. */
export default async function saveBench(): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-save-bench-'))
  try {
    const file = join(dir, 'store.json')
    await writeFile(file, JSON.stringify({ ...emptyDocument(), cases: realisticCases(10_000, 2026) }))
    const store = await openStore(file)
    const target = store.cases.list()[5_000]!
    // The first save after opening, apart: a cache of serialized cases not filled at open would make this one slow.
    const first = await longestBlock(() => store.cases.addNote(target.id, 'Reproduced on staging.'))

    const gaps: number[] = []
    const delays: number[] = []
    const save: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < runs; i++) {
      const block = await longestBlock(() => store.cases.addNote(target.id, `Reproduced on staging, run ${i}.`))
      gaps.push(block.gapMs)
      delays.push(block.delayMs)

      // A fresh file each time, as store.bench does: overwriting a 40 MB file in place measured slower here.
      const baselineFile = join(dir, `baseline-${i}.json`)
      baseline.push(await time(() => plainDurableWrite(baselineFile, store.document())))
      await rm(baselineFile)
      save.push(await time(() => store.cases.addNote(target.id, `Fix confirmed by the reporter, run ${i}.`)))
    }
    await store.close()

    // The ratio is the median of each run's ratio to the baseline measured just before it (see store.bench.ts).
    const ratio = median(save.map((ms, i) => ms / baseline[i]!))
    return [
      {
        name: 'save-block-10k',
        ms: tenths(median(gaps)),
        worstMs: tenths(Math.max(...gaps)),
        firstSaveMs: tenths(first.gapMs),
        eventLoopDelayMs: tenths(median(delays)),
        target: 50,
      },
      { name: 'save-durable-10k', ms: tenths(median(save)), baselineMs: tenths(median(baseline)), ratio: Math.round(ratio * 100) / 100, target: 1.5 },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
