import { refusal } from '../errors'
import type { Settings } from '../settings/settings'

/**
 * This installation's answer to "who am I" for one store file, kept outside the (shared) file: a member id, null when
 * the person chose nobody, undefined when nobody has been chosen on this installation yet.
 */
export type LocalIdentity = string | null | undefined

const activeIds = (settings: Settings) => settings.team.filter((m) => !m.removed).map((m) => m.id)

/**
 * Who acts when this installation changes the store; undefined is nobody, recorded without a name ("Someone" on the timeline).
 *
 * A choice made on this installation is final: it names that member while they are on the team, and nobody once they
 * are removed or when "nobody" was chosen. Before any choice, older versions' choice in the file
 * (settings.currentMemberId) still counts for a store used by one person, recognised by a team of that one member:
 * on a shared store that single id was every colleague's, so there it would put one name on everyone's actions.
 */
export function actingMemberId(settings: Settings, local: LocalIdentity): string | undefined {
  const active = activeIds(settings)
  if (local !== undefined) return local !== null && active.includes(local) ? local : undefined
  const legacy = settings.currentMemberId
  return legacy !== undefined && active.length === 1 && active[0] === legacy ? legacy : undefined
}

/**
 * The older versions' choice this installation takes over as its own when it opens a store it has no choice for yet:
 * the member actingMemberId would name from the file. Kept in the identity book, it lasts when the team grows, where
 * the file's single id would stop counting the moment a colleague is added (and "I am" would fall back to nobody).
 */
export function adoptedIdentity(settings: Settings, local: LocalIdentity): string | undefined {
  return local === undefined ? actingMemberId(settings, undefined) : undefined
}

/**
 * The choice as it may be kept: nobody, or someone on the team now; anyone else is refused at the "I am" field (`path`:
 * this installation's choice, or the settings' older `currentMemberId`).
 */
export function checkedIdentity(settings: Settings, memberId: string | null, path = 'memberId'): string | null {
  if (memberId !== null && !activeIds(settings).includes(memberId)) {
    throw refusal(path, 'Choose yourself from the team list')
  }
  return memberId
}
