import type { IsoDate } from '../calendar/spec'
import { Milestone, type Policy } from '../policies/policy'
import type { Case, ZonedInstant } from './case'
import { allowedTransitions, milestoneOfStatus, statusAfterMilestone, type CaseStatus } from './lifecycle'
import type { TimelineEventOf } from './timeline'

type Correctable = TimelineEventOf<'milestone'> | TimelineEventOf<'note'>

/** A milestone or note as it stands after every correction of it; `withdrawn` when it no longer counts. */
export type EffectiveEntry = Correctable & { withdrawn: boolean; corrected: boolean }

/**
 * The milestone or note `eventId` as it stands now: the timeline is append-only, so the latest correction's values
 * replace the ones recorded, and a withdrawal takes it out of the count. Undefined for any other kind of event.
 */
export function effectiveEntry(c: Case, eventId: string): EffectiveEntry | undefined {
  const original = c.timeline.find((e) => e.id === eventId)
  if (!original || (original.type !== 'milestone' && original.type !== 'note')) return undefined
  let entry: EffectiveEntry = { ...original, withdrawn: false, corrected: false }
  for (const e of c.timeline) {
    if (e.type === 'event_withdrawn' && e.eventId === eventId) entry = { ...entry, withdrawn: true }
    if (e.type === 'event_corrected' && e.eventId === eventId) {
      entry =
        entry.type === 'milestone'
          ? { ...entry, corrected: true, on: e.on ?? entry.on, comment: e.comment ?? entry.comment }
          : { ...entry, corrected: true, text: e.text ?? entry.text }
    }
  }
  return entry
}

/**
 * When each milestone happened (its `on`, not when it was recorded), earliest first, after corrections and
 * withdrawals. Choosing the reporter's credit (anything but 'not_asked') is what confirms it, so that change counts as
 * `credit_confirmed` at the moment it was made; setting the credit back to 'not_asked' takes those moments back.
 * Called once per case per count of ten thousand cases, so it walks the timeline twice and allocates little.
 */
export function milestoneTimes(c: Case): ReadonlyMap<Milestone, readonly number[]> {
  let corrected: Map<string, string> | undefined
  let withdrawn: Set<string> | undefined
  for (const e of c.timeline) {
    if (e.type === 'event_corrected' && e.on !== undefined) (corrected ??= new Map()).set(e.eventId, e.on)
    else if (e.type === 'event_withdrawn') (withdrawn ??= new Set()).add(e.eventId)
  }
  const times = new Map<Milestone, number[]>()
  const add = (m: Milestone, at: number) => {
    const list = times.get(m)
    if (list) list.push(at)
    else times.set(m, [at])
  }
  let creditChosen: number[] = []
  for (const e of c.timeline) {
    if (e.type === 'milestone') {
      if (withdrawn?.has(e.id)) continue
      add(e.milestone, Date.parse(corrected?.get(e.id) ?? e.on))
    } else if (e.type === 'field_changed' && e.field === 'credit') {
      if (e.to.choice === 'not_asked') creditChosen = []
      else if (e.from.choice === 'not_asked') creditChosen.push(Date.parse(e.at))
    }
  }
  for (const at of creditChosen) add('credit_confirmed', at)
  for (const list of times.values()) list.sort((a, b) => a - b)
  return times
}

/** The latest status move on the case, the only one that can be reverted. */
export function latestStatusMove(c: Case): TimelineEventOf<'status_changed'> | undefined {
  for (let i = c.timeline.length - 1; i >= 0; i--) {
    const e = c.timeline[i]!
    if (e.type === 'status_changed') return e
  }
  return undefined
}

/**
 * The status moves that stand: a move made by mistake and the move that reverted it are both left out, so that
 * moving a case to needs_info by mistake and back stops no clock.
 */
export function standingStatusChanges(c: Case): TimelineEventOf<'status_changed'>[] {
  const changes: TimelineEventOf<'status_changed'>[] = []
  let reverted: Set<string> | undefined
  for (const event of c.timeline) {
    if (event.type !== 'status_changed') continue
    changes.push(event)
    if (event.reverts !== undefined) (reverted ??= new Set()).add(event.reverts).add(event.id)
  }
  return reverted === undefined ? changes : changes.filter((change) => !reverted.has(change.id))
}

/**
 * The status move that says the same as milestone event `eventId` (its `milestoneEvent`: the move recorded it, or
 * recording it made the move) and still stands, not taken back; undefined when no move is linked to it.
 */
