import { parseInput } from '../errors'
import { Policy } from './policy'
import { presetPolicies } from './presets'

const normalizedSpace = (text: string) => text.replace(/\s+/g, ' ').trim()

/** A policy whose rules can be counted: each quote is in its text, ids are unique, and no rule contradicts itself. */
export const ConsistentPolicy = Policy.superRefine((policy, ctx) => {
  const text = normalizedSpace(policy.text)
  const seen = new Set<string>()
  policy.rules.forEach((rule, i) => {
    const problem = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: ['rules', i, field], message: `Rule “${rule.id}”: ${message}` })
    if (seen.has(rule.id)) problem('id', 'another rule has the same id; give each rule its own')
    seen.add(rule.id)
    if (!text.includes(normalizedSpace(rule.quote))) {
      problem('quote', 'the quoted sentence is not in the policy text; copy it from the text word for word')
    }
    if (rule.from === rule.metBy) problem('metBy', 'it would be met by the very event it counts from; choose another event')
    if (rule.repeatsUntil !== undefined && rule.amount === null) {
      problem('amount', 'a repeating promise needs an interval; enter the number of days between repeats')
    }
    if (rule.before !== undefined && rule.amount !== null) {
      problem('before', '“before an event” is only for promises without a time limit; clear the number of days or the event')
    }
  })
})

/** A policy a user wrote or copied: consistent, and not posing as one of the shipped presets. */
export const UserPolicy = ConsistentPolicy.refine((policy) => !presetPolicies.some((p) => p.id === policy.id), {
  path: ['id'],
  message: 'This id belongs to a shipped policy; copy the policy to get an id of its own',
})

/** Checks a user policy before it is stored; throws a DeskError naming each field to fix, in the person's words. */
export function validatePolicy(input: unknown): Policy {
  const name = typeof input === 'object' && input !== null && 'name' in input ? String(input.name).trim() : ''
  return parseInput(UserPolicy, input, name ? `The policy “${name}”` : 'The policy')
}
