import { z } from 'zod'
import { countries, regionsOf, statesOf } from '../calendar'
import { DeskError, parseInput, refusal } from '../errors'
import { checkedIdentity } from '../identity/actingMember'
import { policyById } from '../policies/catalog'
import { Settings, type TeamMember } from '../settings/settings'
import type { StoreDocument } from '../store/document'
import { isTimeZone } from '../time'
import type { CommandContext, Outcome } from './context'

/**
 * `base`: the settings the edit was made on, merged with what is stored now part by part. Absent: made on the settings
 * as stored now (a script or test holding the store); the IPC contract always sends it.
 */
export const UpdateSettings = z.object({ type: z.literal('settings.update'), settings: Settings, base: Settings.optional() })
export type UpdateSettings = z.input<typeof UpdateSettings>

const what = 'The change to the settings'

/** A place date-holidays does not know has no holidays: every deadline would silently count them as working days. */
function checkCalendarPlace({ spec }: Settings['calendar']): void {
  const known = (list: { code: string }[], code: string) => list.some((p) => p.code === code)
  if (!known(countries(), spec.country)) throw refusal('calendar.spec.country', 'Choose a country from the list')
  if (spec.state !== undefined && !known(statesOf(spec.country), spec.state)) {
    throw refusal('calendar.spec.state', 'Choose a state or province of this country from the list')
  }
  if (spec.state !== undefined && spec.region !== undefined && !known(regionsOf(spec.country, spec.state), spec.region)) {
    throw refusal('calendar.spec.region', 'Choose a region of this state from the list')
  }
  if (spec.timeZone !== undefined && !isTimeZone(spec.timeZone)) throw refusal('calendar.spec.timeZone', 'Choose a time zone from the list')
}

/** One person, one entry: two members with the same address would split one colleague's record in two. */
function checkTeam(team: readonly TeamMember[]): void {
  const seen = new Map<string, number>()
  team.forEach((m, i) => {
    const email = m.email.toLowerCase()
    const first = seen.get(email)
    if (first !== undefined) {
      throw refusal(`team.${i}.email`, `${team[first]!.name} already has this email address; each member needs their own`)
    }
    seen.set(email, i)
    if (team.findIndex((other) => other.id === m.id) !== i) {
      throw new DeskError('invalid_input', 'Two team members have the same id. Reload the settings and make the change again.')
    }
  })
}

/**
 * Saves the settings after checking what the rest of the app relies on: the default policy and the calendar place
 * exist, each member is there once, and "me" is someone on the team. A member left out of the new list is kept as
 * removed, never deleted, so the cases and timelines naming them still say who it was.
 */
export function updateSettings(doc: StoreDocument, cmd: UpdateSettings, _ctx: CommandContext): Outcome<Settings> {
  const given = parseInput(Settings, cmd.settings, what)
  checkTeam(given.team)
  if (!policyById(given.defaultPolicyId, doc.policies)) throw refusal('defaultPolicyId', 'Choose one of the policies listed')
  checkCalendarPlace(given.calendar)
  if (given.currentMemberId !== undefined) checkedIdentity(given, given.currentMemberId, 'currentMemberId')
  const leftOut = doc.settings.team.filter((m) => !given.team.some((kept) => kept.id === m.id))
  const settings: Settings = { ...given, team: [...given.team, ...leftOut.map((m) => ({ ...m, removed: true }))] }
  // Both in the schema's key order, so that only a different value counts as a change.
  if (JSON.stringify(settings) === JSON.stringify(Settings.parse(doc.settings))) return { document: doc, result: doc.settings, events: [] }
  return { document: { ...doc, settings }, result: settings, events: [{ type: 'settings.changed' }] }
}