export function linkedStatusMove(c: Case, eventId: string): TimelineEventOf<'status_changed'> | undefined {
  return standingStatusChanges(c).find((move) => move.milestoneEvent === eventId)
}

/**
 * Milestones that happen more than once: progress updates, and whatever else a repeating rule of the policy is met
 * by. Every other milestone happens once; a wrong time is corrected, not recorded again.
 */
function repeatableMilestones(policy: Policy | undefined): ReadonlySet<Milestone> {
  const repeatable = new Set<Milestone>(['progress_update_sent'])
  for (const rule of policy?.rules ?? []) if (rule.repeatsUntil !== undefined) repeatable.add(rule.metBy)
  return repeatable
}

/** Every status but Closed, in the lifecycle's natural order. */
const open: readonly CaseStatus[] = ['received', 'acknowledged', 'needs_info', 'evaluating', 'accepted', 'resolved', 'published']

/**
 * Where each milestone can be recorded: the statuses from which it can happen next, or that lie past it (recorded
 * afterwards, with the time it happened), and the milestone that must count first. A milestone paired with a status
 * (lifecycle's statusMilestones) is offered from the status its recording moves on, and in every status past the one it
 * stands for: an acknowledgement from Received on, the evaluation from Evaluating, the fix from Accepted, publication
 * from Resolved. Progress updates start once the evaluation went out and end with publication. A consultation about
 * publication can happen any time before it (and be recorded once it is out). A closed case takes only the reward
 * decision, which bug bounties often settle after closing; the rest needs the case reopened. Credit is confirmed by
 * choosing it on the case, never here.
 */
export const milestoneWindows: Readonly<Record<Milestone, { statuses: readonly CaseStatus[]; after?: Milestone }>> = {
  acknowledgement_sent: { statuses: open },
  evaluation_sent: { statuses: ['evaluating', 'accepted', 'resolved', 'published'] },
  progress_update_sent: { statuses: ['needs_info', 'evaluating', 'accepted', 'resolved'], after: 'evaluation_sent' },
  fix_released: { statuses: ['accepted', 'resolved', 'published'] },
  publication_consulted: { statuses: open },
  published: { statuses: ['resolved', 'published'] },
  credit_confirmed: { statuses: [] },
  reward_decided: { statuses: [...open, 'closed'], after: 'evaluation_sent' },
}

/** Why `milestone` cannot be recorded on the case now; the command words it for the person. */
export type MilestoneBlock =
  | { reason: 'credit_on_case' }
  | { reason: 'already_recorded' }
  | { reason: 'not_in_status'; status: CaseStatus; from: CaseStatus }
  | { reason: 'needs_first'; milestone: Milestone }

/**
 * The one rule of what can be recorded next, shared by the picker (nextMilestones) and the command that records
 * (recordMilestone): the milestone's window (milestoneWindows), and a milestone that happens once only while it does not
 * count yet. Undefined when it can be recorded.
 */
export function milestoneBlock(
  c: Case,
  policy: Policy | undefined,
  milestone: Milestone,
  recorded: ReadonlyMap<Milestone, readonly number[]> = milestoneTimes(c),
): MilestoneBlock | undefined {
  if (milestone === 'credit_confirmed') return { reason: 'credit_on_case' }
  const window = milestoneWindows[milestone]
  const inStatus = window.statuses.includes(c.status)
  const notInStatus = { reason: 'not_in_status', status: c.status, from: window.statuses[0]! } as const
  const missing = window.after !== undefined && !recorded.has(window.after)
  // A closed case records nothing new before it is reopened; an open one is told first what must count before.
  if (c.status === 'closed' && (!inStatus || missing)) return notInStatus
  if (missing) return { reason: 'needs_first', milestone: window.after! }
  if (!inStatus) return notInStatus
  if (recorded.has(milestone) && !repeatableMilestones(policy).has(milestone)) return { reason: 'already_recorded' }
  return undefined
}

/** Statuses a case is never moved into on its own: closing, publishing and waiting for the reporter are the team's call. */
const deliberate: ReadonlySet<CaseStatus> = new Set(['closed', 'published', 'needs_info'])

/**
 * The status moves, in order, that bring a case outside the window of `milestone` (milestoneBlock's not_in_status)
 * into it, so that an email saying the milestone happened can count it: an evaluation emailed from Acknowledged moves
 * the case to Evaluating first, and recording the evaluation then moves it on to Accepted. The shortest way by legal
 * moves that claim nothing else happened: never out of Closed (reopening is a decision), never into Closed, Published
 * or Needs info, and never into a status that says a milestone happened that does not count (Accepted says the
 * evaluation went out). Undefined when the case is in the window already or no such way leads there.
 */
