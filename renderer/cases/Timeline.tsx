import type { Case, TimelineEvent } from '../../src/cases/case'
import { closingReasonLabels, statusLabels } from '../../src/cases/lifecycle'
import { milestoneLabels } from '../../src/policies/policy'
import type { TeamMember } from '../../src/settings/settings'
import { formatDateTime } from '../time/formatDate'
import { useCaseKeys } from './CaseFacts'

const fieldLabels: Record<string, string> = {
  title: 'title',
  reporter: 'reporter',
  received: 'received time',
  channel: 'channel',
  asset: 'affected asset',
  reportText: 'report text',
  severity: 'severity',
  assigneeId: 'assignee',
  tags: 'tags',
  credit: 'credit',
  reward: 'reward',
  policyId: 'policy',
}

/** Everything that happened to the case, oldest first, each with who did it and when. */
export function Timeline({ kase, team }: { kase: Case; team: TeamMember[] }) {
  const caseKeyOf = useCaseKeys()
  const who = (by: string) => team.find((m) => m.id === by)?.name ?? (by || 'Someone')
  return (
    <ol className="timeline" aria-label="Timeline">
      {kase.timeline.map((event) => (
        <li key={event.id} className={`timeline-event timeline-${event.type}`}>
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-meta">
              <span className="timeline-who">{who(event.by)}</span>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </div>
            <EventText event={event} kase={kase} who={who} caseKeyOf={caseKeyOf} />
          </div>
        </li>
      ))}
    </ol>
  )
}

function EventText({
  event,
  kase,
  who,
  caseKeyOf,
}: {
  event: TimelineEvent
  kase: Case
  who(id: string): string
  caseKeyOf(id: string): string
}) {
  switch (event.type) {
    case 'created':
      return <p className="timeline-what">Opened the case{kase.sample ? ' (sample)' : ''}</p>
    case 'field_changed': {
      const value = (v: string) => (event.field === 'assigneeId' && v !== '(none)' ? who(v) : v)
      return (
        <p className="timeline-what">
          Changed the {fieldLabels[event.field] ?? event.field} from <span className="timeline-value">{value(event.from)}</span>{' '}
          to <span className="timeline-value">{value(event.to)}</span>
        </p>
      )
    }
    case 'status_changed':
      return (
        <>
          <p className="timeline-what">
            Moved from {statusLabels[event.from]} to <strong>{statusLabels[event.to]}</strong>
            {event.closingReason && ` (${closingReasonLabels[event.closingReason]}`}
            {event.duplicateOf && ` of ${caseKeyOf(event.duplicateOf)}`}
            {event.closingReason && ')'}
          </p>
          {event.comment && <p className="timeline-text">{event.comment}</p>}
        </>
      )
    case 'note':
      return <p className="timeline-text timeline-note">{event.text}</p>
    case 'milestone':
      return (
        <>
          <p className="timeline-what">
            <strong>{milestoneLabels[event.milestone]}</strong> on <time dateTime={event.on}>{formatDateTime(event.on)}</time>
          </p>
          {event.comment && <p className="timeline-text">{event.comment}</p>}
        </>
      )
    case 'calendar_repinned':
      return <p className="timeline-what">Re-pinned the case to the team’s current holiday calendar</p>
  }
}
