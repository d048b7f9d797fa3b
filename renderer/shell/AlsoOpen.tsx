import { formatRecent } from '../../src/i18n/dates'
import { usePresence } from '../queries/presence'
import { localTimeZone } from '../time/timeZones'

/**
 * "Also open: Sam on sam-laptop since 09:12": who else has the shared store file open, a quiet line in the sidebar;
 * nothing when nobody does. Names and hosts come from other computers: shown as text. Presence is advisory, so a failed
 * question shows nothing rather than a problem.
 */
export function AlsoOpen() {
  const { data: others } = usePresence()
  if (!others || others.length === 0) return null
  const now = Date.now()
  const zone = localTimeZone()
  return (
    <div className="sidebar-fact">
      <span className="sidebar-fact-label">Also open</span>
      {others.map((other, index) => (
        <span key={index}>
          {other.name ?? 'Someone'} on {other.host} since {formatRecent(other.since, zone, 'en', now)}
        </span>
      ))}
    </div>
  )
}
