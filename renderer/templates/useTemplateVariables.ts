import { useMemo } from 'react'
import type { Case } from '../../src/cases/case'
import type { Deadline } from '../../src/deadlines/deadline'
import { draftVariables, senderOf, type DraftVariables } from '../../src/drafts/variables'
import type { Language } from '../../src/i18n/language'
import { sampleCases } from '../../src/samples/sampleCases'
import type { Settings, TeamMember } from '../../src/settings/settings'
import { usePolicies } from '../policies/usePolicies'
import { useCase, useDeadlines } from '../queries/cases'

export type TemplateVariables = {
  /** The case the values come from: one of the store's, or an example when the store has none. */
  kase: Case
  example: boolean
  byLanguage: Record<Language, DraftVariables>
}

/**
 * Every variable with its value for the chosen case, in both languages, as the draft screen would fill them (same
 * sender, organisation, policy and deadlines): a template is checked against both before it is saved. With no case
 * chosen, an example case stands in (without deadlines, so the dates counted from them are empty).
 */
export function useTemplateVariables(
  caseId: string,
  settings: Settings,
  member: TeamMember | undefined,
): { variables: TemplateVariables | null; error: Error | null } {
  // Asked only once a case is chosen.
  const chosen = useCase(caseId, { enabled: caseId !== '' })
  const deadlines = useDeadlines(caseId, { enabled: caseId !== '' })
  const { policies } = usePolicies()
  const example = useMemo(() => exampleCase(settings), [settings])
  const kase = caseId ? chosen.data : example
  const caseDeadlines = caseId ? deadlines.data : noDeadlines
  const policy = policies?.find((p) => p.id === kase?.policyId)
  const sender = useMemo(() => senderOf(member), [member])
  const variables = useMemo(() => {
    if (!kase || !caseDeadlines) return null
    const now = new Date()
    const of = (language: Language) =>
      draftVariables({ case: kase, deadlines: caseDeadlines, policy, sender, organisation: settings.organisation, language, inputs: {}, now })
    return { kase, example: !caseId, byLanguage: { en: of('en'), nl: of('nl') } }
  }, [kase, caseDeadlines, policy, sender, settings.organisation, caseId])
  return { variables, error: caseId ? (chosen.error ?? deadlines.error) : null }
}

const noDeadlines: Deadline[] = []

/** A demo case as the samples write it, pinned to the team's calendar and default policy; never stored. */
function exampleCase(settings: Settings): Case {
  let id = 0
  const [sample] = sampleCases({
    now: new Date(),
    newId: () => `example-${++id}`,
    calendar: settings.calendar,
    policyId: settings.defaultPolicyId,
    actor: { name: 'Example' },
  })
  return { ...sample!, key: `VD-${new Date().getFullYear()}-001` }
}
