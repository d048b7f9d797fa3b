import { z } from 'zod'
import { Case } from '../cases/case'
import { nextCaseKey } from '../cases/caseKey'
import { DeskError } from '../errors'
import { sampleCases } from '../samples/sampleCases'
import type { StoreDocument } from '../store/document'
import type { CommandContext, Outcome } from './context'
import { keyYear } from './createCase'

export const LoadSamples = z.object({ type: z.literal('samples.load') })
export type LoadSamples = z.input<typeof LoadSamples>
export const RemoveSamples = z.object({ type: z.literal('samples.remove') })
export type RemoveSamples = z.input<typeof RemoveSamples>

/** Adds the demo cases once, dated relative to now, on today's calendar and default policy, numbered like real cases. */
export function loadSamples(doc: StoreDocument, _cmd: LoadSamples, ctx: CommandContext): Outcome<{ added: number }> {
  if (doc.cases.some((c) => c.sample)) return { document: doc, result: { added: 0 }, events: [] }
  const keys = doc.cases.map((c) => c.key)
  const samples = sampleCases({
    now: ctx.now,
    newId: () => ctx.newId(),
    calendar: doc.settings.calendar,
    policyId: doc.settings.defaultPolicyId,
    actor: ctx.actor,
  }).map((sample) => {
    const key = nextCaseKey(keys, keyYear(sample.received.at))
    keys.push(key)
    const parsed = Case.safeParse({ ...sample, key })
    // The samples are ours: one that does not validate is a bug in them, not something the user can fix.
    if (!parsed.success) throw new DeskError('internal', `The sample case “${sample.title}” is not valid (${parsed.error.issues[0]?.message}).`)
    return parsed.data
  })
  return { document: { ...doc, cases: [...doc.cases, ...samples] }, result: { added: samples.length }, events: [{ type: 'cases.changed' }] }
}

/** Deletes every demo case, and nothing else. */
export function removeSamples(doc: StoreDocument, _cmd: RemoveSamples, _ctx: CommandContext): Outcome<{ removed: number }> {
  const cases = doc.cases.filter((c) => !c.sample)
  const removed = doc.cases.length - cases.length
  if (removed === 0) return { document: doc, result: { removed }, events: [] }
  return { document: { ...doc, cases }, result: { removed }, events: [{ type: 'cases.changed' }] }
}
