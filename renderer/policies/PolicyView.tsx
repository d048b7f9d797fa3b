import { anchorLabel, dueLabels, metByLabel } from '../../src/i18n/labels'
import { timeLimitText } from '../../src/i18n/policyText'
import type { Policy } from '../../src/policies/policy'
import { highlightQuotes } from './highlightQuotes'

/** What each rule promises, in a table; each rule's reading is shown on a line of its own below its facts. */
export function PolicyRules({ policy }: { policy: Policy }) {
  if (policy.rules.length === 0) return <p className="muted">This policy has no rules yet, so cases under it have no deadlines.</p>
  return (
    <table className="policy-rules" aria-label="Rules">
      <thead>
        <tr>
          <th scope="col">What is due</th>
          <th scope="col">Counted from</th>
          <th scope="col">Time limit</th>
          <th scope="col">Repeats until</th>
          <th scope="col">Met by</th>
          <th scope="col" className="sr-only">
            Our reading
          </th>
        </tr>
      </thead>
      <tbody>
        {policy.rules.map((rule) => (
          <tr key={rule.id}>
            <th scope="row">{dueLabels.en[rule.due]}</th>
            <td>{anchorLabel(rule.from, 'en')}</td>
            <td>{timeLimitText(rule, 'en')}</td>
            <td>{rule.repeatsUntil ? anchorLabel(rule.repeatsUntil, 'en') : <span className="muted">Once</span>}</td>
            <td>{metByLabel(rule.metBy, 'en')}</td>
            <td className="policy-reading">{rule.reading || <span className="muted">The sentence is exact</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The policy as published, plain text, with each sentence a rule quotes marked. */
export function PolicyText({ policy }: { policy: Policy }) {
  const labels = new Map(policy.rules.map((r) => [r.id, dueLabels.en[r.due]]))
  return (
    <div className="policy-text">
      {highlightQuotes(policy.text, policy.rules).map((piece, i) =>
        piece.ruleIds.length > 0 ? (
          <mark key={i} title={piece.ruleIds.map((id) => labels.get(id)).join(', ')}>
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </div>
  )
}
