import type { DomainEvent } from '../commands/events'
import type { ChangeOrigin } from '../store'
import { eventNames, events, type DeskEvent, type EventName } from './contract'

/**
 * The contract events that tell the renderer what a store change made stale. A change another app wrote to the shared
 * file also says so ('store:changedOnDisk'). Duplicates go, and when many cases changed at once the single-case events
 * are left out: 'cases:changed' already covers them.
 */
export function contractEventsOf(changes: readonly DomainEvent[], origin: ChangeOrigin): DeskEvent[] {
  const out: DeskEvent[] = []
  const seen = new Set<string>()
  const add = (event: DeskEvent) => {
    const key = JSON.stringify(event)
    if (seen.has(key)) return
    seen.add(key)
    out.push(event)
  }
  const manyCases = changes.some((e) => e.type === 'cases.changed')
  for (const change of changes) {
    switch (change.type) {
      case 'case.changed':
        if (!manyCases) add({ name: 'case:changed', payload: { id: change.caseId } })
        break
      case 'cases.changed':
        add({ name: 'cases:changed', payload: {} })
        break
      case 'settings.changed':
        add({ name: 'settings:changed', payload: {} })
        break
      case 'policies.changed':
        add({ name: 'policies:changed', payload: {} })
        break
      case 'templates.changed':
        add({ name: 'templates:changed', payload: {} })
        break
      default:
        // A new kind of domain event must be given its contract event here before it can compile.
        change satisfies never
    }
  }
  if (origin === 'other_app') add({ name: 'store:changedOnDisk', payload: {} })
  return out
}

/** Whether a name received over IPC is one of the contract's events. */
export function isEventName(name: string): name is EventName {
  return (eventNames as string[]).includes(name)
}

/** The payload as the contract defines it, or an error naming the event: main never sends what the preload would drop. */
export function checkedEvent<E extends EventName>(name: E, payload: unknown): DeskEvent {
  return { name, payload: events[name].parse(payload) } as DeskEvent
}
