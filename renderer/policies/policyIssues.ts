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

// What to say when the schema's own words are a type check ("Too small: expected number to be >=0"), not a sentence.
const plainWords: Partial<Record<RuleField | 'name' | 'text', string>> = {
  name: 'Give the policy a name of at most 200 characters',
  text: 'The policy text is longer than 100,000 characters',
  amount: 'Enter a whole number of days from 0 to 3650, or leave it empty for no time limit',
  quote: 'Copy the sentence this rule comes from, word for word',
  due: 'Choose what is due',
  from: 'Choose the event the days are counted from',
  metBy: 'Choose the event that keeps the promise',
  unit: 'Choose business days or calendar days',
  onDayOff: 'Choose what happens when the last day is a day off',
}

/** zod's built-in messages all open like this; a rule's own message is a sentence for people. */
const isSchemaWording = (message: string) => /^(Invalid|Too (small|big)|Expected|Required)\b/.test(message)

/**
 * Places each refusal of the backend (or of the same schema run here) at its input, in the user's words: path
 * 'rules.0.amount' becomes "Rule 1 · Days". The backend prefixes a rule's message with its id, which the user never
 * typed; the rule is named by its position instead. An id clash belongs to the rule's quote, the only field that
 * tells two rules apart on screen.
 */
export function placeIssues(issues: readonly FieldIssue[]): PolicyProblem[] {
  const placed = new Map<string, PolicyProblem>()
  for (const issue of issues) {
    const problem = placeIssue(issue)
    if (!placed.has(problem.key)) placed.set(problem.key, problem)
  }
  return [...placed.values()]
}

function placeIssue({ path, message }: FieldIssue): PolicyProblem {
  const rule = /^rules\.(\d+)(?:\.(\w+))?/.exec(path)
  if (rule) {
    const index = Number(rule[1])
    const asked = rule[2] ?? 'quote'
    const field: RuleField = asked === 'id' ? 'quote' : asked in ruleFieldLabels ? (asked as RuleField) : 'quote'
    return {
      key: `rules.${index}.${field}`,
      where: `Rule ${index + 1} · ${ruleFieldLabels[field]}`,
      message: wordsFor(field, message.replace(/^Rule “[^”]*”: /, '')),
    }
  }
  // The id is derived from the name when a policy is copied; a clash is fixed by renaming.
  const field = path === 'text' ? 'text' : 'name'
  return { key: field, where: policyFieldLabels[field], message: wordsFor(field, message) }
}

function wordsFor(field: RuleField | 'name' | 'text', message: string): string {
  const words = isSchemaWording(message) ? (plainWords[field] ?? message) : message
  return words.charAt(0).toUpperCase() + words.slice(1)
}
