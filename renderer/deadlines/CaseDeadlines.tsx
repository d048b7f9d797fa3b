import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import type { Case } from '../../src/cases/case'
import type { Deadline } from '../../src/deadlines/deadline'
import { formatForZone } from '../../src/deadlines/zonedTime'
import { usePlaces } from '../calendar/usePlaces'
import { call } from '../desk'
import { usePolicies } from '../policies/usePolicies'
import { useProblems } from '../shell/Problems'
import { DeadlineBadge } from './DeadlineBadge'
import { PinnedCalendar } from './PinnedCalendar'

/**
 * What the policy promised on this case and by when, each with how its date was counted and the sentence it comes
 * from. Deadlines are derived, never stored: they are fetched again whenever the case changes.
 */
export function CaseDeadlines({ kase, onCaseChange }: { kase: Case; onCaseChange(next: Case): void }) {
  const { report } = useProblems()
  const { policies } = usePolicies()
  const [deadlines, setDeadlines] = useState<Deadline[] | null>(null)
  const [failed, setFailed] = useState(false)
  const teamZone = useTeamZone(kase)

  useEffect(() => {
    let current = true
    call((desk) => desk.deadlines.ofCase({ id: kase.id })).then(
      (list) => {
        if (!current) return
        setDeadlines(list)
        setFailed(false)
      },
      (error) => {
        if (!current) return
        setFailed(true)
        report(error)
      },
    )
    return () => {
      current = false
    }
  }, [kase.id, kase.revision, kase.updatedAt, report])

  const policy = policies?.find((p) => p.id === kase.policyId)
  const repeatingRules = new Set(policy?.rules.filter((r) => r.repeatsUntil !== undefined).map((r) => r.id))
  return (
    <section className="card case-deadlines" aria-labelledby="deadlines-title">
      <div className="case-deadlines-head">
        <h2 id="deadlines-title">Deadlines</h2>
        <p className="small muted">
          Promised under{' '}
          <Link to={`/policies/${encodeURIComponent(kase.policyId)}`}>{policy?.name ?? kase.policyId}</Link>
        </p>
      </div>
      <PinnedCalendar kase={kase} onCaseChange={onCaseChange} />
      {failed ? (
        <p className="muted">The deadlines could not be counted; the reason is shown above.</p>
      ) : !deadlines || !teamZone ? (
        <p className="muted" aria-busy="true">
          Counting deadlines…
        </p>
      ) : deadlines.length === 0 ? (
        <p className="muted">This policy makes no promises with deadlines.</p>
      ) : (
        <ol className="deadline-list" aria-label="Deadlines">
          {deadlines.map((d) => (
            <DeadlineItem
              key={`${d.ruleId}-${d.occurrence}`}
              deadline={d}
              repeats={repeatingRules.has(d.ruleId)}
              teamZone={teamZone}
              reporterZone={kase.received.timeZone}
            />
          ))}
        </ol>
      )}
    </section>
  )
}

/** The zone the case's dates are counted in: the pinned one, or the place's own when the pin names none. */
function useTeamZone(kase: Case): string | null {
  const { country, state, timeZone } = kase.calendar.spec
  const places = usePlaces(timeZone ? undefined : country, timeZone ? undefined : state)
  return timeZone ?? places?.timeZone ?? null
}

function DeadlineItem({
  deadline: d,
  repeats,
  teamZone,
  reporterZone,
}: {
  deadline: Deadline
  repeats: boolean
  teamZone: string
  reporterZone: string
}) {
  const title = repeats || d.occurrence > 1 ? `${d.label} #${d.occurrence}` : d.label
  const due = d.dueAt === null ? null : formatForZone(Date.parse(d.dueAt), teamZone)
  return (
    <li className={`deadline deadline-${d.state}`} aria-label={title}>
      <div className="deadline-head">
        <h3 className="deadline-title">{title}</h3>
        <DeadlineBadge state={d.state} />
      </div>
      <dl className="deadline-when">
        <dt>Due</dt>
        <dd>{due ?? <span className="muted">{notCountingText(d)}</span>}</dd>
        {d.dueAtReporter && reporterZone !== teamZone && (
          <>
            <dt>Reporter’s time</dt>
            <dd>{d.dueAtReporter}</dd>
          </>
        )}
        {d.metAt && (
          <>
            <dt>Met</dt>
            <dd>{formatForZone(Date.parse(d.metAt), teamZone)}</dd>
          </>
        )}
      </dl>
      <p className="deadline-explanation">{d.explanation}</p>
      <blockquote className="policy-quote">{d.quote}</blockquote>
      {d.reading && (
        <p className="deadline-reading">
          <strong>Our reading:</strong> {d.reading}
        </p>
      )}
    </li>
  )
}

function notCountingText(d: Deadline): string {
  if (d.state === 'waiting') return 'Not counting yet'
  if (d.state === 'not_applicable') return 'No longer due'
  return 'No time limit'
}
