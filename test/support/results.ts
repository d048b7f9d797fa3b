import type { Result } from '../../src/ipc/contract'

/** Unwraps a Result in test set-up, where a failure is a broken test rather than something to show. */
export async function value<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** The refusal a Result must be; a Result that went through fails the test. */
export async function refused<T>(result: Promise<Result<T>>) {
  const r = await result
  if (r.ok) throw new Error('expected a refusal')
  return r.error
}
