import { z } from 'zod'
import { DeskError, userWords } from '../errors'
import { contract, type Channel, type Handlers, type Result } from './contract'

/**
 * Runs one request through the handler map: the request is validated against the contract before the handler sees it,
 * and the response after, so a handler can never leak a shape the renderer does not expect.
 */
export async function dispatch(handlers: Handlers, channel: string, request: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown channel ${String(channel).slice(0, 80)}`, issues: [] } }
  }
  const { req, res } = contract[channel as Channel]
  const parsed = (req as z.ZodType).safeParse(request ?? {}, { error: userWords })
  if (!parsed.success) return { ok: false, error: bodyOf(DeskError.fromZod(parsed.error, inputName(channel as Channel))) }
  let answer: unknown
  try {
    const handler = handlers[channel as Channel] as (req: unknown) => Promise<unknown>
    answer = await handler(parsed.data)
  } catch (error) {
    if (error instanceof DeskError) return { ok: false, error: bodyOf(error) }
    return internalError(channel, 'failed', error, handlerFailed)
  }
  const checked = (res as z.ZodType).safeParse(answer)
  if (!checked.success) return internalError(channel, 'answered outside the contract', checked.error, answerUnexpected)
  return { ok: true, value: checked.data }
}

/**
 * A handler that throws anything but a DeskError has a bug, and its text (a TypeError's, zod's with field paths) means
 * nothing to the person: they get what to do, the main process's console gets the detail for whoever fixes it.
 * Every change is written as its handler's last step, so a handler that threw saved nothing.
 */
const handlerFailed =
  'Disclosure Desk hit an internal error and did not finish this action; nothing was saved. Try again, and restart the app if it happens again.'
/** The handler finished, so a change it made is saved; only its answer could not be checked. */
const answerUnexpected =
  'Disclosure Desk hit an internal error after this action: its answer was not in the form the screen expects. If it was a change, it may have been saved; check whether it was before you try again, and restart the app if it happens again.'

function internalError(channel: string, what: string, detail: unknown, message: string): Result<never> {
  console.error(`IPC channel ${channel} ${what}:`, detail)
  return { ok: false, error: { code: 'internal', message, issues: [] } }
}

const inputNames: Record<string, string> = {
  cases: 'The case',
  settings: 'The change to the settings',
  policies: 'The policy',
  templates: 'The template',
}

function inputName(channel: Channel): string {
  const [group] = channel.split(':')
  return inputNames[group!] ?? 'The request'
}

function bodyOf(error: DeskError) {
  return { code: error.code, message: error.message, issues: error.issues }
}
