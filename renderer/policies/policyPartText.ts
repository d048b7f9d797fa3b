import { anchorLabel, dueLabels, metByLabel } from '../../src/i18n/labels'
import { timeLimitText } from '../../src/i18n/policyText'
import type { Policy, PolicyRule } from '../../src/policies/policy'
import { ruleFieldLabels } from './policyIssues'

/** A rule as the editor's fields name its facts, a line each: what two versions of a rule differ in is easy to spot. */
export function ruleText(rule: PolicyRule): string {
  const lines = [
    `${ruleFieldLabels.due}: ${dueLabels.en[rule.due]}`,
    `${ruleFieldLabels.from}: ${anchorLabel(rule.from, 'en')}`,
    `Time limit: ${timeLimitText(rule, 'en')}`,
    `${ruleFieldLabels.repeatsUntil}: ${rule.repeatsUntil ? anchorLabel(rule.repeatsUntil, 'en') : 'does not repeat'}`,
    `${ruleFieldLabels.metBy}: ${metByLabel(rule.metBy, 'en')}`,
    `${ruleFieldLabels.quote}: “${rule.quote}”`,
  ]
  if (rule.reading) lines.push(`${ruleFieldLabels.reading}: ${rule.reading}`)
  return lines.join('\n')
}

/**
 * A part of a policy in words, as the policy screen shows it: a rule by its facts, the policy it was copied from by
 * name (from `all`). A rule one side does not have was removed there (or not added yet).
 */
export function policyValueText(all: readonly Policy[]) {
  return (part: string, value: unknown): string => {
    if (part.startsWith('rules.')) return value === undefined ? 'Not in the policy' : ruleText(value as PolicyRule)
    if (part === 'basedOn') return value === undefined ? '(none)' : (all.find((p) => p.id === value)?.name ?? String(value))
    return typeof value === 'string' && value !== '' ? value : '(empty)'
  }
}

/** The policy text is long: shown preformatted, in a box of its own. */
export const longPolicyPart = (part: string) => part === 'text'
