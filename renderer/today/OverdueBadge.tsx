import { useMemo } from 'react'
import { useAgendaQuery } from '../queries/agenda'
import { overdueText } from './todayText'

/**
 * The sidebar's count of overdue deadlines across the team, on every screen: a red number while any is late, a quiet
 * tick when none is (a 0 beside "Today" would read as nothing to do today). It counts what Today lists as overdue.
 */
export function OverdueBadge() {
  const { data } = useAgendaQuery()
  const count = useMemo(() => data?.reduce((n, e) => (e.state === 'overdue' ? n + 1 : n), 0), [data])
  // Loading or failed: no number rather than a wrong one; Today says what went wrong.
  if (count === undefined) return null
  const text = overdueText(count)
  if (count === 0) {
    return (
      <span className="nav-badge nav-badge-none" role="img" aria-label={text} title={text}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="m4 8.5 2.5 2.5L12 5.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </span>
    )
  }
  return (
    <span className="nav-badge" role="img" aria-label={text} title={text}>
      {count.toLocaleString()}
    </span>
  )
}
