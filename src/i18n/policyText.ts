import type { PolicyRule } from '../policies/policy'
import { milestoneLabels, unitLabels } from './labels'
import type { Language } from './language'

const oneUnit: Record<Language, Record<PolicyRule['unit'], string>> = {
  en: { business_days: 'business day', calendar_days: 'calendar day' },
  nl: { business_days: 'werkdag', calendar_days: 'kalenderdag' },
}

const words = {
  en: {
    noLimit: 'No time limit',
    before: (milestone: string) => ` (before ${milestone})`,
    stays: 'may end on a day off',
    moves: 'a day off moves it to the next business day',
  },
  nl: {
    noLimit: 'Geen termijn',
    before: (milestone: string) => ` (vóór ${milestone})`,
    stays: 'kan op een vrije dag eindigen',
    moves: 'een vrije dag verschuift hem naar de eerstvolgende werkdag',
  },
} satisfies Record<Language, unknown>

/**
 * A rule's time limit as a policy lists it: '15 business days', '1 calendar day (a day off moves it to the next
 * business day)', 'No time limit (before Published)'. A calendar-day count says what its last day does on a day off,
 * since that decides the date.
 */
export function timeLimitText(rule: Pick<PolicyRule, 'amount' | 'unit' | 'before' | 'onDayOff'>, lang: Language): string {
  const w = words[lang]
  if (rule.amount === null) return rule.before ? `${w.noLimit}${w.before(milestoneLabels[lang][rule.before])}` : w.noLimit
  const days = `${rule.amount} ${rule.amount === 1 ? oneUnit[lang][rule.unit] : unitLabels[lang][rule.unit]}`
  if (rule.unit === 'business_days') return days
  return `${days} (${rule.onDayOff === 'stays' ? w.stays : w.moves})`
}
