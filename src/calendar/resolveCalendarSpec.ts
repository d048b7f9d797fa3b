import { DeskError, fieldIssues } from '../errors'
import { CalendarSpec, type ResolvedCalendarSpec } from './spec'

/** Fills in the defaults (public holidays, Monday to Friday) and rejects a spec that cannot describe a calendar. */
export function resolveCalendarSpec(spec: CalendarSpec): ResolvedCalendarSpec {
  const parsed = CalendarSpec.safeParse(spec)
  if (parsed.success) return parsed.data
  const issues = fieldIssues(parsed.error)
  const first = issues[0]
  throw new DeskError(
    'invalid_input',
    `The calendar settings cannot be used (${first ? `${first.path || 'calendar'}: ${first.message}` : 'invalid'}). ` +
      'Nothing was changed; correct them under Settings → Calendar.',
    issues,
  )
}
