import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMailInWorker } from '../../electron/mailWorkerReader'
import { DeskError } from '../../src/errors'

// Stand-ins for the built electron/mailWorker.ts (which the main-process e2e test runs for real): each answers as the
// worker would, from its workerData, so the reader's side is checked here without a build.
const workers = {
  answers: `import { parentPort, workerData } from 'node:worker_threads'
parentPort.postMessage({ ok: true, mail: { title: new TextDecoder().decode(workerData.raw), zones: workerData.options.preferredZones } })`,
  refuses: `import { parentPort } from 'node:worker_threads'
parentPort.postMessage({ ok: false, refusal: 'This file is not an email message.' })`,
  fails: `import { parentPort } from 'node:worker_threads'
parentPort.postMessage({ ok: false, failure: 'TypeError: x is undefined' })`,
  hangs: `setInterval(() => {}, 1000)`,
  crashes: `process.exit(3)`,
}

let dir: string
const file = (name: keyof typeof workers) => join(dir, `${name}.mjs`)
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-worker-'))
  for (const [name, text] of Object.entries(workers)) await writeFile(join(dir, `${name}.mjs`), text)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const bytes = new TextEncoder().encode('IDOR')
const options = () => ({ preferredZones: ['Europe/Amsterdam'] })

describe('reading a mail in a worker thread', () => {
  it('hands the worker the bytes and the options of the moment, and answers what it read', async () => {
    expect(await readMailInWorker(file('answers'), options)(bytes)).toEqual({ title: 'IDOR', zones: ['Europe/Amsterdam'] })
  })

  it("passes the mail's refusal on in its words, and a bug in reading as an error for the log", async () => {
    await expect(readMailInWorker(file('refuses'), options)(bytes)).rejects.toEqual(new DeskError('invalid_input', 'This file is not an email message.'))
    await expect(readMailInWorker(file('fails'), options)(bytes)).rejects.toThrow('The mail worker failed: TypeError: x is undefined')
    await expect(readMailInWorker(file('crashes'), options)(bytes)).rejects.toThrow('The mail worker stopped (exit 3) before it answered')
  })

  it('stops a worker still busy after the timeout and refuses the mail in words', async () => {
    const refused = readMailInWorker(file('hangs'), options, 200)(bytes)
    await expect(refused).rejects.toBeInstanceOf(DeskError)
    await expect(refused).rejects.toThrow(/^Reading this mail took too long and was stopped; nothing was imported\./)
  })
})
