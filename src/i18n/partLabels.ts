import type { PolicyRule } from '../policies/policy'
import { memberOfPart, type MemberField } from '../settings/mergeSettings'
import type { TeamMember } from '../settings/settings'
import { dueLabels } from './labels'

// What a part of the settings, a policy or a template is called where two people's changes of it are set side by side
// ("Team: Sam Rivera’s email"), in the words of the screen that edits it. The conflict refusal and the dialogs both
// use these.

const settingsLabels: Record<string, string> = {
  organisation: 'Organisation',
  defaultPolicyId: 'Default policy',
  currentMemberId: '“I am” (kept in the file by older versions)',
  'calendar.spec.place': 'Calendar: country and region',
  'calendar.spec.holidayTypes': 'Calendar: holidays counted as non-working',
  'calendar.spec.workWeek': 'Calendar: work week',
  'calendar.spec.closures': 'Calendar: closures',
  'calendar.spec.workingDays': 'Calendar: make-up working days',
  'calendar.spec.overrides': 'Calendar: holidays in the year',
  'calendar.spec.timeZone': 'Calendar: time zone',
  'calendar.endOfWorkingDay': 'Calendar: end of working day',
  'calendar.afterHoursCountsNextDay': 'Calendar: reports received after hours',
}

const memberFieldLabels: Record<MemberField, (name: string) => string> = {
  name: (name) => `Team: ${name}’s name`,
  email: (name) => `Team: ${name}’s email`,
  role: (name) => `Team: ${name}’s role`,
  signature: (name) => `Team: ${name}’s signature`,
  removed: (name) => `Team: whether ${name} is removed`,
}

/**
 * A settings part in words. `teams`: the team lists to find a member's name in, first match wins (theirs, mine, base:
 * a member is named as they are called now).
 */
export function settingsPartLabel(part: string, teams: readonly (readonly TeamMember[])[]): string {
  const member = memberOfPart(part)
  if (member) {
    const name = teams.flatMap((team) => team.filter((m) => m.id === member.id)).find((m) => m.name)?.name ?? 'a team member'
    return memberFieldLabels[member.field](name)
  }
  return settingsLabels[part] ?? part
}

const policyLabels: Record<string, string> = { name: 'Policy name', text: 'Policy text', basedOn: 'Copied from' }

/**
 * A policy part in words; a rule ('rules.<id>') by what it promises. `rules`: the rule lists to find it in, first
 * match wins (theirs, mine, base).
 */
export function policyPartLabel(part: string, rules: readonly (readonly PolicyRule[])[]): string {
  if (part.startsWith('rules.')) {
    const id = part.slice('rules.'.length)
    const rule = rules.flatMap((list) => list.filter((r) => r.id === id))[0]
    return `Rule: ${rule ? dueLabels.en[rule.due].toLowerCase() : id}`
  }
  return policyLabels[part] ?? part
}

const templateLabels: Record<string, string> = {
  name: 'Name',
  purpose: 'Purpose',
  'texts.en.subject': 'English subject',
  'texts.en.body': 'English body',
  'texts.nl.subject': 'Dutch subject',
  'texts.nl.body': 'Dutch body',
  basedOn: 'Copied from',
}

/** A template part in words. */
export function templatePartLabel(part: string): string {
  return templateLabels[part] ?? part
}

/** Labels as a sentence's list: "A, B and C". */
export function listInWords(labels: readonly string[]): string {
  const unique = [...new Set(labels)]
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`
}
