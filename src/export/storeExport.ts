import { z } from 'zod'
import type { IsoDate } from '../calendar/spec'
import type { Case } from '../cases/case'
import { policyLookup } from '../policies/catalog'
import type { StoreDocument } from '../store/document'
import { documentInLines, documentPieces } from '../store/documentLines'
import { readDocument } from '../store/readDocument'
import { slicePauses } from '../timeSlices'
import type { NotMerged } from './importChoice'

/**
 * The whole store as one file to keep or hand to a colleague: the document as the store holds it, wrapped with what it
 * is and when it was made. `version` is this wrapper's; the document carries its own schemaVersion, so an export of an
 * older app is migrated on import as its store file would be.
 */
export const exportFormat = 'disclosure-desk-export'
export const exportVersion = 1

export const ExportHead = z.object({
  format: z.literal(exportFormat),
  version: z.number().int().min(1),
  exportedAt: z.iso.datetime({ offset: true }),
  document: z.unknown(),
})

/**
 * The largest file an import reads: a store of 10,000 realistic cases is about 40 MB, so this leaves room for a team
 * five times that size while a file chosen by mistake (a disk image, a video) is refused before it is read whole.
 */
export const importSizeLimit = 256 * 1024 * 1024

/**
 * The export's bytes: the wrapper with the document inside, in the store file's layout (a case a line), each case's
 * text from the store's cache of it, so exporting 10,000 cases does not stringify 40 MB in one go.
 */
export async function exportJson(document: StoreDocument, exportedAt: Date): Promise<Buffer> {
  const head = `{"format":${JSON.stringify(exportFormat)},"version":${exportVersion},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"document":`
  const pieces = [Buffer.from(head), ...(await documentPieces(document)), Buffer.from('}')]
  // Joined with turns for other work as well: copying 40 MB at once blocks for tens of milliseconds.
  const bytes = Buffer.allocUnsafe(pieces.reduce((sum, piece) => sum + piece.length, 0))
  const pause = slicePauses()
  let at = 0
  for (const piece of pieces) {
    bytes.set(piece, at)
    at += piece.length
    await pause()
  }
  return bytes
}

/** "Disclosure Desk export 2026-12-01.json": the day in the team's zone, so a day's exports sort together. */
export const exportFileName = (day: IsoDate) => `Disclosure Desk export ${day}.json`

/** What an import read: the document (migrated to this version's format), when it was exported, and what it was. */
export type ReadImport =
  | { ok: true; document: StoreDocument; source: 'export' | 'store'; exportedAt?: string }
  | { ok: false; problem: string }

/** The first line of an encrypted store (src/store/file/encryption.ts): recognised to say what to do with it. */
const encryptedMagic = 'DISCLOSURE-DESK-ENCRYPTED'

/**
 * Reads a file chosen for import: an export of this or an older version, or a store file itself (a copy of a
 * colleague's, a backup), each migrated as opening it would. Refusals continue "The file …" in words, like
 * readDocument's, and never quote the file's content. A file in the layout this version writes (a case a line) is
 * read case by case with turns for other work, and a case whose line is the text of one of `previous` (this store's
 * cases) is that case object; a file in another layout is parsed whole, as the store reads one.
 */
export async function readImport(bytes: Uint8Array, previous: readonly Case[] = []): Promise<ReadImport> {
  if (!(await isUtf8(bytes))) return { ok: false, problem: 'is not a Disclosure Desk export: it is not text' }
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const body = whole.subarray(whole.subarray(0, 3).equals(byteOrderMark) ? 3 : 0)
  const start = body.toString('utf8', 0, Math.min(body.length, 200))
  if (start.startsWith(encryptedMagic)) {
    return { ok: false, problem: 'is an encrypted store. Open it in Disclosure Desk with its passphrase and export it from there' }
  }
  // As exportJson writes it, head first: the document's bytes go to the readers as they are, parsed once rather than
  // parsed, written and parsed again (44 MB at 10,000 cases). Anything else takes the long way, which words its problem.
  const written = writtenHead.exec(start)
  let end = body.length
  while (end > 0 && whitespace.has(body[end - 1]!)) end--
  if (written && body[end - 1] === closingBrace) {
    const head = ExportHead.safeParse({ format: exportFormat, version: Number(written[1]), exportedAt: written[2], document: null })
    if (head.success) {
      const documentBytes = body.subarray(Buffer.byteLength(written[0]), end - 1)
      const inLines = head.data.version <= exportVersion ? await documentInLines(documentBytes, previous) : undefined
      if (inLines) return { ok: true, document: inLines, source: 'export', exportedAt: head.data.exportedAt }
      const read = fromExport(head.data, documentBytes.toString('utf8'))
      if (read.ok) return read
    }
  } else if (!written) {
    const inLines = await documentInLines(body, previous)
    if (inLines) return { ok: true, document: inLines, source: 'store' }
  }
  const text = body.toString('utf8')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    // Not JSON: readDocument words where and how (cut off, broken at line 3).
    return fromStore(text)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: notOurs }
  if (!('format' in raw)) return 'schemaVersion' in raw ? fromStore(text) : { ok: false, problem: notOurs }
  if (raw.format !== exportFormat) return { ok: false, problem: 'was made by another program: it is not a Disclosure Desk export' }
  const head = ExportHead.safeParse(raw)
  if (!head.success) return { ok: false, problem: 'is a Disclosure Desk export, but it is damaged (its version, date or store are missing)' }
  return fromExport(head.data, JSON.stringify(head.data.document))
}

