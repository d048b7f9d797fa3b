import { milestoneLabels } from '../../src/i18n/labels'
import type { Anchor, Milestone, PolicyRule } from '../../src/policies/policy'

export const anchorLabel = (anchor: Anchor): string => (anchor === 'received' ? 'Report received' : milestoneLabels.en[anchor])

export const unitLabels: Record<PolicyRule['unit'], string> = {
  business_days: 'business days',
  calendar_days: 'calendar days',
}

/** What keeps a promise. Credit has no milestone of its own to record: choosing it on the case is what confirms it. */
export const metByLabel = (m: Milestone): string => (m === 'credit_confirmed' ? 'Credit chosen on the case' : milestoneLabels.en[m])

/** What a calendar-day promise does when its last day is a day off. */
export const onDayOffLabels: Record<PolicyRule['onDayOff'], string> = {
  stays: 'It stays',
  next_business_day: 'Next business day',
}

/**
 * '15 business days', '1 calendar day (a day off moves it to the next business day)', or 'No time limit (before
 * Published)'. A calendar-day count says what its last day does on a day off, since that decides the date.
 */
export function timeLimitText(rule: Pick<PolicyRule, 'amount' | 'unit' | 'before' | 'onDayOff'>): string {
  if (rule.amount === null) return rule.before ? `No time limit (before ${milestoneLabels.en[rule.before]})` : 'No time limit'
  const unit = unitLabels[rule.unit]
  const days = `${rule.amount} ${rule.amount === 1 ? unit.replace(/s$/, '') : unit}`
  if (rule.unit === 'business_days') return days
  return `${days} (${rule.onDayOff === 'stays' ? 'may end on a day off' : 'a day off moves it to the next business day'})`
}
