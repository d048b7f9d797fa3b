import type { CaseStatus } from '../../src/cases/lifecycle'
import { statusLabels } from '../../src/i18n/labels'

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`status status-${status}`}>{statusLabels.en[status]}</span>
}
