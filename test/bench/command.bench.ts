import { runCommand } from '../../src/commands'
import type { CommandContext } from '../../src/commands/context'
import { emptyDocument, type StoreDocument } from '../../src/store/document'
import { realisticCases } from './fixtures/realisticCases'
import { median } from './fixtures/median'

const warmUps = 5
const runs = 21


/**
 * One command on a document of 10,000 realistic cases, without the file write: what a click costs before the save. A
 * command that copied or validated the whole document would take about as long as opening it (hundreds of ms).
 */
export default async function commandBench(): Promise<Record<string, unknown>[]> {
  let doc: StoreDocument = { ...emptyDocument(), cases: realisticCases(10_000, 2026) }
  const caseId = doc.cases[5_000]!.id
  let ids = 0
  const context: CommandContext = { now: new Date('2026-03-04T09:30:00.000Z'), actor: { name: 'You' }, newId: () => `bench-${ids++}` }
  const ms: number[] = []
  for (let i = 0; i < warmUps + runs; i++) {
    const start = performance.now()
    doc = runCommand(doc, { type: 'case.addNote', caseId, text: `Called the reporter back, attempt ${i + 1}.` }, context).document
    if (i >= warmUps) ms.push(performance.now() - start)
  }
  return [{ name: 'command-10k', command: 'case.addNote', ms: Math.round(median(ms) * 100) / 100 }]
}
