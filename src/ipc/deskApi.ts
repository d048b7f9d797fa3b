import { channels, splitChannel, type Channel, type DeskApi, type EventName, type Result } from './contract'

export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>
/** Starts delivering one event's validated payloads to the listener; returns the function that stops it. */
export type Listen = (name: EventName, listener: (payload: unknown) => void) => () => void

/**
 * Builds `desk.cases.list(req)` and friends from one invoke function, and `desk.events.on(name, listener)` from one
 * listen function: the preload, the e2e bridge and tests share it.
 */
export function buildDeskApi(invoke: Invoke, listen: Listen): DeskApi {
  const api: Record<string, Record<string, unknown>> = {}
  for (const channel of channels) {
    const [group, method] = splitChannel(channel)
    api[group] ??= {}
    api[group][method] = (req: unknown) => invoke(channel, req ?? {})
  }
  api['events'] = { on: (name: EventName, listener: (payload: unknown) => void) => listen(name, listener) }
  return api as unknown as DeskApi
}
