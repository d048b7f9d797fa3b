import { parentPort, workerData } from 'node:worker_threads'
import { DeskError } from '../src/errors'
import { readMail, type ReadMailOptions } from '../src/intake'

/**
 * Reads one mail off the main process's thread: postal-mime parses a 35 MB mail in one go (1.5–3 s), which on the
 * main thread would stall every IPC answer and the window's events meanwhile. One worker per mail, so one that
 * never finishes can be ended without touching the next (see readMailInWorker).
 */
const { raw, options } = workerData as { raw: Uint8Array; options: ReadMailOptions }
try {
  parentPort!.postMessage({ ok: true, mail: await readMail(raw, options) })
} catch (error) {
  // A refusal is the mail's problem, in words; anything else is a bug, logged by main with what it gets here.
  parentPort!.postMessage(
    error instanceof DeskError
      ? { ok: false, refusal: error.message }
      : { ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) },
  )
}
