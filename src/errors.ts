import type { ZodError } from 'zod'
import type { ErrorCode } from './ipc/contract'

/** An error meant for the person at the keyboard: its message says what went wrong and what to do. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'DeskError'
  }

  static fromZod(error: ZodError, what: string): DeskError {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    const first = issues[0]
    const summary = first ? `${first.path || what}: ${first.message}` : 'invalid input'
    return new DeskError('invalid_input', `${what} was not saved. ${summary}`, issues)
  }
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
