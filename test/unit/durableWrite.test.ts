import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { atomicWrite } from '../../src/store/file/atomicWrite'
import { durableReplace, removeStrayTemps, TempFileRemoved } from '../../src/store/file/durableWrite'

/** Faults to inject: names whose removal fails, folders whose flush fails. */
const faults = vi.hoisted(() => ({ undeletable: new Set<string>(), unflushable: new Set<string>() }))
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>()
  return {
    ...fs,
    rm: async (path: string, options?: import('node:fs').RmOptions) => {
      if (faults.undeletable.has(path.split(/[\\/]/).pop()!)) throw Object.assign(new Error(`EPERM: operation not permitted, unlink '${path}'`), { code: 'EPERM' })
      return fs.rm(path, options)
    },
    open: async (path: string, flags?: string | number, mode?: number) => {
      const handle = await fs.open(path, flags, mode)
      if (!faults.unflushable.has(path)) return handle
      return Object.assign(Object.create(handle) as typeof handle, {
        sync: async () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })),
        close: () => handle.close(),
      })
    },
  }
})

let dir: string
let file: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-durable-'))
  file = join(dir, 'store.json')
})
afterEach(async () => {
  faults.undeletable.clear()
  faults.unflushable.clear()
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

const bytes = (text: string) => Buffer.from(text, 'utf8')

describe('durableReplace', () => {
  it('replaces the file with the pieces in order and leaves no temporary file', async () => {
    await writeFile(file, 'old contents, longer than the new ones')
    await durableReplace(file, [bytes('{"a":'), bytes('"é𝄞"'), new Uint8Array(), bytes('}')])
    expect(await readFile(file, 'utf8')).toBe('{"a":"é𝄞"}')
    expect(await readdir(dir)).toEqual(['store.json'])
  })

  it('writes more pieces than one writev call takes', async () => {
    const pieces = Array.from({ length: 5_000 }, (_, i) => bytes(`${i},`))
    await durableReplace(file, pieces)
    expect(await readFile(file, 'utf8')).toBe(Array.from({ length: 5_000 }, (_, i) => `${i},`).join(''))
  })

  it('runs beforeRename after the temporary file is complete, and writes nothing when it throws', async () => {
    await writeFile(file, 'theirs')
    let temporary: string | undefined
    const error = await durableReplace(file, [bytes('ours')], async () => {
      const names = (await readdir(dir)).filter((name) => name !== 'store.json')
      expect(names).toHaveLength(1)
      temporary = names[0]
      expect(await readFile(join(dir, temporary!), 'utf8')).toBe('ours')
      throw new Error('the fence said no')
    }).catch((e: unknown) => e)
    expect((error as Error).message).toBe('the fence said no')
    expect(temporary).toMatch(/^\.store\.json\.[A-Za-z0-9-]+\.\d+\.[0-9a-f]{12}\.tmp$/)
    expect(temporary).toContain(`.${process.pid}.`)
    expect(await readFile(file, 'utf8')).toBe('theirs')
    expect(await readdir(dir)).toEqual(['store.json'])
  })

  it('gives every write its own temporary file, so writes at once do not mix', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => durableReplace(file, [bytes(`writer ${i} `.repeat(1_000))])))
    expect(await readFile(file, 'utf8')).toMatch(/^(writer \d+ )\1{999}$/)
    expect(await readdir(dir)).toEqual(['store.json'])
  })

  it('fails instead of renaming when another app removed its temporary file meanwhile (a writer that lost the lock)', async () => {
    await writeFile(file, 'the colleague’s save')
    const error = await durableReplace(file, [bytes('a stale copy')], async () => {
      expect(await removeStrayTemps(file)).toBe(1)
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TempFileRemoved)
    expect(await readFile(file, 'utf8')).toBe('the colleague’s save')
  })

  it('writes its temporary file in the folder given (the lock’s): once that folder is moved away, the rename finds nothing', async () => {
    await writeFile(file, 'the colleague’s save')
    const lockFolder = `${file}.lock`
    await mkdir(lockFolder)
    const error = await durableReplace(
      file,
      [bytes('a stale copy')],
      async () => {
        expect((await readdir(lockFolder)).filter((name) => name.endsWith('.tmp'))).toHaveLength(1)
        // A takeover that did not see (or remove) the temporary file: it renames the lock folder away and makes its own.
        await rename(lockFolder, join(dir, '.store.json.lock.0a1b2c3d4e5f.stale'))
        await mkdir(lockFolder)
      },
      lockFolder,
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TempFileRemoved)
    expect(await readFile(file, 'utf8')).toBe('the colleague’s save')
    expect(await durableReplace(file, [bytes('gone')], undefined, join(dir, 'no-lock-folder')).catch((e: unknown) => e)).toBeInstanceOf(TempFileRemoved)
  })

  it('gives the new file the permissions of the one it replaces', async () => {
    await writeFile(file, 'private')
    await chmod(file, 0o600)
    await durableReplace(file, [bytes('still private')])
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    await chmod(file, 0o640)
    await durableReplace(file, [bytes('group may read')])
    expect((await stat(file)).mode & 0o777).toBe(0o640)
  })

  it('counts a write as done once renamed: a folder that cannot be flushed then is logged, not thrown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    faults.unflushable.add(dir)
    await writeFile(file, 'old')
    await durableReplace(file, [bytes('new')])
    expect(await readFile(file, 'utf8')).toBe('new')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Saved ${file}, but its folder could not be flushed`), expect.anything())
  })
})

describe('removeStrayTemps', () => {
  it('removes the temporary files of this store only, and today’s and older versions’ names', async () => {
    const strays = ['.store.json.sam-laptop.4242.0a1b2c3d4e5f.tmp', '.store.json.tmp']
    const others = ['.other.json.sam-laptop.4242.0a1b2c3d4e5f.tmp', '.store.json.bak.host.1.aa.tmp', 'store.json.tmp', '.store.json.open']
    for (const name of [...strays, ...others]) await writeFile(join(dir, name), 'x')
    await mkdir(join(dir, '.store.json.host.1.ab.tmp'))
    expect(await removeStrayTemps(file)).toBe(2)
    expect((await readdir(dir)).sort()).toEqual([...others, '.store.json.host.1.ab.tmp'].sort())
  })

  it('passes over a temporary file it cannot remove, and removes the others and the lock’s tombstones', async () => {
    const stuck = '.store.json.sam-laptop.4242.0a1b2c3d4e5f.tmp'
    await writeFile(join(dir, stuck), 'x')
    await writeFile(join(dir, '.store.json.sam-laptop.4243.0a1b2c3d4e60.tmp'), 'x')
    await mkdir(join(dir, '.store.json.lock.0a1b2c3d4e5f.stale'))
    await writeFile(join(dir, '.store.json.lock.0a1b2c3d4e5f.stale', 'owner.json'), '{}')
    await mkdir(join(dir, '.other.json.lock.0a1b2c3d4e5f.stale'))
    faults.undeletable.add(stuck)
    expect(await removeStrayTemps(file)).toBe(1)
    expect((await readdir(dir)).sort()).toEqual(['.other.json.lock.0a1b2c3d4e5f.stale', stuck].sort())
  })

  it('finds nothing in a folder that does not exist', async () => {
    expect(await removeStrayTemps(join(dir, 'missing', 'store.json'))).toBe(0)
  })
})

describe('atomicWrite', () => {
  it('replaces a small file with text or bytes, leaving no temporary file', async () => {
    const small = join(dir, 'identities.json')
    await atomicWrite(small, '{"a":1}')
    expect(await readFile(small, 'utf8')).toBe('{"a":1}')
    await atomicWrite(small, bytes('{"b":2}'))
    expect(await readFile(small, 'utf8')).toBe('{"b":2}')
    expect(await readdir(dir)).toEqual(['identities.json'])
  })
})
