import { z } from 'zod'
import { IsoDate } from '../calendar/spec'

/** Whether this installation shows desktop reminders, and for which cases: all, or those assigned to its person. */
export const ReminderPrefs = z.object({
  enabled: z.boolean().default(true),
  scope: z.enum(['all', 'mine']).default('all'),
})
export type ReminderPrefs = z.infer<typeof ReminderPrefs>

/**
 * The reminders already shown on this installation, by key (see dueReminders), with the team's day they were shown on,
 * so that a restart does not show them again and old keys can be let go.
 */
export const ShownReminders = z.record(z.string(), IsoDate)
export type ShownReminders = z.infer<typeof ShownReminders>
