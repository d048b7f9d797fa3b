import { z } from 'zod'
import type { Case } from '../cases/case'
import { Transition } from '../cases/lifecycle'
import { Deadline, deadlinesOf, type DeadlineState } from '../deadlines'
import { DeskError } from '../errors'
import type { Policy } from '../policies/policy'
import { applyTransition, movedCase } from './statusMove'

/** What a status move does to the promises still open on a case; the confirm dialog lists them. */
export const TransitionPreview = z.object({
  /** Promises still open now that the move would leave broken (overdue) or moot (not applicable), as they are now. */
  openPromises: z.array(Deadline),
  /** Of those, the ones overdue after the move, as they will be. */
  becomeOverdue: z.array(Deadline),
  /** Of those, the ones not applicable after the move, as they will be. */
  becomeNotApplicable: z.array(Deadline),
})
export type TransitionPreview = z.infer<typeof TransitionPreview>

const stillOpen: ReadonlySet<DeadlineState> = new Set(['open', 'upcoming', 'due_today', 'overdue', 'paused', 'waiting'])

/** Deadlines are matched on their rule and occurrence only: the fields that stay whatever else a Deadline carries. */
const keyOf = (d: Deadline) => `${d.ruleId}#${d.occurrence}`

function promiseDiff(before: readonly Deadline[], after: readonly Deadline[]): TransitionPreview {
  const afterByKey = new Map(after.map((d) => [keyOf(d), d]))
  const preview: TransitionPreview = { openPromises: [], becomeOverdue: [], becomeNotApplicable: [] }
  for (const d of before) {
    const next = afterByKey.get(keyOf(d))
    if (!stillOpen.has(d.state) || !next) continue
    if (next.state === 'overdue') preview.becomeOverdue.push(next)
    else if (next.state === 'not_applicable') preview.becomeNotApplicable.push(next)
    else continue
    preview.openPromises.push(d)
  }
  return preview
}

const noOpenPromises = (): TransitionPreview => ({ openPromises: [], becomeOverdue: [], becomeNotApplicable: [] })

/**
 * The promises a move from `before` to `after` leaves open. A case whose deadlines cannot be counted (its policy gone,
 * its pinned calendar or a zone unusable) has no promise known to be open: a bad value in one place must not hold up
 * the move, and the case screen shows the counting problem where its deadlines go.
 */
function openPromisesOf(before: Case, after: Case, policy: Policy | undefined, now: Date, explain: boolean): TransitionPreview {
  if (!policy) return noOpenPromises()
  let was: Deadline[]
  try {
    was = deadlinesOf(before, policy, now, { explain })
  } catch (error) {
    // deadlinesOf refuses a case it cannot count as invalid_input; the move changes neither its calendar nor its zones.
    if (error instanceof DeskError && error.code === 'invalid_input') return noOpenPromises()
    throw error
  }
  return promiseDiff(was, deadlinesOf(after, policy, now, { explain }))
}

/** Counts the case's deadlines before and after the move (applied to a copy); nothing is stored. */
export function previewTransition(c: Case, policy: Policy | undefined, transition: Transition, now: Date, explain = true): TransitionPreview {
  let n = 0
  const ctx = { now, actor: {}, newId: () => `preview-${++n}` }
  // The lifecycle's refusals (a move not allowed, a field of the move) reach the screen as they are.
  const move = applyTransition(c, Transition.parse(transition), ctx, (ref) => ref)
  return openPromisesOf(c, movedCase(c, move), policy, now, explain)
}

/**
 * Publishing or closing a case breaks or ends the promises still open (credit not confirmed, reporter not consulted):
 * refused with 'needs_confirmation' until the person has seen them and confirms.
 */
export function refuseOpenPromises(before: Case, after: Case, policy: Policy | undefined, now: Date): void {
  const { openPromises, becomeOverdue, becomeNotApplicable } = openPromisesOf(before, after, policy, now, false)
  if (openPromises.length === 0) return
  const count = (n: number, what: string) => `${n} ${n === 1 ? 'promise' : 'promises'} ${what}`
  const parts = [
    becomeOverdue.length > 0 ? count(becomeOverdue.length, 'would be broken') : '',
    becomeNotApplicable.length > 0 ? count(becomeNotApplicable.length, 'would no longer apply') : '',
  ].filter(Boolean)
  throw new DeskError(
    'needs_confirmation',
    `${before.key} still has open promises to the reporter: ${parts.join(' and ')}. Look at them and confirm to go ahead; nothing was changed.`,
  )
}
