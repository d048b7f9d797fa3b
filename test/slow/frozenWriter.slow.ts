import { readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import type { Case } from '../../src/cases/case'
import { emptyDocument } from '../../src/store/document'
import { openStore } from '../../src/store'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { leftovers, parsed, pause, startWorker, stopWorker, type Worker } from './support/workers'

// A laptop that goes to sleep in the middle of a save on a shared folder: the writer is frozen with SIGSTOP for longer
// than the lock's stale time (10 s), a colleague's app takes the lock over and saves, and then the writer wakes up
// (SIGCONT) and goes on where it stopped. 3,000 cases (12 MB), so that a save lasts long enough to be frozen inside.

const staleMs = 10_000
const frozenAtLeastMs = 12_000

let cases: Case[]
let dir: string
let file: string
const workers: Worker[] = []

beforeAll(() => {
  cases = realisticCases(3_000, 3)
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-slow-frozen-'))
  file = join(dir, 'store.json')
  await writeFile(file, JSON.stringify({ ...emptyDocument(), cases }))
})
afterEach(async () => {
  await Promise.all(workers.splice(0).map(stopWorker))
  await rm(dir, { recursive: true, force: true })
})

/**
 * Where in the save the writer is frozen: as soon as its lock folder appears (before it reads the file), a little
 * later (while it computes or serializes), or as soon as its temp file appears (while it writes). A save's temp file goes in
 * the lock folder, so that a takeover, which renames that folder away, leaves a frozen writer nothing to rename.
 */
type Moment = 'lock' | 'lock+40ms' | 'temp'

/** The lock folder's entries, or undefined when it went away between two looks. */
function readdirSafe(folder: string): string[] | undefined {
  try {
    return readdirSync(folder)
  } catch {
    return undefined
  }
}

/** Watches the folder without yielding (so as not to miss a short moment) and freezes the writer at `moment`. */
function freezeAt(writer: Worker, moment: Moment): boolean {
  const lockName = `${basename(file)}.lock`
  const isTemp = (entry: string) => entry.startsWith(`.${basename(file)}`) && entry.endsWith('.tmp')
  const deadline = Date.now() + 5_000
  while (Date.now() < deadline) {
    const entries = readdirSync(dirname(file))
    const locked = entries.includes(lockName)
    const writing = locked && (readdirSafe(join(dirname(file), lockName)) ?? []).some(isTemp)
    if (moment === 'temp' ? writing : locked) {
      if (moment === 'lock+40ms') {
        const until = performance.now() + 40
        while (performance.now() < until);
      }
      writer.child.kill('SIGSTOP')
      return true
    }
  }
  return false
}

it.each<Moment>(['lock', 'lock+40ms', 'temp'])(
  'a writer frozen past the stale time (at %s) wakes up without tearing the file or dropping the colleague’s save',
  async (moment) => {
    const writer = startWorker('frozenWriter.ts', [file, 'Written by the sleeping laptop'])
    const colleague = startWorker('colleague.ts', [file, 'Saved by the colleague meanwhile', '40000'])
    workers.push(writer, colleague)
    await Promise.all([writer, colleague].map((w) => w.waitFor((line) => line === 'ready', 60_000)))

    writer.send('go')
    await writer.waitFor((line) => line === 'writing', 10_000)
    expect(freezeAt(writer, moment), `the writer was frozen at ${moment} (its save did not finish before)`).toBe(true)
    const frozenAt = performance.now()

    colleague.send('go')
    const colleagues = await colleague.waitFor((line) => line.startsWith('ack') || line.startsWith('refused'), staleMs + 30_000)
    await pause(frozenAtLeastMs - (performance.now() - frozenAt))
    writer.child.kill('SIGCONT')
    const writers = await writer.waitFor((line) => line.startsWith('ack') || line.startsWith('refused'), 60_000)
    console.log(`frozen at ${moment} for ${Math.round(performance.now() - frozenAt)} ms; colleague: ${colleagues}; writer: ${writers}`)

    expect(colleagues, 'the colleague saved while the writer was frozen').toMatch(/^ack /)
    const onDisk = await parsed(file)
    expect(onDisk.ok ? 'parsable' : onDisk.problem, 'the file after the writer woke up').toBe('parsable')
    await writer.exited
    const store = await openStore(file)
    expect(await leftovers(file), 'left beside the store once both apps are done').toEqual([])
    const titles = store.cases.list().map((c) => c.title)
    await store.close()
    expect(titles, 'the colleague’s acknowledged case').toContain('Saved by the colleague meanwhile')
    if (writers.startsWith('ack')) expect(titles, 'the writer’s acknowledged case').toContain('Written by the sleeping laptop')
    else expect(writers, 'the woken writer’s refusal tells the person').toMatch(/not saved/)
    expect(titles).toHaveLength(cases.length + (writers.startsWith('ack') ? 2 : 1))
  },
  120_000,
)
