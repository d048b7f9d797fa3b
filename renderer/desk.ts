import type { DeskApi, ErrorCode, Result } from '../src/ipc/contract'

export type FieldIssue = { path: string; message: string }

/** A call to the main process that did not succeed, with the backend's message and, for forms, which field is wrong. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
    this.name = 'DeskFailure'
  }
}

/** Runs one desk call and unwraps its Result: the value, or a thrown DeskFailure. */
export async function call<T>(request: (desk: DeskApi) => Promise<Result<T>>): Promise<T> {
  let result: Result<T>
  try {
    result = await request(window.desk)
  } catch (error) {
    // The bridge itself failed (main process gone, preload missing): nothing was saved.
    const detail = error instanceof Error ? error.message : String(error)
    throw new DeskFailure('internal', `Disclosure Desk could not reach its data store (${detail}). Nothing was saved; restart the app.`)
  }
  if (result.ok) return result.value
  throw new DeskFailure(result.error.code, result.error.message, result.error.issues ?? [])
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
