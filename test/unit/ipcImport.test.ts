import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../electron/handlers'
import { identityBook } from '../../electron/identities'
import { installationState } from '../../electron/installationState'
import { createStoreSession, type StoreSession } from '../../electron/storeSession'
import type { Case } from '../../src/cases/case'
import { exportJson } from '../../src/export/storeExport'
import { dispatch } from '../../src/ipc/dispatch'
import { emptyDocument, type StoreDocument } from '../../src/store/document'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { createFakeShell } from '../support/testDesk'

let dir: string
const sessions: StoreSession[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipc-import-'))
})
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close()
  await rm(dir, { recursive: true, force: true })
})

const storeA = () => join(dir, 'ours.json')
const storeB = () => join(dir, 'another.json')
const onDisk = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as StoreDocument

/**
 * The handlers over a session that can be switched to another store at a chosen moment of import:apply, as the person
 * opening another store while the import is under way (it takes turns for other work) would: `switchTo` is a second
 * session already on store B, so the switch is instant and the moment exact.
 */
async function twoStores() {
  const installation = installationState(join(dir, 'installation'))
  const open = async (file: string, cases: Case[]) => {
    await writeFile(file, JSON.stringify({ ...emptyDocument(), cases }))
    const session = createStoreSession({ identities: identityBook(join(dir, 'identities')), installation })
    sessions.push(session)
    await session.open(file)
    return session
  }
  const [mine, other] = [realisticCases(3, 5), realisticCases(2, 9)]
  const a = await open(storeA(), mine)
  const b = await open(storeB(), other)
  let active = a
  let switchDuringBackup = false
  const session: StoreSession = {
    ...a,
    state: () => active.state(),
    store: () => active.store(),
    identity: () => active.identity(),
    // The backup asks the session how its store is written once it knows which file to copy.
    encoding: () => {
      const encoding = active.encoding()
      if (switchDuringBackup) active = b
      return encoding
    },
  }
  const { shell, files } = createFakeShell(false, join(dir, 'saved'))
  const handlers = createHandlers(session, shell)
  const fresh = realisticCases(2, 77).map((c, i) => ({ ...c, id: `from-the-file-${i}` }))
  files.queueImport('colleague.json', await exportJson({ ...emptyDocument(), cases: fresh }, new Date('2026-11-30T16:00:00Z')))
  const choice = await dispatch(handlers, 'import:choose', {})
  if (!choice.ok || (choice.value as { kind: string }).kind !== 'preview') throw new Error(JSON.stringify(choice))
  const token = (choice.value as { token: string }).token
  return {
    a,
    b,
    apply: () => dispatch(handlers, 'import:apply', { token, takeTheirs: [] }),
    switchDuringBackup: () => (switchDuringBackup = true),
    switchNow: () => (active = b),
    backups: async () => (await readdir(join(dir, 'Disclosure Desk backups')).catch(() => [])).filter((n) => n.includes('before-import')),
  }
}

describe('import:apply when another store is opened while it runs', () => {
  it.each([
    ['during the before-import backup', 'backup'],
    ['while the import is worked out, before the command', 'prepare'],
  ] as const)('refuses %s, in words, and neither store gets the cases', async (_when, moment) => {
    const stores = await twoStores()
    const [aBefore, bBefore] = [await readFile(storeA(), 'utf8'), await readFile(storeB(), 'utf8')]
    if (moment === 'backup') stores.switchDuringBackup()
    else {
      const storeOfA = stores.a.store()
      const context = storeOfA.context.bind(storeOfA)
      vi.spyOn(storeOfA, 'context').mockImplementation(() => {
        stores.switchNow()
        return context()
      })
    }

    const applied = await stores.apply()

    expect(applied).toEqual({
      ok: false,
      error: {
        code: 'store_unavailable',
        message: `Another store was opened while the import was being prepared, so nothing was imported into either. To import the file into ${storeA()}, open that store again and choose the file again.`,
        issues: [],
      },
    })
    expect(await readFile(storeA(), 'utf8')).toBe(aBefore)
    expect(await readFile(storeB(), 'utf8')).toBe(bBefore)
    expect((await onDisk(storeB())).cases.map((c) => c.id)).not.toContain('from-the-file-0')
    // Refused once, the chosen file is forgotten: it was previewed against a store no longer open.
    expect(await stores.apply()).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('with the previewed store still open, imports into it after backing it up', async () => {
    const stores = await twoStores()
    expect(await stores.apply()).toMatchObject({ ok: true, value: { added: 2, backup: expect.stringContaining('before-import') } })
    expect((await onDisk(storeA())).cases.map((c) => c.id)).toEqual(expect.arrayContaining(['from-the-file-0', 'from-the-file-1']))
    expect(await stores.backups()).toHaveLength(1)
  })

  it('refuses a file previewed against a store that is no longer the one open', async () => {
    const stores = await twoStores()
    stores.switchNow()
    expect(await stores.apply()).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('nothing was imported') } })
    expect((await onDisk(storeB())).cases.map((c) => c.id)).not.toContain('from-the-file-0')
  })
})
