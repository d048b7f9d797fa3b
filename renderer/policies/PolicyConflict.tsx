import { useEffect, useState } from 'react'
import type { PolicyEntry } from '../../src/ipc/contract'
import { policyPartLabel } from '../../src/i18n/partLabels'
import { theirOnlyParts, type Choices } from '../../src/merge/parts'
import { comparePolicy, mergedPolicy, policyParts, policyValueAt } from '../../src/policies/mergePolicy'
import type { Policy } from '../../src/policies/policy'
import { call, DeskFailure, type FieldIssue } from '../desk'
import { ClashChoices, ClashLoading } from '../forms/ClashChoices'
import { useProblems } from '../shell/Problems'
import { longPolicyPart, policyValueText } from './policyPartText'

/** One round of putting the two together: this person's policy made on `base`, and the policy as stored now. */
type Round = { base: Policy; mine: Policy; theirs?: Policy | null; n: number }

export const withoutPresetFlag = ({ preset: _, ...policy }: PolicyEntry): Policy => policy

/** The policy as stored now, from the list every screen reads; null when it is no longer there. */
export async function storedPolicy(id: string): Promise<{ theirs: Policy | null; all: Policy[] }> {
  const all = (await call((desk) => desk.policies.list({}))).map(withoutPresetFlag)
  return { theirs: all.find((p) => p.id === id) ?? null, all }
}

/**
 * Shown instead of the policy editor when its save was refused because someone else saved the same policy meanwhile:
 * each part this person changed (the name, the text, a rule) shows "Yours" next to "Theirs"; what only one side
 * changed is taken, what both changed differently is chosen here. Save saves the merged policy on the version just
 * fetched; should someone save again meanwhile, the same happens once more. Until a save goes through the editor
 * keeps everything typed (`onBack`); a merged policy the backend refuses at a field (a quote no longer in the text)
 * goes back to the editor, on their version, with the refusal at that field (`onRefused`).
 */
export function PolicyConflict({
  base,
  mine,
  onSaved,
  onBack,
  onRefused,
}: {
  base: Policy
  mine: Policy
  onSaved(saved: Policy): void
  onBack(): void
  onRefused(theirs: Policy, merged: Policy, issues: FieldIssue[]): void
}) {
  const { report } = useProblems()
  const [round, setRound] = useState<Round>({ base, mine, n: 0 })
  const [all, setAll] = useState<Policy[]>([])
  const [busy, setBusy] = useState(false)
  const { theirs } = round

  useEffect(() => {
    if (theirs !== undefined) return
    let live = true
    // The refused save took the colleague's write in under the lock, so the list holds their version.
    storedPolicy(round.mine.id).then(
      (found) => {
        if (!live) return
        setAll(found.all)
        setRound((r) => ({ ...r, theirs: found.theirs }))
      },
      (error: unknown) => live && report(error),
    )
    return () => {
      live = false
    }
  }, [theirs, round.mine.id, report])

  if (theirs === undefined) {
    return (
      <ClashLoading
        label="Someone else saved this policy"
        message="Someone else saved this policy after you opened it. Loading their version…"
        onBack={onBack}
      />
    )
  }

  /** Saves `policy` made on `on`; refused again as a conflict, the next round starts on the newer version. */
  async function saveOn(policy: Policy, on: Policy | null) {
    setBusy(true)
    try {
      onSaved(await call((desk) => desk.policies.save({ policy, base: on })))
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'conflict') setRound((r) => ({ base: on ?? r.base, mine: policy, n: r.n + 1 }))
      else if (error instanceof DeskFailure && error.issues.length > 0 && on) onRefused(on, policy, error.issues)
      else report(error)
    } finally {
      setBusy(false)
    }
  }

  if (theirs === null) {
    return (
      <section className="card clash-choices" aria-labelledby="policy-gone-title">
        <h2 id="policy-gone-title">Someone else deleted this policy while you were editing it</h2>
        <p className="clash-lead">Your edits are not saved. Save them to keep the policy as you wrote it, or go back to your edits.</p>
        <div className="form-actions clash-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void saveOn(round.mine, null)}>
            Save my policy again
          </button>
          <button type="button" className="button" onClick={onBack}>
            Back to my edits
          </button>
        </div>
      </section>
    )
  }

  const edits = comparePolicy(round.base, round.mine, theirs)
  const parts = policyParts(round.base, round.mine, theirs)
  const label = (part: string) => policyPartLabel(part, [theirs.rules, round.mine.rules, round.base.rules])
  const theirsOnly = theirOnlyParts(parts, policyValueAt, round.base, theirs, edits)
  const toChoose = edits.some((e) => e.side === 'both')
  const save = (choices: Choices) => void saveOn(mergedPolicy(edits, theirs, choices), theirs)

  return (
    <ClashChoices
      key={round.n}
      title="Someone else saved this policy while you were editing it"
      lead={
        <p>
          Yours is not saved yet.{' '}
          {toChoose
            ? 'Nothing is lost: for each part you both changed, choose which version to keep, then save.'
            : 'None of the parts you changed was changed by them: save to add your changes to theirs.'}
        </p>
      }
      edits={edits}
      theirsOnly={theirsOnly.map(label)}
      partLabel={label}
      valueText={policyValueText(all)}
      long={longPolicyPart}
      busy={busy}
      onSave={save}
      onBack={onBack}
    />
  )
}