const writtenHead = /^\{"format":"disclosure-desk-export","version":(\d+),"exportedAt":"([^"\\]*)","document":/
const byteOrderMark = new Uint8Array([0xef, 0xbb, 0xbf])
const closingBrace = 0x7d
const whitespace = new Set([0x20, 0x09, 0x0a, 0x0d])

/** Whether the bytes are UTF-8, checked a MiB at a time with turns for other work (a file chosen may be 256 MB). */
async function isUtf8(bytes: Uint8Array): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const pause = slicePauses()
  try {
    for (let at = 0; at < bytes.length; at += utf8Chunk) {
      decoder.decode(bytes.subarray(at, at + utf8Chunk), { stream: true })
      await pause()
    }
    decoder.decode()
    return true
  } catch {
    return false
  }
}
const utf8Chunk = 1024 * 1024

function fromExport(head: z.infer<typeof ExportHead>, documentText: string): ReadImport {
  if (head.version > exportVersion) {
    return {
      ok: false,
      problem: `was exported by a newer version of Disclosure Desk (export format ${head.version}; this version reads up to ${exportVersion}). Update the app to import it`,
    }
  }
  const read = readDocument(documentText)
  if (!read.ok) return { ok: false, problem: importWords(read.problem).replace('is not a Disclosure Desk store', 'holds no Disclosure Desk store') }
  return { ok: true, document: read.doc, source: 'export', exportedAt: head.exportedAt }
}

const notOurs = 'is not a Disclosure Desk export or store file'

function fromStore(text: string): ReadImport {
  const read = readDocument(text)
  return read.ok ? { ok: true, document: read.doc, source: 'store' } : { ok: false, problem: importWords(read.problem) }
}

/**
 * readDocument tells how to open a store; here the file is imported. Its JSON problem ends with the parser's message,
 * which quotes the file's text: a file chosen by mistake may be anything, so the import says where, not what.
 */
const importWords = (problem: string) =>
  problem.replace('Update the app to open it', 'Update the app to import it').replace(/^(is not valid JSON(?: at line \d+, column \d+)?) \(.*\)$/s, '$1')

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** What of `theirs` the import leaves out, against `mine`; `incoming` are the cases the preview found added or differing. */
export function notMergedOf(mine: StoreDocument, theirs: StoreDocument, incoming: readonly { policyId: string }[]): NotMerged {
  const differsFromMine = <T extends { id: string }>(own: readonly T[], other: readonly T[]) => {
    const byId = new Map(own.map((x) => [x.id, x]))
    return other.filter((x) => !byId.has(x.id) || !sameJson(byId.get(x.id), x))
  }
  const known = policyLookup(mine.policies)
  const theirPolicies = new Map(theirs.policies.map((p) => [p.id, p]))
  const coming = new Set(incoming.map((c) => c.policyId).filter((id) => known(id) === undefined && theirPolicies.has(id)))
  return {
    settingsDiffer: !sameJson(mine.settings, theirs.settings),
    policiesComing: [...coming].map((id) => theirPolicies.get(id)!.name),
    policies: differsFromMine(mine.policies, theirs.policies).filter((p) => !coming.has(p.id)).length,
    templates: differsFromMine(mine.templates, theirs.templates).length,
    casesWithUnknownPolicy: incoming.filter((c) => known(c.policyId) === undefined && !theirPolicies.has(c.policyId)).length,
  }
}
