import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { leftovers, parsed, startWorker, stopWorker, type Worker } from './support/workers'

// Two colleagues starting the app on a new shared store at the same moment: two processes, already started, are given
// the same path of a file that does not exist yet, at once; each opens it and saves one case. Every other time its
// folder does not exist either, and both apps create that too.

let dir: string
let apps: Worker[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-slow-new-store-'))
  apps = ['Case from Anna', 'Case from Ben'].map((title) => startWorker('opener.ts', [title]))
  await Promise.all(apps.map((app) => app.waitFor((line) => line === 'ready', 60_000)))
})
afterAll(async () => {
  await Promise.all(apps.map(stopWorker))
  await rm(dir, { recursive: true, force: true })
})

it('opens a store two apps create at the same moment, in both apps, 40 times out of 40, with both first cases kept', async () => {
  const failures: string[] = []
  for (let attempt = 1; attempt <= 40; attempt++) {
    const file = join(dir, `try-${attempt}`, 'store.json')
    if (attempt % 2 === 0) await mkdir(join(dir, `try-${attempt}`))
    const from = apps.map((app) => app.lines.length)
    for (const app of apps) app.send(file)
    const answers = await Promise.all(apps.map((app, i) => app.waitFor((line) => line.endsWith(file) || line.includes(` ${file} `), 60_000, from[i])))
    failures.push(...answers.filter((answer) => answer.startsWith('failed')).map((answer) => `try ${attempt}: ${answer}`))
    const onDisk = await parsed(file)
    if (!onDisk.ok) failures.push(`try ${attempt}: the file ${onDisk.problem}`)
    else if (answers.every((answer) => answer.startsWith('opened'))) {
      const titles = onDisk.doc.cases.map((c) => c.title).toSorted()
      if (titles.join() !== 'Case from Anna,Case from Ben') failures.push(`try ${attempt}: the file holds ${JSON.stringify(titles)}`)
    }
    const left = await leftovers(file)
    if (left.length > 0) failures.push(`try ${attempt}: left beside the store: ${left.join(', ')}`)
  }
  expect(failures).toEqual([])
}, 300_000)
