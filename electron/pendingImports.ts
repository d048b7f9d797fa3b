import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { DeskError } from '../src/errors'
import { IntakePreview } from '../src/ipc/contract'
import type { Shell } from './handlers'

type ReadOk = Extract<z.input<typeof IntakePreview>, { ok: true }>
/**
 * What reading a mail gives (src/intake's readMail): the preview's fields, and each attachment's bytes in the same
 * order; a mail that cannot be read (too large, not mail) is a DeskError saying why.
 */
export type ReadMailResult = Omit<ReadOk, 'token' | 'ok'> & { contents: Uint8Array[] }
export type ReadMailFn = (raw: Uint8Array) => Promise<ReadMailResult>

/** An attachment the person asked to save: its bytes, never opened here. */
export interface PendingAttachment {
  name: string
  content: Uint8Array
}

/**
 * Mails read but not yet made a case, by token: the import screen asks for the preview again after a reload, and an
 * attachment's bytes are saved from here only when the person asks (they never go into the store or the renderer).
 */
export interface PendingImports {
  /** Reads the mail and keeps it, or why it could not be read, under a new token. */
  parse(raw: Uint8Array): Promise<IntakePreview>
  /** Keeps a problem found before reading (the file could not be opened), so the screen shows it like any other. */
  refuse(problem: string): IntakePreview
  get(token: string): IntakePreview
  attachment(token: string, index: number): PendingAttachment
}

export interface PendingLimits {
  /** How many mails are kept at most; the oldest goes first. */
  mails: number
  /** How many attachment bytes are kept at most over all mails; the newest mail is kept whatever its size. */
  bytes: number
}

// Enough for a few imports open at once, and for the 25 MB attachments reporters send, without holding memory forever.
export const defaultPendingLimits: PendingLimits = { mails: 5, bytes: 150 * 1024 * 1024 }

export function createPendingImports(read: ReadMailFn, limits: PendingLimits = defaultPendingLimits): PendingImports {
  const kept = new Map<string, { preview: IntakePreview; contents: Uint8Array[] }>()
  const sizeOf = (contents: Uint8Array[]) => contents.reduce((sum, c) => sum + c.byteLength, 0)

  const keep = (preview: IntakePreview, contents: Uint8Array[] = []) => {
    kept.set(preview.token, { preview, contents })
    let bytes = [...kept.values()].reduce((sum, k) => sum + sizeOf(k.contents), 0)
    for (const [token, entry] of kept) {
      if (token === preview.token || (kept.size <= limits.mails && bytes <= limits.bytes)) break
      kept.delete(token)
      bytes -= sizeOf(entry.contents)
    }
    return preview
  }
  const refuse = (problem: string): IntakePreview => keep({ token: randomUUID(), ok: false, problem })
  const entry = (token: string) => {
    const found = kept.get(token)
    if (!found) {
      throw new DeskError('not_found', 'This imported mail is no longer open in the app (only the last few are kept). Import the .eml file again.')
    }
    return found
  }

  return {
    async parse(raw) {
      try {
        const { contents, ...mail } = await read(raw)
        // Checked as every answer is: the import screen gets the shape the contract promises, with defaults filled.
        return keep(IntakePreview.parse({ token: randomUUID(), ok: true, ...mail }), contents)
      } catch (error) {
        if (error instanceof DeskError) return refuse(error.message)
        // A bug in reading, not a problem of the mail: the person gets what to do, the console the detail.
        console.error('Reading a mail failed:', error)
        return refuse('Disclosure Desk hit an internal error reading this mail and created nothing. Try again, and restart the app if it happens again.')
      }
    },
    refuse,
    get: (token) => entry(token).preview,
    attachment(token, index) {
      const { preview, contents } = entry(token)
      const info = preview.ok ? preview.attachments[index] : undefined
      const content = contents[index]
      if (!info || !content) throw new DeskError('not_found', 'This mail has no such attachment.')
      return { name: info.name, content }
    },
  }
}

/**
 * The menu's "Import report from email…": the chosen file is read and kept; the answer is the import screen's route
 * for it, or null when the person cancelled. A file that could not be read is kept as a problem like a mail that
 * could not be parsed, so the screen says why either way.
 */
export async function importChosenEml(shell: Shell, pending: PendingImports): Promise<string | null> {
  let preview: IntakePreview
  try {
    const file = await shell.openEmlFile()
    if (!file) return null
    preview = await pending.parse(file.bytes)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    preview = pending.refuse(`The file could not be read (${reason}). Check that it is a saved email you may open, and try again.`)
  }
  return `/import/${preview.token}`
}
