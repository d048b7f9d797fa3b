import { anchorLabel, milestoneLabels } from '../../src/i18n/labels'
import { Milestone, type Anchor } from '../../src/policies/policy'

/** One option per milestone, for a select of what happened on a case. */
export function MilestoneOptions() {
  return Milestone.options.map((m) => (
    <option key={m} value={m}>
      {milestoneLabels.en[m]}
    </option>
  ))
}

const anchors: Anchor[] = ['received', ...Milestone.options]

/** One option per moment a deadline can count from: the report's receipt or a milestone. */
export function AnchorOptions() {
  return anchors.map((anchor) => (
    <option key={anchor} value={anchor}>
      {anchorLabel(anchor, 'en')}
    </option>
  ))
}
