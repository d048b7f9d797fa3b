import { milestoneLabels, type Anchor, type PolicyRule } from '../../src/policies/policy'

export const anchorLabel = (anchor: Anchor): string => (anchor === 'received' ? 'Report received' : milestoneLabels[anchor])

export const unitLabels: Record<PolicyRule['unit'], string> = {
  business_days: 'business days',
  calendar_days: 'calendar days',
}

/** '15 business days', '1 calendar day', or 'No time limit (before Published)'. */
export function timeLimitText(rule: Pick<PolicyRule, 'amount' | 'unit' | 'before'>): string {
  if (rule.amount === null) return rule.before ? `No time limit (before ${milestoneLabels[rule.before]})` : 'No time limit'
  const unit = unitLabels[rule.unit]
  return `${rule.amount} ${rule.amount === 1 ? unit.replace(/s$/, '') : unit}`
}
