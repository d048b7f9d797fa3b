import { milestoneLabels } from '../../src/i18n/labels'
import type { Anchor, PolicyRule } from '../../src/policies/policy'

export const anchorLabel = (anchor: Anchor): string => (anchor === 'received' ? 'Report received' : milestoneLabels.en[anchor])

export const unitLabels: Record<PolicyRule['unit'], string> = {
  business_days: 'business days',
  calendar_days: 'calendar days',
}

/** What a calendar-day promise does when its last day is a day off. */
export const onDayOffLabels: Record<PolicyRule['onDayOff'], string> = {
  stays: 'It stays on that day',
  next_business_day: 'It moves to the next business day',
}

/** '15 business days', '1 calendar day', or 'No time limit (before Published)'. */
export function timeLimitText(rule: Pick<PolicyRule, 'amount' | 'unit' | 'before'>): string {
  if (rule.amount === null) return rule.before ? `No time limit (before ${milestoneLabels.en[rule.before]})` : 'No time limit'
  const unit = unitLabels[rule.unit]
  return `${rule.amount} ${rule.amount === 1 ? unit.replace(/s$/, '') : unit}`
}