export function movesIntoWindow(
  c: Case,
  milestone: Milestone,
  recorded: ReadonlyMap<Milestone, readonly number[]> = milestoneTimes(c),
): CaseStatus[] | undefined {
  const window = milestoneWindows[milestone].statuses
  if (c.status === 'closed' || window.includes(c.status)) return undefined
  const passable = (s: CaseStatus) => {
    const says = milestoneOfStatus(s)
    return !deliberate.has(s) && (says === undefined || recorded.has(says))
  }
  const paths = new Map<CaseStatus, CaseStatus[]>([[c.status, []]])
  const queue: CaseStatus[] = [c.status]
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const to of allowedTransitions(from)) {
      if (paths.has(to) || !passable(to)) continue
      const path = [...paths.get(from)!, to]
      if (window.includes(to)) return path
      paths.set(to, path)
      queue.push(to)
    }
  }
  return undefined
}

/**
 * How the case takes `milestone` when something says it happened (an email marked as sent): the moves into the
 * milestone's window first (movesIntoWindow), then the status that recording it moves to (statusMilestones), if any.
 * `blocked` when the case cannot take it; the email is recorded all the same.
 */
export function milestonePath(
  c: Case,
  policy: Policy | undefined,
  milestone: Milestone,
): { moves: CaseStatus[]; then: CaseStatus | undefined } | { blocked: MilestoneBlock } {
  const block = milestoneBlock(c, policy, milestone)
  if (!block) return { moves: [], then: statusAfterMilestone(c.status, milestone) }
  const moves = block.reason === 'not_in_status' ? movesIntoWindow(c, milestone) : undefined
  const last = moves?.at(-1)
  if (!moves || !last || milestoneBlock({ ...c, status: last }, policy, milestone)) return { blocked: block }
  return { moves, then: statusAfterMilestone(last, milestone) }
}

/** What can be recorded next on the case (the milestone picker), in the lifecycle's order. */
export function nextMilestones(c: Case, policy: Policy | undefined): Milestone[] {
  const recorded = milestoneTimes(c)
  return Milestone.options.filter((m) => milestoneBlock(c, policy, m, recorded) === undefined)
}

/** The expected resolution date the reporter was told last, the event that told them, and the dates told before it. */
export interface ExpectedResolution {
  date: IsoDate
  eventId: string
  /** Earlier promised dates, oldest first, each once, not repeating `date`: a renegotiated date stays visible. */
  earlier: IsoDate[]
}

/**
 * The commitment on the case: the latest resolution_promised that is not withdrawn counts; the earlier ones stay as
 * history. Undefined when nothing was promised. One pass over the timeline: deadlinesOf calls it for every case.
 */
export function expectedResolution(c: Case): ExpectedResolution | undefined {
  let promises: TimelineEventOf<'resolution_promised'>[] | undefined
  let withdrawn: Set<string> | undefined
  for (const e of c.timeline) {
    if (e.type === 'resolution_promised') (promises ??= []).push(e)
    else if (e.type === 'event_withdrawn') (withdrawn ??= new Set()).add(e.eventId)
  }
  const standing = withdrawn === undefined ? promises : promises?.filter((p) => !withdrawn.has(p.id))
  const latest = standing?.at(-1)
  if (!standing || !latest) return undefined
  const earlier = [...new Set(standing.slice(0, -1).map((p) => p.date))].filter((date) => date !== latest.date)
  return { date: latest.date, eventId: latest.id, earlier }
}

/** The publication moment last proposed to the reporter and not withdrawn, with its zone; undefined when none stands. */
export function plannedPublication(c: Case): ZonedInstant | undefined {
  const withdrawn = new Set(c.timeline.flatMap((e) => (e.type === 'event_withdrawn' ? [e.eventId] : [])))
  return c.timeline.findLast(
    (e): e is TimelineEventOf<'publication_proposed'> => e.type === 'publication_proposed' && !withdrawn.has(e.id),
  )?.publication
}

/** The emails marked as sent on the case, oldest first. */
export function emailEvents(c: Case): TimelineEventOf<'email_sent'>[] {
  return c.timeline.filter((e): e is TimelineEventOf<'email_sent'> => e.type === 'email_sent')
}
