import { z } from 'zod'
import { countries, regionsOf, statesOf } from '../calendar'
import { DeskError, parseInput, refusal } from '../errors'
import { checkedIdentity } from '../identity/actingMember'
import { policyById } from '../policies/catalog'
import { Settings, type TeamMember } from '../settings/settings'
import type { StoreDocument } from '../store/document'
import { settingsPartLabel } from '../i18n/partLabels'
import { clashRefusal } from '../merge/clashRefusal'
import { compareSettings, mergedSettings } from '../settings/mergeSettings'
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

/**
 * One person, one entry: two members with the same address would split one colleague's record in two. A refusal names
 * the member by their place in `form`, the list the person sent (the merged one adds colleagues' members).
 */
function checkTeam(team: readonly TeamMember[], form: readonly TeamMember[]): void {
  const seen = new Map<string, number>()
  team.forEach((m, i) => {
    const email = m.email.toLowerCase()
    const first = seen.get(email)
    if (first !== undefined) {
      const at = form.findIndex((f) => f.id === m.id)
      throw refusal(`team.${at >= 0 ? at : i}.email`, `${team[first]!.name} already has this email address; each member needs their own`)
    }
    seen.set(email, i)
    if (team.findIndex((other) => other.id === m.id) !== i) {
      throw new DeskError('invalid_input', 'Two team members have the same id. Reload the settings and make the change again.')
    }
  })
}

/**
 * Saves the settings after checking what the rest of the app relies on: the default policy and the calendar place
 * exist, each member is there once, and "me" is someone on the team. The change is merged with what a colleague saved
 * since `base` part by part; when both changed the same part differently it is refused and nothing is saved. A member
 * left out of the new list is kept as removed, never deleted, so the cases and timelines naming them still say who it was.
 */
export function updateSettings(doc: StoreDocument, cmd: UpdateSettings, _ctx: CommandContext): Outcome<Settings> {
  const mine = parseInput(Settings, cmd.settings, what)
  const stored = Settings.parse(doc.settings)
  const base = cmd.base === undefined ? stored : parseInput(Settings, cmd.base, what)
  checkTeam(mine.team, mine.team)
  const edits = compareSettings(base, mine, stored)
  const clashes = edits.filter((e) => e.side === 'both')
  if (clashes.length > 0) {
    const teams = [stored.team, mine.team, base.team]
    throw clashRefusal({ kind: 'settings' }, clashes.map((e) => settingsPartLabel(e.part, teams)))
  }
  // Parsed again for the schema's key order, so that only a different value counts as a change.
  const settings = Settings.parse(mergedSettings(edits, stored))
  checkTeam(settings.team, mine.team)
  if (!policyById(settings.defaultPolicyId, doc.policies)) throw refusal('defaultPolicyId', 'Choose one of the policies listed')
  checkCalendarPlace(settings.calendar)
  if (settings.currentMemberId !== undefined) checkedIdentity(settings, settings.currentMemberId, 'currentMemberId')
  if (JSON.stringify(settings) === JSON.stringify(stored)) return { document: doc, result: doc.settings, events: [] }
  return { document: { ...doc, settings }, result: settings, events: [{ type: 'settings.changed' }] }
}
