import { z } from 'zod'
import { Case, CreditChoice } from '../cases/case'
import { DraftTemplate } from '../drafts/template'
import { Policy } from '../policies/policy'
import { presetPolicies } from '../policies/presets'
import { Settings } from '../settings/settings'

export const currentSchemaVersion = 3

/**
 * Everything one store file holds. Preset policies and shipped templates live in code; `policies` holds only the team's
 * own, `templates` the team's own and its edits of shipped ones.
 */
export const StoreDocument = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  settings: Settings,
  policies: z.array(Policy),
  templates: z.array(DraftTemplate).default([]),
  cases: z.array(Case),
})
export type StoreDocument = z.infer<typeof StoreDocument>

type RawDocument = Record<string, unknown>
type Raw = Record<string, unknown>

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown) => (typeof value === 'string' ? value : '')

/**
 * Format 1 wrote who acted as a bare name (or, in early files, a member id) and a field change as English text.
 * Format 2 keeps the actor as member id plus name, and a change's old and new values as data. Where the text still
 * holds the value (the credit choice, an assignee's or policy's id) it becomes data; any other change is kept as its
 * text in a 'field_described' event, so nothing recorded is lost.
 */
function toVersion2(doc: RawDocument): RawDocument {
  const settings = isRecord(doc.settings) ? doc.settings : {}
  const team = (Array.isArray(settings.team) ? settings.team : []).filter(isRecord)
  const policies = [...presetPolicies, ...(Array.isArray(doc.policies) ? doc.policies : []).filter(isRecord)]
  const actorOf = (by: unknown) => {
    if (isRecord(by)) return by
    const name = text(by)
    const member = team.find((m) => m.id === name)
    if (member) return { memberId: text(member.id), name: text(member.name) }
    const named = team.filter((m) => m.name === name)
    return named.length === 1 ? { memberId: text(named[0]!.id), name } : { name }
  }
  // A name only when the file still knows it (format 2 leaves an unknown one out; the formatter words that).
  const nameOf = (list: Raw[], id: string) => {
    const name = list.find((x) => x.id === id)?.name
    return typeof name === 'string' && name !== '' ? { name } : {}
  }
  const memberRef = (value: string) => (value === '(none)' ? null : { memberId: value, ...nameOf(team, value) })
  const policyRef = (value: string) => ({ policyId: value, ...nameOf(policies, value) })
  // Format 1 wrote a credit as 'named: Sam O’Connor (https://…)': the choice is the first word.
  const creditOf = (value: string) => {
    const choice = CreditChoice.safeParse(/^[a-z_]+/.exec(value)?.[0])
    return choice.success ? { choice: choice.data } : undefined
  }
  const changeOf = (event: Raw): Raw => {
    const field = text(event.field)
    const [from, to] = [text(event.from), text(event.to)]
    if (field === 'assigneeId') return { ...event, from: memberRef(from), to: memberRef(to) }
    if (field === 'policyId') return { ...event, from: policyRef(from), to: policyRef(to) }
    const [creditFrom, creditTo] = [creditOf(from), creditOf(to)]
    if (field === 'credit' && creditFrom && creditTo) return { ...event, from: creditFrom, to: creditTo }
    return { ...event, type: 'field_described' }
  }
  const eventOf = (event: unknown): unknown => {
    if (!isRecord(event)) return event
    const moved = { ...event, by: actorOf(event.by) }
    return event.type === 'field_changed' ? changeOf(moved) : moved
  }
  const cases = (Array.isArray(doc.cases) ? doc.cases : []).map((c) =>
    isRecord(c) && Array.isArray(c.timeline) ? { ...c, timeline: c.timeline.map(eventOf) } : c,
  )
  return { ...doc, schemaVersion: 2, cases }
}

/** Format 3 keeps the team's email templates; a format 2 file has none, so it drafts with the shipped ones. */
function toVersion3(doc: RawDocument): RawDocument {
  return { ...doc, schemaVersion: 3, templates: [] }
}

/**
 * migrations[n] turns a version-n document into a version n+1 document. Each works on the raw JSON, before validation,
 * because an old document need not match today's schema.
 */
export const migrations: Record<number, (doc: RawDocument) => RawDocument> = { 1: toVersion2, 2: toVersion3 }

export function emptyDocument(): StoreDocument {
  return { schemaVersion: currentSchemaVersion, settings: Settings.parse({}), policies: [], templates: [], cases: [] }
}
