import { mkdir, mkdtemp, readdir, rename, rm, rmdir, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir, uptime } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DeskError } from '../../src/errors'
import { clearDeadLock, holderInWords, lockHolder, whileLocked, type LockHolder } from '../../src/store/file/lock'

/** Every rename the lock makes, to see that a lock not ours is never moved. */
const renames = vi.hoisted(() => [] as { from: string; to: string }[])
/** Runs once right before the lock folder is next renamed away, as if its owner acted just then. */
const beforeLockRename = vi.hoisted(() => ({ once: undefined as undefined | ((from: string) => Promise<void>) }))
/** Runs once right after the next mkdir, as if this app froze there. */
const afterMkdir = vi.hoisted(() => ({ once: undefined as undefined | ((path: string) => Promise<void>) }))
/** Every mkdir of the lock folder, and whether it made the folder (false: refused, the folder was there). */
const mkdirs = vi.hoisted(() => [] as { path: string; made: boolean }[])
/** Runs once right before the next temporary owner file is written, as if this app froze there. */
const beforeOwnerWrite = vi.hoisted(() => ({ once: undefined as undefined | ((temporary: string) => Promise<void>) }))
/** A file system without hard links (FAT, exFAT, some shares) while `on`: link refused with EPERM, as Node reports it. */
const noHardLinks = vi.hoisted(() => ({ on: false }))
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>()
  return {
    ...fs,
    writeFile: async (path: string, ...rest: [never, never]) => {
      const hook = /\.owner\.[0-9a-f]+\.tmp$/.test(path) ? beforeOwnerWrite.once : undefined
      if (hook) {
        beforeOwnerWrite.once = undefined
        await hook(path)
      }
      return fs.writeFile(path, ...rest)
    },
    link: async (from: string, to: string) => {
      if (noHardLinks.on) throw Object.assign(new Error(`EPERM: operation not permitted, link '${from}' -> '${to}'`), { code: 'EPERM' })
      return fs.link(from, to)
    },
    rename: async (from: string, to: string) => {
      const hook = from.endsWith('.lock') ? beforeLockRename.once : undefined
      if (hook) {
        beforeLockRename.once = undefined
        await hook(from)
      }
      renames.push({ from, to })
      return fs.rename(from, to)
    },
    mkdir: async (path: string, options?: import('node:fs').MakeDirectoryOptions) => {
      const made = await fs.mkdir(path, options).catch((error: unknown) => {
        if (path.endsWith('.lock')) mkdirs.push({ path, made: false })
        throw error
      })
      if (path.endsWith('.lock')) mkdirs.push({ path, made: true })
      const hook = afterMkdir.once
      afterMkdir.once = undefined
      await hook?.(path)
      return made
    },
  }
})

