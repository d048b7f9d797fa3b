import { useEffect, useState } from 'react'
import type { Case, CasePatch, Severity } from '../../src/cases/case'
import {
  compareEdit,
  fieldOf,
  mergedPatch,
  theirChange,
  theirOnlyParts,
  type EditPart,
} from '../../src/cases/mergeEdit'
import type { Actor } from '../../src/cases/timeline'
import type { Choices, PartEdit } from '../../src/merge/parts'
import { formatDayTime, formatRecent, zoneLabel } from '../../src/i18n/dates'
import {
  channelLabels,
  creditChoiceLabels,
  cveCreditTypeLabels,
  languageNames,
  ratingLabels,
  rewardStatusLabels,
  unratedLabel,
} from '../../src/i18n/labels'
import type { PolicyEntry } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { call, DeskFailure, type FieldIssue } from '../desk'
import { ClashChoices, ClashLoading } from '../forms/ClashChoices'
import { usePolicies } from '../policies/usePolicies'
import { useCaseChange } from '../queries/cases'
import { useProblems } from '../shell/Problems'
import { memberName } from '../settings/members'
import { localTimeZone } from '../time/timeZones'
import { editableFieldPaths, fieldLabel } from './caseDraft'
import './caseConflict.css'

/** One round of putting the two together: this person's patch on `base`, and the case as the colleague left it. */
type Round = { base: Case; mine: CasePatch; current: Case | null }

/**
 * Shown instead of the edit form when its save was refused because a colleague saved the case meanwhile. Each field
 * this person edited shows "Yours" next to "Theirs" (who changed it, and when); what only one side changed is taken,
 * what both changed differently is chosen here. Save saves the merged change on the colleague's revision; should
 * someone save again meanwhile, the same happens once more on the newer case. Until a save goes through, the edit form
 * keeps everything typed (`onBack` returns to it), and a refusal at a field hands the merged edit back to the form.
 */
