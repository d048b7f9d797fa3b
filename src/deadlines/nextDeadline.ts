import type { Deadline, DeadlineState } from './deadline'

/** States with a date the team is working towards; a paused clock still has one, it only stands still. */
const counting: readonly DeadlineState[] = ['overdue', 'due_today', 'upcoming', 'paused']

// dueAt is always written by toISOString, so comparing the strings compares the instants.
function moreUrgent(a: Deadline, b: Deadline): boolean {
  const aOverdue = a.state === 'overdue'
  if (aOverdue !== (b.state === 'overdue')) return aOverdue
  return (a.dueAt ?? '') < (b.dueAt ?? '')
}

/** The most urgent deadline still to meet: overdue ones first (the longest overdue), then the earliest due. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  let next: Deadline | undefined
  for (const d of deadlines) {
    if (!counting.includes(d.state) || d.dueAt === null) continue
    if (next === undefined || moreUrgent(d, next)) next = d
  }
  return next
}
