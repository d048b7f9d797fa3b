import type { z } from 'zod'
import { userWords } from '../../src/errors'
import { DeskFailure } from '../desk'

export type PassphraseErrors = Record<string, string>

/** What the form's own check finds, in the words main would use (the same schema): shown before anything is sent. */
export function checkPassphrases(schema: z.ZodType, values: Record<string, string>): PassphraseErrors {
  const parsed = schema.safeParse(values, { error: userWords })
  const errors: PassphraseErrors = {}
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message
  return errors
}

/** A refusal naming fields (a wrong passphrase), placed at them; undefined for any other failure, which the problem area shows. */
export function refusedFields(error: unknown): PassphraseErrors | undefined {
  if (!(error instanceof DeskFailure) || error.issues.length === 0) return undefined
  const errors: PassphraseErrors = {}
  for (const issue of error.issues) errors[issue.path] ??= issue.message
  return errors
}