export function CaseConflict({
  base,
  mine,
  team,
  onSaved,
  onBack,
  onRefused,
}: {
  base: Case
  mine: CasePatch
  team: readonly TeamMember[]
  onSaved(): void
  onBack(): void
  /** The merged edit was refused at some fields: the form takes it up again on `current`, showing them. */
  onRefused(current: Case, patch: CasePatch, issues: FieldIssue[]): void
}) {
  const { report } = useProblems()
  const saveCase = useCaseChange()
  const { policies } = usePolicies()
  const [round, setRound] = useState<Round>({ base, mine, current: null })
  const [busy, setBusy] = useState(false)
  const { current } = round

  useEffect(() => {
    if (current) return
    let live = true
    // The refused save took the colleague's write in under the lock, so main answers with their version.
    call((desk) => desk.cases.get({ id: round.base.id })).then(
      (c) => live && setRound((r) => ({ ...r, current: c })),
      (error: unknown) => live && report(error),
    )
    return () => {
      live = false
    }
  }, [current, round.base.id, report])

  if (!current) {
    return (
      // Should their version not load (the case was removed), the edits are still there to go back to.
      <ClashLoading
        className="case-conflict"
        label="Someone else changed this case"
        message="Someone else changed this case after you opened it. Loading their version…"
        onBack={onBack}
      />
    )
  }

  const edits = compareEdit(round.base, round.mine, current)
  const theirsOnly = theirOnlyParts(round.base, current, edits)
  const now = Date.now()
  const zone = localTimeZone()
  const when = (at: string) => formatRecent(at, zone, 'en', now)
  const whoSaved = savers(round.base, current)

  async function save(choices: Choices<EditPart>) {
    if (!current) return
    const patch = mergedPatch(edits, current, choices)
    if (Object.keys(patch).length === 0) return onSaved()
    setBusy(true)
    try {
      await saveCase(() => call((desk) => desk.cases.update({ id: current.id, revision: current.revision, patch })))
      onSaved()
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'conflict') {
        // Saved again meanwhile: the same once more, on the newer case, with what is to be saved now as this person's.
        setRound({ base: current, mine: patch, current: null })
      } else if (error instanceof DeskFailure && error.issues.some(atEditedField)) {
        onRefused(current, patch, error.issues.filter(atEditedField))
      } else report(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <ClashChoices<EditPart>
      // A new round (the colleague saved once more) is chosen afresh.
      key={current.revision}
      className="case-conflict"
      title={whoSaved ? `${whoSaved.names} changed this case while you were editing it` : 'Someone else changed this case while you were editing it'}
      lead={
        <>
          {whoSaved ? `Their change was saved at ${when(whoSaved.at)}; yours is not saved yet. ` : 'Your change is not saved yet. '}
          {edits.some((e) => e.side === 'both')
            ? `Nothing is lost: for each field you both changed, choose which version to keep, then save.`
            : 'None of the fields you changed was changed by them: save to add your changes to theirs.'}
        </>
      }
      edits={edits}
      theirsOnly={theirsOnly.map(fieldLabel)}
      partLabel={fieldLabel}
      valueText={(part, value) => partText(part, value, team, policies)}
      long={(part) => part === 'reportText' || part === 'reporter.pgpPublicKey'}
      theirLabel={(edit) => theirLabel(round.base, current, edit, when)}
      busy={busy}
      onSave={(choices) => void save(choices)}
      onBack={onBack}
    />
  )
}

/** A refusal the edit form shows at one of its fields ('patch.title', or 'received.at' from a rule of the command). */
const atEditedField = (issue: FieldIssue) => editableFieldPaths.some((f) => issue.path === f || issue.path.startsWith(`${f}.`))

/** An actor by the name their app recorded; without one, "Someone". */
const actorName = (by: Actor) => by.name || 'Someone'

/** "Theirs (Ben Okafor, 10:02)": who made the colleague's change of this field, and when. */
function theirLabel(base: Case, current: Case, edit: PartEdit<EditPart>, when: (at: string) => string): string {
  const change = theirChange(base, current, fieldOf(edit.part))
  return change ? `Theirs (${actorName(change.by)}, ${when(change.at)})` : 'Theirs'
}

/** Everyone who saved the case since the edit began, and when the last of them did. */
function savers(base: Case, current: Case): { names: string; at: string } | undefined {
  const seen = new Set(base.timeline.map((e) => e.id))
  const since = current.timeline.filter((e) => !seen.has(e.id))
  if (since.length === 0) return undefined
  return { names: [...new Set(since.map((e) => actorName(e.by)))].join(' and '), at: since.at(-1)!.at }
}

/** A part's value in words, as the form or the case screen shows it; empty is "(none)". */
function partText(part: EditPart, value: unknown, team: readonly TeamMember[], policies: readonly PolicyEntry[] | null): string {
  const none = '(none)'
  switch (part) {
    case 'received': {
      const r = value as { at: string; timeZone: string }
      return `${formatDayTime(r.at, r.timeZone, 'en', true)} (${zoneLabel(r.timeZone).replaceAll('_', ' ')})`
    }
    case 'channel':
      return channelLabels.en[value as keyof (typeof channelLabels)['en']]
    case 'severity': {
      const s = value as Severity
      if (s.kind === 'unrated') return unratedLabel.en
      if (s.kind === 'rating') return ratingLabels.en[s.rating]
      return `${s.score} ${ratingLabels.en[s.rating]} (${s.vector})`
    }
    case 'assigneeId':
      return memberName(team, value as string | undefined) || 'Nobody'
    case 'policyId':
      if (policies === null) return '…'
      return policies.find((p) => p.id === value)?.name ?? 'A policy that no longer exists'
    case 'tags':
      return (value as string[]).join(', ') || none
    case 'reporter.language':
      return languageNames[value as keyof typeof languageNames]
    case 'credit.choice':
      return creditChoiceLabels.en[value as keyof (typeof creditChoiceLabels)['en']]
    case 'credit.cveCreditType':
      return cveCreditTypeLabels.en[value as keyof (typeof cveCreditTypeLabels)['en']]
    case 'reward.status':
      return rewardStatusLabels.en[value as keyof (typeof rewardStatusLabels)['en']]
    case 'reward.swag':
      return value ? 'Yes' : 'No'
    case 'reward.amount':
      return value === undefined ? none : String(value)
    default:
      return typeof value === 'string' && value !== '' ? value : none
  }
}
