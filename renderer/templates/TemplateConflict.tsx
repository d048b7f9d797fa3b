import { useEffect, useState } from 'react'
import type { TemplateEntry } from '../../src/drafts/catalog'
import { compareTemplate, mergedTemplate, templateParts, templateValueAt, type TemplatePart } from '../../src/drafts/mergeTemplate'
import type { DraftTemplate } from '../../src/drafts/template'
import { purposeLabels } from '../../src/i18n/draftWords'
import { templatePartLabel } from '../../src/i18n/partLabels'
import { theirOnlyParts, type Choices } from '../../src/merge/parts'
import { call, DeskFailure } from '../desk'
import { ClashChoices, ClashLoading } from '../forms/ClashChoices'
import { useSaveTemplate } from '../queries/templates'
import { useProblems } from '../shell/Problems'
import { useAction } from '../shell/useAction'
import { withoutEntryFlags } from './templateCopy'

/** One round of putting the two together: this person's template made on `base`, and the template as stored now. */
type Round = { base: DraftTemplate; mine: DraftTemplate; theirs?: DraftTemplate | null; n: number }

/** The template as stored now, from the list every screen reads; null when it is no longer there. */
export async function storedTemplate(id: string): Promise<{ theirs: DraftTemplate | null; all: TemplateEntry[] }> {
  const all = await call((desk) => desk.templates.list({}))
  const entry = all.find((t) => t.id === id)
  return { theirs: entry ? withoutEntryFlags(entry) : null, all }
}

/** A part of a template in words, as the editor shows it; an empty one says so. */
export function templateValueText(all: readonly TemplateEntry[]) {
  return (part: TemplatePart, value: unknown): string => {
    if (part === 'purpose') return purposeLabels.en[value as DraftTemplate['purpose']]
    if (part === 'basedOn') return value === undefined ? '(none)' : (all.find((t) => t.id === value)?.name ?? String(value))
    return typeof value === 'string' && value !== '' ? value : '(empty)'
  }
}

/** Bodies are long: shown preformatted, in a box of their own. */
export const longTemplatePart = (part: TemplatePart) => part.endsWith('.body')

/**
 * Shown instead of the editor when its save was refused because someone else saved the same template meanwhile: each
 * part this person changed shows "Yours" next to "Theirs"; what only one side changed is taken, what both changed
 * differently is chosen here. Save saves the merged template on the version just fetched; should someone save again
 * meanwhile, the same happens once more. Until a save goes through the editor keeps everything typed (`onBack`).
 */
export function TemplateConflict({
  base,
  mine,
  onSaved,
  onBack,
}: {
  base: DraftTemplate
  mine: DraftTemplate
  onSaved(saved: DraftTemplate): void
  onBack(): void
}) {
  const { report } = useProblems()
  const saveTemplate = useSaveTemplate()
  const { busy, run } = useAction()
  const [round, setRound] = useState<Round>({ base, mine, n: 0 })
  const [all, setAll] = useState<TemplateEntry[]>([])
  const { theirs } = round

  useEffect(() => {
    if (theirs !== undefined) return
    let live = true
    // The refused save took the colleague's write in under the lock, so the list holds their version.
    storedTemplate(round.mine.id).then(
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
        label="Someone else saved this template"
        message="Someone else saved this template after you opened it. Loading their version…"
        onBack={onBack}
      />
    )
  }

  /** Saves `template` made on `on`; refused again as a conflict, the next round starts on the newer version. */
  const saveOn = (template: DraftTemplate, on: DraftTemplate | null) =>
    run(async () => {
      try {
        onSaved(await saveTemplate(template, on))
      } catch (error) {
        if (!(error instanceof DeskFailure && error.code === 'conflict')) throw error
        setRound((r) => ({ base: on ?? r.base, mine: template, n: r.n + 1 }))
      }
    })

  if (theirs === null) {
    return (
      <section className="card clash-choices" aria-labelledby="template-gone-title">
        <h2 id="template-gone-title">Someone else deleted this template while you were editing it</h2>
        <p className="clash-lead">Your edits are not saved. Save them to keep the template as you wrote it, or go back to your edits.</p>
        <div className="form-actions clash-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void saveOn(round.mine, null)}>
            Save my template again
          </button>
          <button type="button" className="button" onClick={onBack}>
            Back to my edits
          </button>
        </div>
      </section>
    )
  }

  const edits = compareTemplate(round.base, round.mine, theirs)
  const toChoose = edits.some((e) => e.side === 'both')
  const theirsOnly = theirOnlyParts(templateParts, templateValueAt, round.base, theirs, edits)
  const save = (choices: Choices<TemplatePart>) => void saveOn(mergedTemplate(edits, theirs, choices), theirs)

  return (
    <ClashChoices
      key={round.n}
      title="Someone else saved this template while you were editing it"
      lead={
        <p>
          Yours is not saved yet.{' '}
          {toChoose
            ? 'Nothing is lost: for each part you both changed, choose which version to keep, then save.'
            : 'None of the parts you changed was changed by them: save to add your changes to theirs.'}
        </p>
      }
      edits={edits}
      theirsOnly={theirsOnly.map(templatePartLabel)}
      partLabel={templatePartLabel}
      valueText={templateValueText(all)}
      long={longTemplatePart}
      busy={busy}
      onSave={save}
      onBack={onBack}
    />
  )
}
