import { z } from 'zod'

/** What a command changed, as data: the store tells the screens, which reload what these name. */
export const DomainEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case.changed'), caseId: z.string() }),
  /** Many cases at once (samples loaded or removed). */
  z.object({ type: z.literal('cases.changed') }),
  z.object({ type: z.literal('settings.changed') }),
  z.object({ type: z.literal('policies.changed') }),
  /** A template saved, reset to its shipped text, or removed. */
  z.object({ type: z.literal('templates.changed') }),
])
export type DomainEvent = z.infer<typeof DomainEvent>
