import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../src/errors'
import { clearDeadLock, holderInWords, lockHolder, whileLocked, type LockHolder } from '../../src/store/file/lock'

let dir: string
let file: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-lock-'))
  file = join(dir, 'store.json')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A process id no process of this machine has now. */
function deadPid(): number {
  for (let pid = 4_000_000; pid > 1_000; pid -= 7_919) {
    try {
      process.kill(pid, 0)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid
    }
  }
  throw new Error('no free process id found')
}

/** Leaves a lock as another app would: its folder and owner.json, touched `ageMs` ago. */
async function leaveLock(holder: Partial<LockHolder>, ageMs = 0): Promise<LockHolder> {
  const full: LockHolder = { token: 'their-token', host: hostname(), user: 'sam', pid: process.ppid, since: new Date().toISOString(), ...holder }
  await mkdir(`${file}.lock`)
  await writeFile(join(`${file}.lock`, 'owner.json'), JSON.stringify(full))
  const then = new Date(Date.now() - ageMs)
  await utimes(join(`${file}.lock`, 'owner.json'), then, then)
  await utimes(`${file}.lock`, then, then)
  return full
}

const timed = async <T>(action: () => Promise<T>) => {
  const start = Date.now()
  const value = await action()
  return { value, ms: Date.now() - start }
}

describe('whileLocked', () => {
  it('records who holds the lock while the step runs and removes the lock afterwards', async () => {
    const seen = await whileLocked(file, () => lockHolder(file), { name: () => 'Sam Raman' })
    expect(seen).toMatchObject({ host: hostname(), pid: process.pid, name: 'Sam Raman' })
    expect(Date.now() - new Date(seen!.since).getTime()).toBeLessThan(5_000)
    expect(await lockHolder(file)).toBeUndefined()
    expect(await readdir(dir)).toEqual([])
  })

  it('removes the lock when the step fails', async () => {
    await expect(whileLocked(file, async () => Promise.reject(new Error('step failed')))).rejects.toThrow('step failed')
    expect(await readdir(dir)).toEqual([])
  })

  it('takes over at once the lock of a process of this computer that no longer runs', async () => {
    await leaveLock({ pid: deadPid() })
    const { value, ms } = await timed(() => whileLocked(file, async () => (await lockHolder(file))?.pid))
    expect(value).toBe(process.pid)
    expect(ms).toBeLessThan(2_000)
    expect(await readdir(dir)).toEqual([])
  })

  it('takes over a lock whose holder stopped touching it more than ten seconds ago', async () => {
    await leaveLock({ host: 'sam-laptop', pid: 1234 }, 11_000)
    const { value, ms } = await timed(() => whileLocked(file, async () => (await lockHolder(file))?.host))
    expect(value).toBe(hostname())
    expect(ms).toBeLessThan(2_000)
  })

  it('takes over an old lock folder without an owner (an app that crashed while taking it, or an older version’s)', async () => {
    await mkdir(`${file}.lock`)
    const then = new Date(Date.now() - 11_000)
    await utimes(`${file}.lock`, then, then)
    expect(await whileLocked(file, async () => 'ran')).toBe('ran')
  })

  it('waits for a live holder on another computer and goes on once it releases', async () => {
    await leaveLock({ host: 'sam-laptop', pid: 1234 })
    setTimeout(() => void rm(`${file}.lock`, { recursive: true }), 300)
    const { value, ms } = await timed(() => whileLocked(file, async () => 'ran'))
    expect(value).toBe('ran')
    expect(ms).toBeGreaterThanOrEqual(250)
  })

  it('knows when its lock was taken over: assertHeld refuses, and the new holder’s lock is left alone', async () => {
    const error = await whileLocked(file, async (lock) => {
      await lock.assertHeld()
      // What a colleague's app does with a lock it judged stale (this computer asleep past the stale time).
      await rename(`${file}.lock`, join(dir, 'tombstone'))
      await rm(join(dir, 'tombstone'), { recursive: true })
      await leaveLock({ host: 'sam-laptop', token: 'sams-token', name: 'Sam' })
      return lock.assertHeld().catch((e: unknown) => e)
    })
    expect(error).toBeInstanceOf(DeskError)
    expect((error as DeskError).code).toBe('store_unavailable')
    expect((error as DeskError).message).toBe(
      `Another team member’s app took over saving to ${file} while this one was saving (was this computer asleep?). Your change was not saved; try again.`,
    )
    expect(await lockHolder(file)).toMatchObject({ token: 'sams-token', name: 'Sam' })
  })

  it('keeps the lock fresh while a long step runs, so no colleague takes it over', async () => {
    await whileLocked(file, async () => {
      const before = JSON.parse(await readFile(join(`${file}.lock`, 'owner.json'), 'utf8')) as LockHolder
      const then = new Date(Date.now() - 9_000)
      await utimes(join(`${file}.lock`, 'owner.json'), then, then)
      await new Promise((resolve) => setTimeout(resolve, 2_300))
      // Untouched, it would be stale by now; the heartbeat touched it.
      expect((await lockHolder(file))?.token).toBe(before.token)
      expect(Date.now() - (await stat(join(`${file}.lock`, 'owner.json'))).mtimeMs).toBeLessThan(3_000)
    })
  })

  it('lets one step at a time run, in one app as across apps', async () => {
    const steps: string[] = []
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        whileLocked(file, async () => {
          steps.push(`${name} starts`)
          await new Promise((resolve) => setTimeout(resolve, 50))
          steps.push(`${name} ends`)
        }),
      ),
    )
    for (let i = 0; i < steps.length; i += 2) expect(steps[i + 1]).toBe(steps[i]!.replace('starts', 'ends'))
  })
})

describe('holderInWords', () => {
  const holder: LockHolder = { token: 't', host: 'sam-laptop', user: 'sraman', pid: 4242, since: new Date(2026, 11, 1, 10, 2, 3).toISOString() }

  it('names the member, or else the computer’s user, the computer and since when, as a refusal says it', () => {
    const where = '/team/store.json'
    expect(holderInWords({ ...holder, name: 'Sam Raman' }, where)).toBe('Sam Raman on sam-laptop has been saving to /team/store.json since 10:02:03')
    expect(holderInWords(holder, where)).toBe('sraman on sam-laptop has been saving to /team/store.json since 10:02:03')
    expect(holderInWords(undefined, where)).toBe('Another team member’s app has been saving to /team/store.json for a long time')
  })
})

describe('clearDeadLock', () => {
  it('removes the lock of a process of this computer that no longer runs', async () => {
    await leaveLock({ pid: deadPid() })
    expect(await clearDeadLock(file)).toBe(true)
    expect(await readdir(dir)).toEqual([])
  })

  it('leaves a live process’s lock and another computer’s, whose processes it cannot see', async () => {
    await leaveLock({ pid: process.ppid })
    expect(await clearDeadLock(file)).toBe(false)
    await rm(`${file}.lock`, { recursive: true })
    await leaveLock({ host: 'sam-laptop', pid: deadPid() })
    expect(await clearDeadLock(file)).toBe(false)
    expect(await lockHolder(file)).toMatchObject({ host: 'sam-laptop' })
  })

  it('finds nothing to clear when there is no lock', async () => {
    expect(await clearDeadLock(file)).toBe(false)
  })
})
