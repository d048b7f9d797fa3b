import type { DeadlineState } from '../../src/deadlines/deadline'
import { deadlineStateLabels } from '../../src/i18n'
import '../deadlines.css'

/**
 * A deadline's state in words and colour; the words carry the meaning, the colour only helps. Callers with the whole
 * deadline pass deadlineText's stateLabel, so a slipped promise reads 'Slipped' rather than the state's 'Overdue'.
 */
export function DeadlineBadge({ state, children }: { state: DeadlineState; children?: string }) {
  return <span className={`deadline-badge deadline-badge-${state}`}>{children ?? deadlineStateLabels.en[state]}</span>
}
