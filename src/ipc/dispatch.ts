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
  try {
    const handler = handlers[channel as Channel] as (req: unknown) => Promise<unknown>
    const value = (res as z.ZodType).parse(await handler(parsed.data))
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: bodyOf(error) }
  }
}

function inputName(channel: Channel): string {
  return channel.startsWith('cases:') ? 'The case' : channel.startsWith('settings:') ? 'The change to the settings' : 'The request'
}

function bodyOf(error: unknown) {
  if (error instanceof DeskError) return { code: error.code, message: error.message, issues: error.issues }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal' as const, message: `Something went wrong: ${message}`, issues: [] }
}
