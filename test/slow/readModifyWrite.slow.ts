import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { parsed, report, startWorker, stopWorker, type Worker } from './support/workers'

// Two apps on one shared file, each making 200 changes to the same case as fast as they can: every change one read,
// one modification, one save. Ten runs, alternating a counter in the title (read by the app, written against the
// revision it read, again after a conflict) and notes (read and modified by the store under the lock).

const changes = 200
const tags = ['anna', 'ben']

let dir: string
let apps: Worker[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-slow-rmw-'))
  apps = tags.map((tag) => startWorker('readModifyWrite.ts', [String(changes), tag]))
  await Promise.all(apps.map((app) => app.waitFor((line) => line === 'ready', 60_000)))
})
afterAll(async () => {
  await Promise.all(apps.map(stopWorker))
  await rm(dir, { recursive: true, force: true })
})

it('loses none of 2 × 200 read-modify-write updates and never leaves a corrupt file, in 10 runs', async () => {
  const outcomes: { run: number; mode: string; conflicts: number; waits: number }[] = []
  for (let run = 1; run <= 10; run++) {
    const mode = run % 2 === 1 ? 'increment' : 'note'
    const file = join(dir, `run-${run}`, 'store.json')
    const seed = await openStore(file)
    const { id } = await seed.cases.create(report('counter 0'))
    await seed.close()

    const from = apps.map((app) => app.lines.length)
    for (const app of apps) app.send(JSON.stringify({ file, caseId: id, mode }))
    const done = await Promise.all(apps.map((app, i) => app.waitFor((line) => line.startsWith('done '), 180_000, from[i])))
    for (const line of done) {
      const { conflicts, waits } = JSON.parse(line.slice('done '.length)) as { conflicts: number; waits: number }
      outcomes.push({ run, mode, conflicts, waits })
    }

    const onDisk = await parsed(file)
    expect(onDisk.ok ? 'parsable' : onDisk.problem, `run ${run}: the file`).toBe('parsable')
    const store = await openStore(file)
    const c = store.cases.get(id)
    await store.close()
    if (mode === 'increment') {
      expect(c.title, `run ${run}: the counter both apps incremented ${changes} times`).toBe(`counter ${2 * changes}`)
    } else {
      const notes = c.timeline.flatMap((event) => (event.type === 'note' ? [event.text] : []))
      const expected = tags.flatMap((tag) => Array.from({ length: changes }, (_, i) => `${tag} ${i + 1}`))
      expect(notes.toSorted(), `run ${run}: the notes both apps added`).toEqual(expected.toSorted())
    }
  }
  console.log(`read-modify-write: ${JSON.stringify(outcomes)}`)
}, 900_000)
