import { assertChosen, compareParts, keepsMine, type Choices, type PartEdit } from '../merge/parts'
import type { Policy, PolicyRule } from './policy'

// A policy edited by two people at once is merged part by part (src/merge/parts.ts): its name, its text, what it was
// copied from, and each rule by its id, a whole rule being one part. A rule one of them added is kept; a rule one of
// them removed while the other left it alone is removed.

export type PolicyPart = 'name' | 'text' | 'basedOn' | `rules.${string}`

/** The parts of this policy: name, text, copied from, then one per rule id (theirs' order, then mine's new ones). */
export function policyParts(base: Policy, mine: Policy, theirs: Policy): PolicyPart[] {
  const ids = [...new Set([theirs, mine, base].flatMap((p) => p.rules.map((r) => r.id)))]
  return ['name', 'text', 'basedOn', ...ids.map((id) => `rules.${id}` as const)]
}

/** A part's value; a rule the policy does not have has none. */
export function policyValueAt(policy: Policy, part: PolicyPart): unknown {
  if (part.startsWith('rules.')) {
    const id = part.slice('rules.'.length)
    return policy.rules.find((r) => r.id === id)
  }
  return policy[part as 'name' | 'text' | 'basedOn']
}

/** The parts this person (`mine`, made on `base`) changed, each with what the policy stored now (`theirs`) holds there. */
export function comparePolicy(base: Policy, mine: Policy, theirs: Policy): PartEdit<PolicyPart>[] {
  return compareParts(policyParts(base, mine, theirs), policyValueAt, base, mine, theirs)
}

/**
 * The policy to save: `theirs` with each part this person's edit keeps. Rules keep theirs' order, a rule this person
 * changed in its place; rules only this person added follow, in their order. Throws when a part both changed has no
 * choice: call it without choices only when no part is on both sides.
 */
export function mergedPolicy(edits: readonly PartEdit<PolicyPart>[], theirs: Policy, choices: Choices<PolicyPart> = {}): Policy {
  assertChosen(edits, choices)
  const merged: Policy = { ...theirs }
  let rules: (PolicyRule | undefined)[] = theirs.rules.slice()
  for (const edit of edits) {
    if (!keepsMine(edit, choices)) continue
    if (!edit.part.startsWith('rules.')) {
      const key = edit.part as 'name' | 'text' | 'basedOn'
      if (edit.mine === undefined) delete merged[key]
      else Object.assign(merged, { [key]: edit.mine })
      continue
    }
    const id = edit.part.slice('rules.'.length)
    const at = rules.findIndex((r) => r?.id === id)
    const rule = edit.mine as PolicyRule | undefined
    if (at >= 0) rules[at] = rule
    else if (rule) rules = [...rules, rule]
  }
  return { ...merged, rules: rules.filter((r): r is PolicyRule => r !== undefined) }
}
