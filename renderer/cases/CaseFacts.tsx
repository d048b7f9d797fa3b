import { useCallback } from 'react'
import { Link } from 'react-router'
import type { Case } from '../../src/cases/case'
import { formatForZone } from '../../src/i18n/dates'
import { channelLabels, creditChoiceLabels, cveCreditTypeLabels, languageNames, rewardStatusLabels } from '../../src/i18n/labels'
import type { TeamMember } from '../../src/settings/settings'
import { ExternalLink } from '../links/ExternalLink'
import { memberName } from '../settings/members'
import { useCaseSummaries } from './CaseSummaries'
import { SeverityBadge } from './SeverityBadge'

// The read-only cards beside the report. Every value is plain text: a reporter may have typed anything.

export function DetailsCard({ kase, team }: { kase: Case; team: TeamMember[] }) {
  const { severity } = kase
  const caseKeyOf = useCaseKeys()
  return (
    <section className="card" aria-labelledby="facts-details">
      <h2 id="facts-details">Details</h2>
      <dl className="facts">
        <dt>Received</dt>
        <dd>{formatForZone(kase.received.at, kase.received.timeZone, 'en')}</dd>
        <dt>Channel</dt>
        <dd>{channelLabels.en[kase.channel ?? 'email']}</dd>
        <dt>Asset</dt>
        <dd>{kase.asset || <span className="muted">Not named</span>}</dd>
        <dt>Severity</dt>
        <dd>
          <SeverityBadge
            rating={severity && severity.kind !== 'unrated' ? severity.rating : undefined}
            score={severity?.kind === 'cvss' ? severity.score : undefined}
          />
          {severity?.kind === 'cvss' && <div className="mono small break">{severity.vector}</div>}
        </dd>
        <dt>Assignee</dt>
        <dd>{memberName(team, kase.assigneeId) || <span className="muted">Unassigned</span>}</dd>
        <dt>Tags</dt>
        <dd>
          {kase.tags && kase.tags.length > 0 ? (
            <span className="tags">
              {kase.tags.map((t) => (
                <span key={t} className="pill">
                  {t}
                </span>
              ))}
            </span>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        {kase.duplicateOf && (
          <>
            <dt>Duplicate of</dt>
            <dd>
              <Link className="mono" to={`/cases/${kase.duplicateOf}`}>
                {caseKeyOf(kase.duplicateOf)}
              </Link>
            </dd>
          </>
        )}
      </dl>
    </section>
  )
}

export function ReporterCard({ kase }: { kase: Case }) {
  const { reporter } = kase
  return (
    <section className="card" aria-labelledby="facts-reporter">
      <h2 id="facts-reporter">Reporter</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{reporter.name}</dd>
        <dt>Email</dt>
        <dd className="break">
          <ExternalLink url={`mailto:${reporter.email}`}>{reporter.email}</ExternalLink>
        </dd>
        {reporter.handle && (
          <>
            <dt>Handle</dt>
            <dd>{reporter.handle}</dd>
          </>
        )}
        <dt>Language</dt>
        <dd>{languageNames[reporter.language ?? 'en']}</dd>
      </dl>
      {reporter.pgpPublicKey && (
        <details className="pgp">
          <summary>PGP public key</summary>
          <pre className="mono small">{reporter.pgpPublicKey}</pre>
        </details>
      )}
    </section>
  )
}

export function CreditRewardCard({ kase }: { kase: Case }) {
  const { credit, reward } = kase
  return (
    <section className="card" aria-labelledby="facts-credit">
      <h2 id="facts-credit">Credit and reward</h2>
      <dl className="facts">
        <dt>Credit</dt>
        <dd>
          {creditChoiceLabels.en[credit.choice]}
          {credit.choice !== 'not_asked' && credit.choice !== 'declined' && ` · ${cveCreditTypeLabels.en[credit.cveCreditType]}`}
        </dd>
        {credit.displayName && (
          <>
            <dt>Credited as</dt>
            <dd>{credit.displayName}</dd>
          </>
        )}
        {credit.url && (
          <>
            <dt>Credit URL</dt>
            <dd className="break">
              <ExternalLink url={credit.url}>{credit.url}</ExternalLink>
            </dd>
          </>
        )}
        <dt>Reward</dt>
        <dd>
          {rewardStatusLabels.en[reward.status]}
          {reward.amount !== undefined &&
            ` · ${new Intl.NumberFormat(undefined, { style: 'currency', currency: reward.currency }).format(reward.amount)}`}
          {reward.swag && ' · swag'}
        </dd>
      </dl>
    </section>
  )
}

/** The backend links cases by id; people know them by key. */
export function useCaseKeys(): (id: string) => string {
  const { summaries } = useCaseSummaries()
  return useCallback((id: string) => summaries?.find((s) => s.id === id)?.key ?? id, [summaries])
}
