import { Worker } from 'node:worker_threads'
import { DeskError } from '../src/errors'
import type { ReadMail, ReadMailOptions } from '../src/intake'
import type { ReadMailFn } from './pendingImports'

type Answer = { ok: true; mail: ReadMail } | { ok: false; refusal: string } | { ok: false; failure: string }

/** Longer than the largest mail takes (about 3 s at 60 MB); a parser still busy then is stuck on a hostile mail. */
export const mailReadTimeoutMs = 60_000

/**
 * Reads each mail in a worker thread of its own (electron/mailWorker.ts, built beside main), so main stays responsive
 * while a large mail is parsed; a mail that keeps the parser busy past the timeout ends its worker and is refused.
 */
export function readMailInWorker(workerFile: string, options: () => ReadMailOptions, timeoutMs = mailReadTimeoutMs): ReadMailFn {
  return (raw) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: { raw, options: options() } })
      const timer = setTimeout(() => {
        void worker.terminate()
        reject(new DeskError('invalid_input', 'Reading this mail took too long and was stopped; nothing was imported. Create the case by hand, or save the mail without its attachments and import that.'))
      }, timeoutMs)
      const settle = () => clearTimeout(timer)
      worker.once('message', (answer: Answer) => {
        settle()
        void worker.terminate()
        if (answer.ok) resolve(answer.mail)
        else if ('refusal' in answer) reject(new DeskError('invalid_input', answer.refusal))
        else reject(new Error(`The mail worker failed: ${answer.failure}`))
      })
      worker.once('error', (error) => {
        settle()
        reject(error)
      })
      worker.once('exit', (code) => {
        settle()
        // After a message this rejects nothing: the promise is settled already.
        reject(new Error(`The mail worker stopped (exit ${code}) before it answered`))
      })
    })
}
