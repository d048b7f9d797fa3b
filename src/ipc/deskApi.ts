import { channels, splitChannel, type Channel, type DeskApi, type Result } from './contract'

export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>

/** Builds `desk.cases.list(req)` and friends from one invoke function: the preload, the e2e bridge and tests share it. */
export function buildDeskApi(invoke: Invoke): DeskApi {
  const api: Record<string, Record<string, (req: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of channels) {
    const [group, method] = splitChannel(channel)
    api[group] ??= {}
    api[group][method] = (req: unknown) => invoke(channel, req ?? {})
  }
  return api as unknown as DeskApi
}
