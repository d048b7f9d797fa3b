import { z } from 'zod'

export const ErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'conflict',
  'invalid_transition',
  /** The change is allowed but has consequences the person must see first; sent again with the confirmation, it goes through. */
  'needs_confirmation',
  'store_unavailable',
  'internal',
])
export type ErrorCode = z.infer<typeof ErrorCode>

/** One refused field: `path` as the form names it ('on', 'team.1.email'), `message` in the words shown beside it. */
export interface FieldIssue {
  path: string
  message: string
}

const sentence = (text: string) => {
  const trimmed = text.trim()
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

/**
 * zod's own texts ('Too small: expected string to have >=1 characters') are for programmers; this map says the same
 * to the person filling in the form. A message written on the schema itself still wins over it.
 */
export const userWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Fill this in'
      // zod reports 1.5 for an integer field as a wrong type ('expected int'); a person reads it as the wrong number.
      if (issue.expected === 'int') return 'Enter a whole number'
      if (issue.expected === 'number') return 'Enter a number'
      return 'This value is not of the right kind'
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Fill this in' : `Use at least ${issue.minimum} characters`
      if (issue.origin === 'array' || issue.origin === 'set') return `Add at least ${issue.minimum}`
      return issue.inclusive === false ? `Enter more than ${issue.minimum}` : `Enter ${issue.minimum} or more`
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${Number(issue.maximum).toLocaleString('en-US')} characters`
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${issue.maximum} are allowed`
      return issue.inclusive === false ? `Enter less than ${issue.maximum}` : `Enter ${issue.maximum} or less`
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid email address'
      if (issue.format === 'datetime' || issue.format === 'date') return 'Enter a date and time'
      if (issue.format === 'url') return 'Enter a web address starting with https://'
      return 'Check how this is written'
    case 'invalid_value':
    case 'invalid_union':
      return 'Choose one of the options'
    case 'not_multiple_of':
      return 'Enter a whole number'
    case 'unrecognized_keys':
      return 'This form sent something the app does not know; reload the screen'
    default:
      return 'Check this value'
  }
}

/** zod's findings as the forms place them: 'team.1.email' and the message for that field. */
export function fieldIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

/** An error meant for the person at the keyboard: its message says what went wrong and what to do. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
    this.name = 'DeskError'
  }

  /** `what` names the thing not saved: 'The case' → "The case was not saved. Enter a title." */
  static fromZod(error: z.ZodError, what: string): DeskError {
    const issues = fieldIssues(error)
    const first = issues[0]
    const more = issues.length > 1 ? ` ${issues.length - 1} more ${issues.length === 2 ? 'problem is' : 'problems are'} marked at the fields.` : ''
    return new DeskError('invalid_input', `${what} was not saved. ${sentence(first?.message ?? 'Check the values entered')}${more}`, issues)
  }
}

/** A refusal of one field's value: the message names the problem and goes beside the field too. */
export function refusal(path: string, message: string, code: ErrorCode = 'invalid_input'): DeskError {
  return new DeskError(code, sentence(message), [{ path, message }])
}

/** Parses with the person's words for every problem; throws a DeskError naming each field to fix. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input, { error: userWords })
  if (!parsed.success) throw DeskError.fromZod(parsed.error, what)
  return parsed.data
}

/** The store file exists but cannot be used; it has not been changed. */
export class StoreOpenError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Store file ${file} ${problem}. The file was not changed.`)
    this.name = 'StoreOpenError'
  }
}
