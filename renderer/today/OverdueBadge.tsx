import { useMemo } from 'react'
import { useAgendaQuery } from '../queries/agenda'
import { overdueText } from './todayText'

/**
 * The sidebar's count of overdue deadlines across the team, on every screen: red while any is late, a quiet 0
 * otherwise, so its absence never has to be read as "none". It counts the entries Today lists as overdue.
 */
export function OverdueBadge() {
  const { data } = useAgendaQuery()
  const count = useMemo(() => data?.reduce((n, e) => (e.state === 'overdue' ? n + 1 : n), 0), [data])
  // Loading or failed: no number rather than a wrong one; Today says what went wrong.
  if (count === undefined) return null
  return (
    <span className={count > 0 ? 'nav-badge' : 'nav-badge nav-badge-none'} role="img" aria-label={overdueText(count)} title={overdueText(count)}>
      {count.toLocaleString()}
    </span>
  )
}
