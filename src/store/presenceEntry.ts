import { z } from 'zod'

/**
 * What an app that has a store file open says of itself beside it (src/store/file/presence.ts), and what the window is
 * told of the others. Another computer wrote it: the screens show it as text.
 */
export const PresenceEntry = z.object({
  /** The person chosen under "You are" in that app; absent when nobody was chosen. */
  name: z.string().max(200).optional(),
  host: z.string().max(255),
  /** When that app opened the store. */
  since: z.iso.datetime({ offset: true }),
})
export type PresenceEntry = z.infer<typeof PresenceEntry>
