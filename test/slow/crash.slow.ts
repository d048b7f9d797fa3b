import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { emptyDocument } from '../../src/store/document'
import { openStore } from '../../src/store'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { seededRandom } from '../support/seededRandom'
import { leftovers, parsed, pause, report, startWorker, stopWorker, type Worker } from './support/workers'

// An app killed with SIGKILL at random moments while it saves one case after another (a crash, a power button, the
// OOM killer), then the store opened again as the next start of the app would. 200 cases already in the file, so a
// save takes long enough to be cut off in the middle of it.

let dir: string
let file: string
const workers: Worker[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-slow-crash-'))
  // The store alone in its folder, so that anything else found beside it was left by a save.
  await mkdir(join(dir, 'store'))
  file = join(dir, 'store', 'store.json')
})
afterEach(async () => {
  await Promise.all(workers.splice(0).map(stopWorker))
  await rm(dir, { recursive: true, force: true })
})

it('keeps every acknowledged save through kills -9 mid-save (200 saves and more), and the next start cleans up and saves at once', async () => {
  const next = seededRandom(10)
  await writeFile(file, JSON.stringify({ ...emptyDocument(), cases: realisticCases(200, 10) }))
  const acknowledgedFile = join(dir, 'acknowledged.txt')
  await writeFile(acknowledgedFile, '')

  let killedMidSave = 0
  let rounds = 0
  let acknowledged: string[] = []
  // The saves this test makes after each crash count as acknowledged too, and must survive the later kills.
  const ours: string[] = []
  while (acknowledged.length < 200 || rounds < 15) {
    const round = ++rounds
    const worker = startWorker('saveLoop.ts', [file, acknowledgedFile, `kill-${round}`])
    workers.push(worker)
    // A random number of saves acknowledged, then a random moment in the next save or the one after.
    const saves = 4 + Math.floor(next() * 17)
    await worker.waitFor(() => worker.lines.filter((l) => l.startsWith('ack')).length >= saves, 60_000)
    await pause(next() * 40)
    worker.child.kill('SIGKILL')
    await worker.exited
    expect(worker.lines.filter((line) => line.startsWith('refused')), `round ${round}: the app's saves were refused`).toEqual([])

    const afterCrash = await parsed(file)
    expect(afterCrash.ok ? 'parsable' : afterCrash.problem, `round ${round}: the file after the kill`).toBe('parsable')
    if ((await leftovers(file)).length > 0) killedMidSave++

    acknowledged = (await readFile(acknowledgedFile, 'utf8')).split('\n').filter(Boolean)
    const store = await openStore(file)
    try {
      expect.soft(await leftovers(file), `round ${round}: left beside the store after the next open`).toEqual([])
      const titles = new Set(store.cases.list().map((c) => c.title))
      expect([...acknowledged, ...ours].filter((title) => !titles.has(title)), `round ${round}: acknowledged saves missing`).toEqual([])

      const start = performance.now()
      const first = await Promise.race([
        store.cases.create(report(`after-crash-${round}`)).then(
          () => 'saved',
          (error: unknown) => `refused: ${(error as Error).message}`,
        ),
        pause(12_000).then(() => 'still waiting after 12 s'),
      ])
      const ms = performance.now() - start
      expect(first, `round ${round}: the first save after the crash`).toBe('saved')
      ours.push(`after-crash-${round}`)
      expect(ms, `round ${round}: ms the first save after the crash took`).toBeLessThan(2_000)
      expect(await leftovers(file), `round ${round}: left beside the store after the first save`).toEqual([])
    } finally {
      await store.close()
    }
  }
  console.log(`${rounds} kills, ${acknowledged.length} acknowledged saves, ${killedMidSave} kills left a lock or temp file`)
  expect(acknowledged.length).toBeGreaterThanOrEqual(200)
}, 600_000)
