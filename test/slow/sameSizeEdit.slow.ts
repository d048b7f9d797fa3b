import { mkdtemp, rm, stat, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openStore, type ChangeOrigin, type Store, type StoreOptions } from '../../src/store'
import { parsed, report, startWorker, stopWorker } from './support/workers'

// On FAT/exFAT and some SMB shares timestamps are coarse: a colleague's save within the same tick leaves the
// modification time as it was. Another app (its own process) saves a settings change of the same length and puts the
// old modification time back; this app must still see it, and must not write its stale settings over it.

let dir: string
let file: string
let store: Store

/** This app, with the organisation set as the other app will find it. */
async function openThisApp(options: StoreOptions = {}) {
  store = await openStore(file, options)
  await store.settings.update({ ...store.settings.get(), organisation: 'Example Security A' })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-slow-same-size-'))
  file = join(dir, 'store.json')
})
afterEach(async () => {
  await store?.close()
  await rm(dir, { recursive: true, force: true })
})

/**
 * The other app's save, and proof that it kept the size and the modification time. The time is first set to a whole
 * second, as such a share shows it (and as the other app can put back exactly), and this app looks at the file once.
 */
async function otherAppSets(organisation: string, watching = false) {
  const coarse = Math.floor(Date.now() / 1000) - 60
  await utimes(file, coarse, coarse)
  if (!watching) await store.sync()
  const before = await stat(file)
  const other = startWorker('otherApp.ts', [file, organisation])
  try {
    await other.waitFor((line) => line === 'saved', 60_000)
  } finally {
    await stopWorker(other)
  }
  const after = await stat(file)
  expect({ size: after.size, mtimeMs: after.mtimeMs }, 'the other app’s save kept the size and the time').toEqual({ size: before.size, mtimeMs: before.mtimeMs })
}

const organisationOnDisk = async () => {
  const onDisk = await parsed(file)
  if (!onDisk.ok) throw new Error(onDisk.problem)
  return onDisk.doc.settings.organisation
}

it('sees the other app’s same-size, same-time edit at the next sync, and keeps it through this app’s next save', async () => {
  await openThisApp()
  await otherAppSets('Example Security B')
  expect(await store.sync()).toBe(true)
  expect(store.settings.get().organisation).toBe('Example Security B')
  await store.cases.create(report('IDOR in invoice API'))
  expect(await organisationOnDisk()).toBe('Example Security B')
}, 120_000)

it('takes the other app’s same-size, same-time edit in before this app’s next command writes', async () => {
  await openThisApp()
  await otherAppSets('Example Security C')
  const c = await store.cases.create(report('IDOR in invoice API'))
  expect(store.settings.get().organisation).toBe('Example Security C')
  expect(await organisationOnDisk()).toBe('Example Security C')
  expect(store.cases.get(c.id).title).toBe('IDOR in invoice API')
}, 120_000)

it('tells the subscribers of a watching store about the other app’s same-size, same-time edit', async () => {
  await openThisApp({ watch: true, watchIntervalMs: 100 })
  const heard: ChangeOrigin[] = []
  store.subscribe((events, origin) => {
    if (events.some((e) => e.type === 'settings.changed')) heard.push(origin)
  })
  await otherAppSets('Example Security D', true)
  await expect.poll(() => heard, { timeout: 5_000, interval: 50 }).toEqual(['other_app'])
  expect(store.settings.get().organisation).toBe('Example Security D')
}, 120_000)
