import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import type { CaseInput } from '../../../src/cases/case'

/**
 * A worker script in test/slow/workers run as a process of its own, as a colleague's app on the same shared file would
 * be: its own heap, its own event loop, its own pid that the test can kill or freeze. It talks in lines on stdout.
 */
export interface Worker {
  readonly child: ChildProcessWithoutNullStreams
  readonly lines: string[]
  /** The first line from `from` on (an index into `lines`) that passes `test`; rejects after timeoutMs or at exit. */
  waitFor(test: (line: string) => boolean, timeoutMs: number, from?: number): Promise<string>
  send(line: string): void
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr(): string
}

const root = join(import.meta.dirname, '..', '..', '..')

export function startWorker(script: string, args: string[]): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/slow/workers', script), ...args], {
    cwd: root,
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters = new Set<() => void>()
  let errors = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const wake of [...waiters]) wake()
  })
  let gone = false
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close', not 'exit': by then every line the worker wrote has been read.
    child.on('close', (code, signal) => {
      gone = true
      resolve({ code, signal })
      for (const wake of [...waiters]) wake()
    }),
  )

  return {
    child,
    lines,
    exited,
    stderr: () => errors,
    send: (line) => void child.stdin.write(`${line}\n`),
    waitFor(test, timeoutMs, from = 0) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = lines.slice(from).find(test)
          if (found !== undefined) return done(() => resolve(found))
          if (gone) return done(() => reject(new Error(`${script} exited before the expected line; it said:\n${lines.join('\n')}\n${errors}`)))
        }
        const timer = setTimeout(
          () => done(() => reject(new Error(`${script} did not say the expected line within ${timeoutMs} ms; it said:\n${lines.join('\n')}\n${errors}`))),
          timeoutMs,
        )
        const done = (settle: () => void) => {
          clearTimeout(timer)
          waiters.delete(look)
          settle()
        }
        waiters.add(look)
        look()
      })
    },
  }
}

/** Kills a worker that may be frozen, and waits until it is gone. */
export async function stopWorker(worker: Worker): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) {
    worker.child.kill('SIGCONT')
    worker.child.kill('SIGKILL')
  }
  await worker.exited
}

/** What a crash or a frozen writer may leave beside the store file: temp files (today's and unique ones) and the lock. */
export async function leftovers(file: string): Promise<string[]> {
  const name = basename(file)
  const entries = await readdir(dirname(file))
  return entries.filter((entry) => entry !== name && (entry.startsWith(`.${name}`) || entry.startsWith(`${name}.`)))
}

/** The store file as JSON, or why it is not. */
export async function parsed(file: string): Promise<{ ok: true; doc: { cases: { id: string; title: string; timeline: { type: string; text?: string }[] }[]; settings: { organisation: string } } } | { ok: false; problem: string }> {
  const text = await readFile(file, 'utf8')
  try {
    return { ok: true, doc: JSON.parse(text) }
  } catch (error) {
    return { ok: false, problem: `${(error as Error).message} (${text.length} characters)` }
  }
}

export const report = (title: string): CaseInput => ({
  title,
  reporter: { name: 'Lena Fischer', email: 'lena@fischer.example' },
  received: { at: '2026-03-02T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
  asset: 'api.example.com',
  reportText: 'GET /v2/invoices/100231 returns another customer’s invoice.',
})

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
