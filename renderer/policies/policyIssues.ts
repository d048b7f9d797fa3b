import type { FieldIssue } from '../desk'

/** One refusal, placed: `key` is the input it belongs to ('name', 'rules.0.amount'), `where` names it for people. */
export interface PolicyProblem {
  key: string
  where: string
  message: string
}

/** The labels of the editor's inputs, so a refusal is named as the user sees the field. */
export const policyFieldLabels = {
  name: 'Policy name',
  text: 'Policy text',
} as const

export const ruleFieldLabels = {
  due: 'What is due',
  from: 'Counted from',
  metBy: 'Met by',
  amount: 'Days',
  unit: 'Unit',
  onDayOff: 'Last day on a day off',
  repeatsUntil: 'Repeats until',
  before: 'Before',
  quote: 'Quoted sentence',
  reading: 'Our reading',
} as const

type RuleField = keyof typeof ruleFieldLabels

/**
 * Places each refusal of the backend (or of the same schema run here with `userWords`, which words it as the backend
 * does) at its input and names that input as the user sees it: path 'rules.0.amount' becomes "Rule 1 · Days". The
 * backend prefixes a rule's message with its id, which the user never typed; the rule is named by its
 * position instead. An id clash belongs to the rule's quote, the only field that tells two rules apart on screen.
 */
export function placeIssues(issues: readonly FieldIssue[]): PolicyProblem[] {
  const placed = new Map<string, PolicyProblem>()
  for (const issue of issues) {
    const problem = placeIssue(issue)
    if (!placed.has(problem.key)) placed.set(problem.key, problem)
  }
  return [...placed.values()]
}

function placeIssue(issue: FieldIssue): PolicyProblem {
  const { message } = issue
  // The save request carries the policy under `policy` (beside the version it was made on): its fields are the form's.
  const path = issue.path.replace(/^policy\./, '')
  const rule = /^rules\.(\d+)(?:\.(\w+))?/.exec(path)
  if (rule) {
    const index = Number(rule[1])
    const asked = rule[2] ?? 'quote'
    const field: RuleField = asked === 'id' ? 'quote' : asked in ruleFieldLabels ? (asked as RuleField) : 'quote'
    const words = message.replace(/^Rule “[^”]*”: /, '')
    // Without its prefix the message starts in lower case.
    const text = words.charAt(0).toUpperCase() + words.slice(1)
    return { key: `rules.${index}.${field}`, where: `Rule ${index + 1} · ${ruleFieldLabels[field]}`, message: text }
  }
  // The id is derived from the name when a policy is copied; a clash is fixed by renaming.
  const field = path === 'text' ? 'text' : 'name'
  return { key: field, where: policyFieldLabels[field], message }
}
