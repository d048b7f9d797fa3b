import type { TeamMember } from '../../src/settings/settings'

/** A member taken off the team stays in the settings, so the cases and timelines they are on keep their name. */
export function isRemoved(member: TeamMember): boolean {
  return member.removed === true
}

/** "Ana Silva", or "Ana Silva (removed)" for someone no longer on the team. */
export function memberLabel(member: TeamMember): string {
  return isRemoved(member) ? `${member.name} (removed)` : member.name
}

/** A team member's name for display, by id; '' for nobody. */
export function memberName(team: readonly TeamMember[], id: string | undefined): string {
  if (!id) return ''
  const member = team.find((m) => m.id === id)
  // Stores written before members were kept on removal may still name one that is gone.
  return member ? memberLabel(member) : 'A former member'
}
