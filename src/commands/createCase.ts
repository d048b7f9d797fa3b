import { z } from 'zod'
import { Case, CaseInput, Credit, Reward } from '../cases/case'
import { nextCaseKey } from '../cases/caseKey'
import { DeskError, parseInput, userWords } from '../errors'
import type { StoreDocument } from '../store/document'
import type { CommandContext, Outcome } from './context'
import { eventStamp } from './caseChange'
import { assignableMember, knownPolicy } from './references'
import { checkReceived } from './timeRules'

export const CreateCase = z.object({ type: z.literal('case.create'), input: CaseInput })
export type CreateCase = z.input<typeof CreateCase>

/** The year of a key is the year as written in the reporter's zone: a report of 31 Dec 23:30 +01:00 belongs to that year. */
export const keyYear = (receivedAt: string) => Number(receivedAt.slice(0, 4))

/** Opens a case in Received, following the default policy unless it names one, on today's team calendar. */
export function createCase(doc: StoreDocument, cmd: CreateCase, ctx: CommandContext): Outcome<Case> {
  const fields = parseInput(CaseInput, cmd.input, 'The case')
  checkReceived(fields.received, ctx.now)
  const policyId = fields.policyId ?? doc.settings.defaultPolicyId
  knownPolicy(doc, policyId)
  if (fields.assigneeId !== undefined) assignableMember(doc, fields.assigneeId)
  const stamp = eventStamp(ctx)
  const parsed = Case.safeParse(
    {
      ...fields,
      id: ctx.newId(),
      key: nextCaseKey(
        doc.cases.map((c) => c.key),
        keyYear(fields.received.at),
      ),
      status: 'received',
      credit: Credit.parse({}),
      reward: Reward.parse({}),
      policyId,
      calendar: doc.settings.calendar,
      timeline: [{ ...stamp, type: 'created' }],
      sample: false,
      revision: 1,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    },
    { error: userWords },
  )
  if (!parsed.success) throw DeskError.fromZod(parsed.error, 'The case')
  const created = parsed.data
  return { document: { ...doc, cases: [...doc.cases, created] }, result: created, events: [{ type: 'case.changed', caseId: created.id }] }
}
