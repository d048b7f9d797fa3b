import { statusLabels, type CaseStatus } from '../../src/cases/lifecycle'

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`status status-${status}`}>{statusLabels[status]}</span>
}
