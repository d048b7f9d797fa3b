import type { ResolvedCalendarSpec } from '../calendar/spec'
import { assertChosen, compareParts, keepsMine, type Choices, type PartEdit } from '../merge/parts'
import type { Settings, TeamMember } from './settings'

// The settings are saved whole, but a colleague adding a team member and this person fixing the calendar did not
// touch the same thing: they are merged part by part (src/merge/parts.ts). A team member is parts of their own, one
// per field, found by id, so two people each adding someone keep both.

/** The fields of a team member that are a part each (the id names the member). */
export const memberFields = ['name', 'email', 'role', 'signature', 'removed'] as const
export type MemberField = (typeof memberFields)[number]

/**
 * The calendar's place is one part: a state or region belongs to its country, so a colleague's move from DE to AT and
 * this person's choice of DE-BY are one clash, never AT with the state BY.
 */
const placeKeys = ['country', 'state', 'region'] as const satisfies readonly (keyof ResolvedCalendarSpec)[]
export type CalendarPlace = Pick<ResolvedCalendarSpec, (typeof placeKeys)[number]>

/** The other keys of the calendar, a part each (a list such as the closures is one part). */
const specKeys = ['holidayTypes', 'workWeek', 'closures', 'workingDays', 'overrides', 'timeZone'] as const satisfies readonly (keyof ResolvedCalendarSpec)[]
type SpecKey = (typeof specKeys)[number]

/**
 * One part of the settings: a setting, the calendar's place (country, state and region), another key of the calendar,
 * or one field of the team member with that id: 'team.<id>.email'.
 */
export type SettingsPart =
  | 'organisation'
  | 'defaultPolicyId'
  | 'currentMemberId'
  | 'calendar.spec.place'
  | `calendar.spec.${SpecKey}`
  | 'calendar.endOfWorkingDay'
  | 'calendar.afterHoursCountsNextDay'
  | `team.${string}.${MemberField}`

const fixedParts: readonly SettingsPart[] = [
  'organisation',
  'defaultPolicyId',
  'currentMemberId',
  'calendar.spec.place',
  ...specKeys.map((key) => `calendar.spec.${key}` as const),
  'calendar.endOfWorkingDay',
  'calendar.afterHoursCountsNextDay',
]

export const memberPart = (id: string, field: MemberField): SettingsPart => `team.${id}.${field}`

/** The member id and field of a team part; undefined for any other part. An id may hold dots; a field never does. */
export function memberOfPart(part: string): { id: string; field: MemberField } | undefined {
  if (!part.startsWith('team.')) return undefined
  const dot = part.lastIndexOf('.')
  const field = part.slice(dot + 1)
  if (dot <= 'team'.length || !(memberFields as readonly string[]).includes(field)) return undefined
  return { id: part.slice('team.'.length, dot), field: field as MemberField }
}

/** The parts of these settings, in the order the screens show them: the settings, the calendar, then the team (theirs' order first). */
export function settingsParts(base: Settings, mine: Settings, theirs: Settings): SettingsPart[] {
  const ids = [...new Set([theirs, mine, base].flatMap((s) => s.team.map((m) => m.id)))]
  return [...fixedParts, ...ids.flatMap((id) => memberFields.map((field) => memberPart(id, field)))]
}

/** A part's value; a member not in the settings has none. Not removed is one value, whether written false or left out. */
export function settingsValueAt(settings: Settings, part: SettingsPart): unknown {
  const member = memberOfPart(part)
  if (member) {
    const m = settings.team.find((t) => t.id === member.id)
    return member.field === 'removed' ? (m?.removed === true ? true : undefined) : m?.[member.field]
  }
  const { spec } = settings.calendar
  if (part === 'calendar.spec.place') return { country: spec.country, state: spec.state, region: spec.region } satisfies CalendarPlace
  if (part.startsWith('calendar.spec.')) return spec[part.slice('calendar.spec.'.length) as SpecKey]
  if (part === 'calendar.endOfWorkingDay') return settings.calendar.endOfWorkingDay
  if (part === 'calendar.afterHoursCountsNextDay') return settings.calendar.afterHoursCountsNextDay
  return settings[part as 'organisation' | 'defaultPolicyId' | 'currentMemberId']
}

/**
 * A member of `base` that `mine` leaves out was taken off the team by this person: kept, marked removed, so the cases
 * and timelines naming them still say who it was. A member only the colleague has (they added them) is not this
 * person's to remove.
 */
function withLeftOutRemoved(base: Settings, mine: Settings): Settings {
  const leftOut = base.team.filter((m) => !mine.team.some((kept) => kept.id === m.id))
  if (leftOut.length === 0) return mine
  return { ...mine, team: [...mine.team, ...leftOut.map((m) => ({ ...m, removed: true }))] }
}

/** The parts this person (`mine`, made on `base`) changed, each with what the settings stored now (`theirs`) hold there. */
export function compareSettings(base: Settings, mine: Settings, theirs: Settings): PartEdit<SettingsPart>[] {
  const edited = withLeftOutRemoved(base, mine)
  return compareParts(settingsParts(base, edited, theirs), settingsValueAt, base, edited, theirs)
}

/**
 * The settings to save: `theirs` with each part this person's edit keeps (only they changed it, or both did and they
 * chose theirs). The team keeps theirs' order; members only this person added follow, in their order. Throws when a
 * part both changed has no choice: call it without choices only when no part is on both sides.
 */
export function mergedSettings(edits: readonly PartEdit<SettingsPart>[], theirs: Settings, choices: Choices<SettingsPart> = {}): Settings {
  assertChosen(edits, choices)
  const merged: Settings = { ...theirs, calendar: { ...theirs.calendar, spec: { ...theirs.calendar.spec } }, team: theirs.team.map((m) => ({ ...m })) }
  for (const edit of edits) {
    if (!keepsMine(edit, choices)) continue
    const member = memberOfPart(edit.part)
    if (member) {
      let m = merged.team.find((t) => t.id === member.id)
      if (!m) merged.team.push((m = { id: member.id } as TeamMember))
      setOrDelete(m, member.field, edit.mine)
    } else if (edit.part === 'calendar.spec.place') {
      for (const key of placeKeys) setOrDelete(merged.calendar.spec, key, (edit.mine as CalendarPlace)[key])
    } else if (edit.part.startsWith('calendar.spec.')) {
      setOrDelete(merged.calendar.spec, edit.part.slice('calendar.spec.'.length), edit.mine)
    } else if (edit.part.startsWith('calendar.')) {
      setOrDelete(merged.calendar, edit.part.slice('calendar.'.length), edit.mine)
    } else {
      setOrDelete(merged, edit.part, edit.mine)
    }
  }
  return merged
}

/** An optional value this person cleared is left out, as a form that never set it would send it. */
function setOrDelete(target: object, key: string, value: unknown): void {
  if (value === undefined) delete (target as Record<string, unknown>)[key]
  else (target as Record<string, unknown>)[key] = value
}
