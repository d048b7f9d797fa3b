import type { CaseSummary } from '../../src/cases/summary'

/** Orders the list by urgency: overdue first, then by due moment; cases with nothing due come last. */
export function compareNextDeadlines(a: CaseSummary, b: CaseSummary): number {
  return urgency(a) - urgency(b) || (a.nextDeadline?.dueAt ?? '').localeCompare(b.nextDeadline?.dueAt ?? '')
}

function urgency(s: CaseSummary): number {
  if (!s.nextDeadline?.dueAt) return 2
  return s.nextDeadline.state === 'overdue' ? 0 : 1
}
