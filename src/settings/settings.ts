import { z } from 'zod'
import { CalendarSettings } from '../calendar/spec'
import { Id } from '../cases/fields'

export const TeamMember = z.object({
  id: Id,
  name: z.string().trim().min(1, 'Enter a name').max(200),
  email: z.email('Enter a valid email address').max(320),
  /** What drafts sign with under the name, e.g. "Security lead". */
  role: z.string().trim().max(200, 'At most 200 characters').optional(),
  /** The member's own sign-off for drafts, replacing name and role when given. */
  signature: z.string().max(5000, 'At most 5,000 characters').optional(),
  /** Taken off the team: kept so that the cases and timeline entries naming them still show who it was. */
  removed: z.boolean().optional(),
})
export type TeamMember = z.infer<typeof TeamMember>

export const Settings = z.object({
  team: z.array(TeamMember).default([]),
  /**
   * Older versions' "I am", kept in the shared file. Each installation now keeps its own (electron/identities.ts); this
   * one still counts for a store used by one person (src/identity/actingMember.ts).
   */
  currentMemberId: Id.optional(),
  calendar: CalendarSettings.default({
    spec: {
      country: 'NL',
      holidayTypes: ['public'],
      workWeek: [1, 2, 3, 4, 5],
      closures: [],
      workingDays: [],
      // date-holidays types Good Friday and Liberation Day as 'school' in NL; the General Time Limits Act counts both.
      overrides: [
        { rule: 'easter -2', name: 'Good Friday', treatAs: 'non_working' },
        { rule: '05-05', name: 'Liberation Day', treatAs: 'non_working' },
      ],
      timeZone: 'Europe/Amsterdam',
    },
    endOfWorkingDay: '17:00',
    afterHoursCountsNextDay: false,
  }),
  defaultPolicyId: Id.default('aimms'),
  /** The team's organisation as drafts name it ("the security team of …"). */
  organisation: z.string().trim().max(200, 'At most 200 characters').default(''),
})
export type Settings = z.infer<typeof Settings>
