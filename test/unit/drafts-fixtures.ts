import { Case } from '../../src/cases/case'
import { deadlinesOf } from '../../src/deadlines'
import { draftVariables, type Sender } from '../../src/drafts/variables'
import type { DraftInputs } from '../../src/drafts/template'
import type { Language } from '../../src/i18n/language'
import { presetPolicies } from '../../src/policies/presets'
import type { Policy } from '../../src/policies/policy'
import { sampleCases } from '../../src/samples/sampleCases'
import { Settings } from '../../src/settings/settings'

/** The demo cases as the store keeps them, at a fixed moment, with keys VD-2026-001…. */
export function sampleCasesAt(now: Date, policyId = 'ikuu'): Case[] {
  let id = 0
  return sampleCases({
    now,
    newId: () => `id-${++id}`,
    calendar: Settings.parse({}).calendar,
    policyId,
    actor: { memberId: 'm1', name: 'Eva de Vries' },
  }).map((sample, i) => Case.parse({ ...sample, key: `VD-2026-${String(i + 1).padStart(3, '0')}` }))
}

export const sender: Sender = { name: 'Eva de Vries', email: 'eva@example.nl', role: 'Security lead' }

export function variablesFor(
  c: Case,
  policy: Policy,
  language: Language,
  now: Date,
  options: { inputs?: DraftInputs; sender?: Sender | null; organisation?: string } = {},
) {
  return draftVariables({
    case: c,
    deadlines: deadlinesOf(c, policy, now),
    policy,
    sender: options.sender === undefined ? sender : options.sender,
    organisation: options.organisation ?? 'Example B.V.',
    language,
    inputs: options.inputs ?? {},
    now,
  })
}

export { presetPolicies }

/** One case as the store keeps it, received Thu 3 Dec 2026 14:10 in Amsterdam unless the overrides say otherwise. */
export function caseWith(overrides: Partial<Record<keyof Case, unknown>> = {}): Case {
  return Case.parse({
    id: 'case-1',
    key: 'VD-2026-007',
    title: 'Stored XSS in the ticket subject',
    reporter: { name: 'Priya Raman', email: 'priya@example.org', language: 'en' },
    received: { at: '2026-12-03T14:10:00+01:00', timeZone: 'Europe/Amsterdam' },
    asset: 'support.example.com',
    reportText: 'The subject is rendered without escaping.',
    status: 'received',
    credit: {},
    reward: {},
    policyId: 'ikuu',
    calendar: Settings.parse({}).calendar,
    timeline: [],
    revision: 1,
    createdAt: '2026-12-03T14:12:00+01:00',
    updatedAt: '2026-12-03T14:12:00+01:00',
    ...overrides,
  })
}

export const ikuu = presetPolicies.find((p) => p.id === 'ikuu')!
export const aimms = presetPolicies.find((p) => p.id === 'aimms')!