let dir: string
let file: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-lock-'))
  file = join(dir, 'store.json')
})
afterEach(async () => {
  noHardLinks.on = false
  beforeOwnerWrite.once = afterMkdir.once = beforeLockRename.once = undefined
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

const thisBoot = () => new Date(Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000).toISOString()

/** Leaves a lock as another app would: its folder and owner.json, its last heartbeat `silentMs` ago (on its clock). */
async function leaveLock(holder: Partial<LockHolder>, silentMs = 0): Promise<LockHolder> {
  const full: LockHolder = {
    token: 'their-token',
    host: hostname(),
    boot: thisBoot(),
    user: 'sam',
    pid: process.ppid,
    since: new Date(Date.now() - silentMs).toISOString(),
    beat: 7,
    beatAt: Date.now() - silentMs,
    ...holder,
  }
  await mkdir(`${file}.lock`)
  await writeFile(join(`${file}.lock`, 'owner.json'), JSON.stringify(full))
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

  it('takes over at once the lock of a process of this computer and boot that no longer runs and is silent', async () => {
    await leaveLock({ pid: deadPid() }, 5_000)
    const { value, ms } = await timed(() => whileLocked(file, async () => (await lockHolder(file))?.pid))
    expect(value).toBe(process.pid)
    // Far below the stale time, whatever the load: no heartbeat watching was needed.
    expect(ms).toBeLessThan(9_000)
    expect(await readdir(dir)).toEqual([])
  })

  it('takes over a lock whose heartbeat this app saw unchanged for ten seconds, whatever its clock says', { timeout: 60_000 }, async () => {
    // Its clock an hour ahead of ours: by timestamps it would look fresh for an hour.
    await leaveLock({ host: 'sam-laptop', pid: 1234, beatAt: Date.now() + 3_600_000, since: new Date(Date.now() + 3_600_000).toISOString() })
    const { value, ms } = await timed(() => whileLocked(file, async () => (await lockHolder(file))?.host))
    expect(value).toBe(hostname())
    expect(ms).toBeGreaterThanOrEqual(10_000)
  })

  it('does not take over a live lock whose timestamps look old: another computer’s clock behind ours', { timeout: 60_000 }, async () => {
    await leaveLock({ host: 'sam-laptop', pid: 1234 }, 3_600_000)
    const old = new Date(Date.now() - 3_600_000)
    await utimes(join(`${file}.lock`, 'owner.json'), old, old)
    await utimes(`${file}.lock`, old, old)
    // Sam's app beats every two seconds, its clock an hour behind ours.
    let beat = 8
    const beating = setInterval(() => {
      void writeFile(
        join(`${file}.lock`, 'owner.json'),
        JSON.stringify({ token: 'their-token', host: 'sam-laptop', user: 'sam', pid: 1234, since: old.toISOString(), beat: beat++, beatAt: old.getTime() }),
      ).catch(() => undefined)
    }, 2_000)
    setTimeout(() => {
      clearInterval(beating)
      void rm(`${file}.lock`, { recursive: true, force: true })
    }, 12_000)
    const owner = await whileLocked(file, async () => (await lockHolder(file))?.token)
    clearInterval(beating)
    // Waited for Sam's release instead of taking the lock over.
    expect(owner).not.toBe('their-token')
    expect(renames.filter((r) => r.from === `${file}.lock`)).toHaveLength(1)
  })

  it('takes over a lock folder that stays without an owner (a crash while taking it, an older version’s)', { timeout: 60_000 }, async () => {
    await mkdir(`${file}.lock`)
    expect(await whileLocked(file, async () => 'ran')).toBe('ran')
  })

  describe('on this app’s own monotonic clock, moved by hand', () => {
    let clock = 0
    beforeEach(() => {
      clock = 0
      vi.spyOn(performance, 'now').mockImplementation(() => clock)
    })
    afterEach(() => {
      vi.mocked(performance.now).mockRestore()
    })
    /** Real time for the waiting app to look at the lock a few times (its pauses grow to 250 ms). */
    const aFewLooks = () => new Promise((resolve) => setTimeout(resolve, 800))

    it('takes over a lock folder seen without owner.json for 2.5 s: a live app names itself within milliseconds of making it', { timeout: 60_000 }, async () => {
      await mkdir(`${file}.lock`)
      let ran = false
      const saving = whileLocked(file, async () => {
        ran = true
        return (await lockHolder(file))?.pid
      })
      await aFewLooks()
      clock = 2_400
      await aFewLooks()
      expect(ran).toBe(false)
      expect(await readdir(dir)).toEqual(['store.json.lock'])
      clock = 2_600
      await expect.poll(() => ran, { timeout: 10_000, interval: 50 }).toBe(true)
      expect(await saving).toBe(process.pid)
      expect(await readdir(dir)).toEqual([])
    })

    it.each([
      ['hard links', false],
      ['no hard links, so an exclusive create', true],
    ])(
      'frozen between making the lock folder and naming itself while another app takes it over and holds it: that app keeps the lock, this one waits its turn (%s)',
      { timeout: 60_000 },
      async (_, withoutHardLinks) => {
        noHardLinks.on = withoutHardLinks
        let holding = 0
        let mostAtOnce = 0
        const held = async <T>(step: () => Promise<T>) => {
          mostAtOnce = Math.max(mostAtOnce, ++holding)
          try {
            return await step()
          } finally {
            holding--
          }
        }
        let mineRan = false
        let theirsRuns = false
        let theirs: Promise<string | undefined> | undefined
        afterMkdir.once = async () => {
          // This app froze here. Another app (a second whileLocked, on real folders) sees the folder without owner.json
          // for 2.5 s of its clock, takes it over, makes it again, names itself and runs its step.
          theirs = whileLocked(file, (lock) =>
            held(async () => {
              theirsRuns = true
              const from = mkdirs.length
              // Until this app, woken up, has tried to name itself and made the folder again (refused: it is there).
              await expect.poll(() => mineRan || mkdirs.slice(from).some((m) => !m.made), { timeout: 20_000, interval: 20 }).toBe(true)
              await lock.assertHeld()
              return (await lockHolder(file))?.token
            }),
          )
          await aFewLooks()
          clock = 2_600
          await expect.poll(() => theirsRuns, { timeout: 10_000, interval: 20 }).toBe(true)
        }
        const mine = await whileLocked(file, () =>
          held(async () => {
            mineRan = true
            return (await lockHolder(file))?.token
          }),
        )
        const theirToken = await theirs
        expect(mostAtOnce).toBe(1)
        expect(theirToken).toEqual(expect.any(String))
        expect(mine).toEqual(expect.any(String))
        expect(mine).not.toBe(theirToken)
        expect(await readdir(dir)).toEqual([])
      },
    )

    it('puts back an ownerless lock folder its owner named itself in just as it was taken over, and waits for that owner', { timeout: 60_000 }, async () => {
      await mkdir(`${file}.lock`)
      const sams = { token: 'sams-token', host: 'sam-laptop', user: 'sam', pid: 1234, since: new Date().toISOString(), beat: 0 }
      let named = false
      beforeLockRename.once = async (folder) => {
        await writeFile(join(folder, 'owner.json'), JSON.stringify(sams))
        named = true
      }
      let ran = false
      const saving = whileLocked(file, async () => {
        ran = true
        return (await lockHolder(file))?.token
      })
      await aFewLooks()
      clock = 2_600
      await expect.poll(() => named, { timeout: 10_000, interval: 50 }).toBe(true)
      await aFewLooks()
      // Moved away, found named, moved back: Sam's lock, untouched; nothing ran under it.
      expect(ran).toBe(false)
      expect(await lockHolder(file)).toMatchObject({ token: 'sams-token' })
      expect(renames.filter((r) => r.to === `${file}.lock`)).toHaveLength(1)
      // Sam's app releases: this one goes on.
      await rm(`${file}.lock`, { recursive: true })
      expect(await saving).not.toBe('sams-token')
      expect(await readdir(dir)).toEqual([])
    })
  })

  it('does not take the dead-pid shortcut on another boot, or while the heartbeat is recent', { timeout: 60_000 }, async () => {
    await leaveLock({ pid: deadPid(), boot: '2020-01-01T00:00:00.000Z' }, 5_000)
    expect(await clearDeadLock(file)).toBe(false)
    await rm(`${file}.lock`, { recursive: true })
    await leaveLock({ pid: deadPid() }, 0)
    expect(await clearDeadLock(file)).toBe(false)
    await rm(`${file}.lock`, { recursive: true })
    await leaveLock({ pid: deadPid(), boot: undefined }, 5_000)
    expect(await clearDeadLock(file)).toBe(false)
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
      `Another team member’s app took over saving to ${file} while this computer was paused or asleep, so your change was not saved. Try again.`,
    )
    expect(await lockHolder(file)).toMatchObject({ token: 'sams-token', name: 'Sam' })
  })

  it('frozen between making the lock folder and naming itself, and taken over meanwhile: waits its turn, removes nothing', async () => {
    let samsOwner: string | undefined
    let samReleased = false
    afterMkdir.once = async (folder) => {
      // Another app judged the ownerless folder stale, took it over and holds it now; it releases in a moment.
      await rm(folder, { recursive: true })
      await leaveLock({ host: 'sam-laptop', token: 'sams-token' })
      setTimeout(() => {
        void (async () => {
          samsOwner = (await lockHolder(file))?.token
          samReleased = true
          await rm(folder, { recursive: true, force: true })
        })()
      }, 300)
    }
    const seen = await whileLocked(file, async () => ({ host: (await lockHolder(file))?.host, samReleased }))
    expect(seen).toEqual({ host: hostname(), samReleased: true })
    expect(samsOwner).toBe('sams-token')
    expect(await readdir(dir)).toEqual([])
  })

  it('a heartbeat frozen before it writes, while another app takes the lock over, leaves that app’s owner.json as it is: the fence refuses', async () => {
    const sams = await whileLocked(file, async (lock) => {
      let tookOver = false
      beforeOwnerWrite.once = async () => {
        // This app froze past the stale time right before the beat's write; a colleague's app took the lock over.
        await rename(`${file}.lock`, join(dir, 'tombstone'))
        await rm(join(dir, 'tombstone'), { recursive: true })
        await leaveLock({ host: 'sam-laptop', token: 'sams-token', name: 'Sam' })
        tookOver = true
      }
      await expect.poll(() => tookOver, { timeout: 10_000, interval: 20 }).toBe(true)
      const error = await lock.assertHeld().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DeskError)
      expect((error as DeskError).message).toMatch(/took over saving to .* while this computer was paused or asleep/)
      return lockHolder(file)
    })
    expect(sams).toMatchObject({ token: 'sams-token', name: 'Sam' })
    expect(await lockHolder(file)).toMatchObject({ token: 'sams-token', name: 'Sam' })
    // Nothing of this app's left in Sam's lock folder.
    expect(await readdir(`${file}.lock`)).toEqual(['owner.json'])
  })

  it('takes and releases the lock on a file system without hard links, named by an exclusive create', async () => {
    noHardLinks.on = true
    const seen = await whileLocked(file, () => lockHolder(file), { name: () => 'Sam Raman' })
    expect(seen).toMatchObject({ host: hostname(), pid: process.pid, name: 'Sam Raman' })
    expect(await readdir(dir)).toEqual([])
  })

  it('a late release by a writer that did not notice the takeover leaves the new owner’s lock where it is, unmoved', async () => {
    await whileLocked(file, async () => {
      await rename(`${file}.lock`, join(dir, 'tombstone'))
      await rm(join(dir, 'tombstone'), { recursive: true })
      await leaveLock({ host: 'sam-laptop', token: 'sams-token', name: 'Sam' })
      renames.length = 0
    })
    expect(await lockHolder(file)).toMatchObject({ token: 'sams-token' })
    // Not moved away and back (meanwhile a third app could have taken the lock beside Sam).
    expect(renames.filter((r) => r.from === `${file}.lock`)).toEqual([])
  })

  it('a look at the lock that fails is unknown, not lost: the fence refuses, and the lock is still released', async () => {
    const owner = join(`${file}.lock`, 'owner.json')
    await whileLocked(file, async (lock) => {
      // owner.json cannot be read for a moment (here: something else in its place).
      await rename(owner, join(dir, 'owner.json'))
      await mkdir(owner)
      const error = (await lock.assertHeld().catch((e: unknown) => e)) as DeskError
      expect(error.code).toBe('store_unavailable')
      expect(error.message).toMatch(/^Could not check that this app still holds the lock on .*, so your change was not saved\./)
      await rmdir(owner)
      await rename(join(dir, 'owner.json'), owner)
      await lock.assertHeld()
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps the lock fresh while a long step runs: the heartbeat counter goes up', async () => {
    await whileLocked(file, async () => {
      const before = (await lockHolder(file))!
      await new Promise((resolve) => setTimeout(resolve, 4_500))
      const after = (await lockHolder(file))!
      expect(after.token).toBe(before.token)
      expect(after.beat!).toBeGreaterThan(before.beat!)
      expect(after.stale).toBeUndefined()
    })
  }, 30_000)

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
    await leaveLock({ pid: deadPid() }, 5_000)
    expect(await clearDeadLock(file)).toBe(true)
    expect(await readdir(dir)).toEqual([])
  })

  it('leaves a live process’s lock and another computer’s, whose processes it cannot see', async () => {
    await leaveLock({ pid: process.ppid }, 5_000)
    expect(await clearDeadLock(file)).toBe(false)
    await rm(`${file}.lock`, { recursive: true })
    await leaveLock({ host: 'sam-laptop', pid: deadPid() }, 5_000)
    expect(await clearDeadLock(file)).toBe(false)
    expect(await lockHolder(file)).toMatchObject({ host: 'sam-laptop' })
  })

  it('finds nothing to clear when there is no lock', async () => {
    expect(await clearDeadLock(file)).toBe(false)
  })
})
