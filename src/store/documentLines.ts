import type { Case } from '../cases/case'
import { slicePauses } from '../timeSlices'
import type { StoreDocument } from './document'
import { readCase, readHead } from './readDocument'

/**
 * Each case's JSON, by the case object: documents are replaced, never changed in place, so a case object always has
 * the same text. A save then turns only the changed cases into text; the others are written from here. (All of 10,000
 * cases take 100–200 ms to stringify, which would freeze every window for that long.) Taking in a colleague's write
 * compares each case's line of the file with these bytes and keeps the case object where they are equal.
 */
const caseJson = new WeakMap<Case, Buffer>()
const newline = 0x0a
const casesOpen = new TextEncoder().encode('"cases":[')
const casesClose = new TextEncoder().encode(']}')

/** Each case's JSON from the cache, stringifying the ones not in it there, yielding to the event loop now and then. */
async function casePieces(cases: readonly Case[]): Promise<Buffer[]> {
  const pieces: Buffer[] = []
  const pause = slicePauses()
  for (const c of cases) {
    let json = caseJson.get(c)
    if (!json) {
      json = Buffer.from(JSON.stringify(c))
      caseJson.set(c, json)
      await pause()
    }
    pieces.push(json)
  }
  return pieces
}

/**
 * Fills the cache for a document just read (when it was read whole) while the app is idle, so the next save writes at
 * once rather than stringifying every case first. A save meanwhile shares the work.
 */
export function warmCache(document: StoreDocument): void {
  void casePieces(document.cases).catch(() => undefined)
}

/**
 * The document's JSON text in pieces, with the generation in front (when given) and each case on a line of its own,
 * the cases last:
 *
 *   {"generation":N,"schemaVersion":3,"settings":…,"policies":…,"templates":…,"cases":[
 *   {case 1},
 *   {case 2}
 *   ]}
 *
 * JSON allows the line breaks, and JSON.stringify never writes one inside a value, so a reader finds each case by
 * splitting at line breaks (see documentInLines). The generation is the file layer's; readDocument leaves it out. An
 * export carries the document without one.
 */
export async function documentPieces(document: StoreDocument, generation?: number): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [Buffer.from(generation === undefined ? '{' : `{"generation":${generation},`)]
  let separator = ''
  for (const [key, value] of Object.entries(document)) {
    if (value === undefined || key === 'cases') continue
    pieces.push(Buffer.from(`${separator}${JSON.stringify(key)}:${JSON.stringify(value)}`))
    separator = ','
  }
  pieces.push(Buffer.from(`${separator}"cases":[`))
  const cases = await casePieces(document.cases)
  const first = Buffer.from('\n')
  const between = Buffer.from(',\n')
  cases.forEach((json, i) => pieces.push(i === 0 ? first : between, json))
  pieces.push(Buffer.from('\n]}'))
  return pieces
}

/**
 * The document of a file in the layout documentPieces writes, reading only what changed: a case whose line has the
 * bytes of a case of `previous` (the document last read or written) is that case object; only the other lines are
 * parsed and checked, each on its own, yielding to the event loop between slices, so taking in a colleague's one-case
 * change at 10,000 cases never blocks the app. Undefined for a file in another layout (edited by hand, written by an
 * older version, in an older format) or with a problem to name: readDocument then reads it whole.
 */
export async function documentInLines(bytes: Buffer, previous: readonly Case[]): Promise<StoreDocument | undefined> {
  const firstBreak = bytes.indexOf(newline)
  const lastBreak = bytes.lastIndexOf(newline)
  if (firstBreak < casesOpen.length || !bytes.subarray(firstBreak - casesOpen.length, firstBreak).equals(casesOpen)) return undefined
  if (!bytes.subarray(lastBreak + 1).equals(casesClose)) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(`${bytes.toString('utf8', 0, firstBreak)}]}`)
  } catch {
    return undefined
  }
  const head = readHead(raw)
  if (!head) return undefined

  // Cases of the previous document by the length of their JSON, for a case that moved (one before it was removed).
  let byLength: Map<number, Case[]> | undefined
  const movedCase = (line: Buffer): Case | undefined => {
    if (!byLength) {
      byLength = new Map()
      for (const c of previous) {
        const json = caseJson.get(c)
        if (!json) continue
        const sameLength = byLength.get(json.length)
        if (sameLength) sameLength.push(c)
        else byLength.set(json.length, [c])
      }
    }
    return byLength.get(line.length)?.find((c) => caseJson.get(c)!.equals(line))
  }

  const cases: Case[] = []
  const pause = slicePauses()
  for (let start = firstBreak + 1; start <= lastBreak; ) {
    const end = bytes.indexOf(newline, start)
    const last = end === lastBreak
    if (!last && bytes[end - 1] !== 0x2c) return undefined
    const line = bytes.subarray(start, last ? end : end - 1)
    start = end + 1
    const i = cases.length
    const same = previous[i] !== undefined && caseJson.get(previous[i]!)?.equals(line) ? previous[i] : movedCase(line)
    if (same) {
      cases.push(same)
    } else {
      let rawCase: unknown
      try {
        rawCase = JSON.parse(line.toString('utf8'))
      } catch {
        return undefined
      }
      const read = readCase(rawCase)
      if (!read) return undefined
      // A case read as written has exactly this line as its JSON; one whose defaults were filled in does not.
      if (read.asWritten) caseJson.set(read.c, Buffer.from(line))
      cases.push(read.c)
    }
    await pause()
  }
  return { ...head, cases }
}

