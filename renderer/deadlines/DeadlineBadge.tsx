import type { DeadlineState } from '../../src/deadlines/deadline'
import { deadlineStateLabels } from '../../src/i18n'
import '../deadlines.css'

/** A deadline's state in words and colour; the words carry the meaning, the colour only helps. */
export function DeadlineBadge({ state, children }: { state: DeadlineState; children?: string }) {
  return <span className={`deadline-badge deadline-badge-${state}`}>{children ?? deadlineStateLabels.en[state]}</span>
}
