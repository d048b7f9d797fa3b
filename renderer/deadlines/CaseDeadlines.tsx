import { Link } from 'react-router'
import type { Case } from '../../src/cases/case'
import type { Deadline } from '../../src/deadlines/deadline'
import type { TemplateEntry } from '../../src/drafts/catalog'
import { templateForDeadline } from '../../src/drafts/templateFor'
import { deadlineText, formatForZone, undatedText } from '../../src/i18n'
import { dateInZone } from '../../src/time'
import { messageOf } from '../desk'
import { draftLinkOf, draftPath } from '../drafts/draftState'
import { usePolicies } from '../policies/usePolicies'
import { useDeadlines } from '../queries/cases'
import { useTemplates } from '../queries/templates'
import '../drafts/drafts.css'
import { DeadlineBadge } from './DeadlineBadge'
import { PinnedCalendar } from './PinnedCalendar'

/**
 * What the policy promised on this case and by when, each with how its date was counted and the sentence it comes
 * from. Deadlines are derived, never stored: the query cache counts them again whenever the case or the day changes.
 * A case that cannot be counted (its policy gone, its pinned calendar unusable) says why here.
 */
export function CaseDeadlines({ kase, onCaseChange }: { kase: Case; onCaseChange(next: Case): void }) {
  const deadlines = useDeadlines(kase.id)
  const templates = useTemplates().data
  const { policies } = usePolicies()
  const policy = policies?.find((p) => p.id === kase.policyId)
  const policyGone = policies !== null && policy === undefined
  return (
    <section className="card case-deadlines" aria-labelledby="deadlines-title">
      <div className="case-deadlines-head">
        <h2 id="deadlines-title">Deadlines</h2>
        <p className="small muted">
          {/* Until the policies are in, nothing; a policy that is gone is said in words, never by its id. */}
          {policy ? (
            <>
              Promised under <Link to={`/policies/${encodeURIComponent(policy.id)}`}>{policy.name}</Link>
            </>
          ) : (
            policyGone && 'Promised under a policy that no longer exists'
          )}
        </p>
      </div>
      <PinnedCalendar kase={kase} onCaseChange={onCaseChange} />
      {deadlines.error ? (
        <p className="problem" role="alert">
          {/* Main's refusal names the policy by its id; the screen says it in words. */}
          <span className="problem-message">
            {policyGone ? 'These deadlines cannot be counted: the case’s policy no longer exists. Edit the case and choose another policy.' : messageOf(deadlines.error)}
          </span>
        </p>
      ) : !deadlines.data ? (
        <p className="muted" aria-busy="true">
          Counting deadlines…
        </p>
      ) : deadlines.data.length === 0 ? (
        <p className="muted">This policy makes no promises with deadlines.</p>
      ) : (
        <ol className="deadline-list" aria-label="Deadlines">
          {deadlines.data.map((d) => (
            <DeadlineItem key={`${d.ruleId}-${d.occurrence}`} caseId={kase.id} deadline={d} templates={templates} />
          ))}
        </ol>
      )}
    </section>
  )
}

/** One promise, in English: the screens' language. The reporter's language is for what is sent to them. */
function DeadlineItem({ caseId, deadline: d, templates }: { caseId: string; deadline: Deadline; templates: readonly TemplateEntry[] | undefined }) {
  const { label, explanation, dueAtReporter, stateLabel } = deadlineText(d, 'en')
  // Until the templates are in, no link; a deadline no template fits offers none.
  const draft = templates && draftLinkOf(d, templateForDeadline(d, templates), dateInZone(Date.now(), d.teamZone))
  const title = d.repeats ? `${label} #${d.occurrence}` : label
  const due = d.dueAt === null ? null : formatForZone(d.dueAt, d.teamZone, 'en')
  return (
    <li className={`deadline deadline-${d.state}`} aria-label={title}>
      <div className="deadline-head">
        <h3 className="deadline-title">{title}</h3>
        {/* A promised date that passed says 'Slipped': the team's commitment, not a deadline of the policy. */}
        <DeadlineBadge state={d.state}>{stateLabel}</DeadlineBadge>
      </div>
      <dl className="deadline-when">
        <dt>Due</dt>
        <dd>{due ?? <span className="muted">{undatedText(d.state, 'en')}</span>}</dd>
        {dueAtReporter && d.reporterZone !== d.teamZone && (
          <>
            <dt>Reporter’s time</dt>
            <dd>{dueAtReporter}</dd>
          </>
        )}
        {d.kept && (
          <>
            <dt>Met</dt>
            <dd>{formatForZone(d.kept.at, d.teamZone, 'en')}</dd>
          </>
        )}
      </dl>
      <p className="deadline-explanation">{explanation}</p>
      <blockquote className="policy-quote">{d.quote}</blockquote>
      {d.reading && (
        <p className="deadline-reading">
          <strong>Our reading:</strong> {d.reading}
        </p>
      )}
      {draft && (
        <p className="deadline-draft">
          <Link className="button" to={draftPath(caseId, { template: draft.template, deadline: d })}>
            {draft.text}
          </Link>
        </p>
      )}
    </li>
  )
}
