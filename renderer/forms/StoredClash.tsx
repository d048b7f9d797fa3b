import { useEffect, useState } from 'react'
import type { Choices, PartEdit } from '../../src/merge/parts'
import { DeskFailure } from '../desk'
import { useProblems } from '../shell/Problems'
import { ClashChoices, ClashLoading } from './ClashChoices'

/** One round of putting the two together: this person's value made on `base`, and the value as stored now (null: gone). */
type Round<T> = { base: T; mine: T; theirs?: T | null; n: number }

/** The value as stored now (null when it is no longer there), and everything of its kind, for naming what it refers to. */
export interface Stored<T> {
  theirs: T | null
  all: T[]
}

/**
 * Shown instead of an editor whose save was refused because someone else saved the same thing meanwhile (a policy, a
 * template: `what`): each part this person changed shows "Yours" next to "Theirs"; what only one side changed is
 * taken, what both changed differently is chosen here. Save saves the merged value on the version just fetched;
 * should someone save again meanwhile, the same happens once more. Should it be gone, the person may save theirs
 * again. Until a save goes through the editor keeps everything typed (`onBack`). `save` throws what it does not handle
 * itself: a conflict starts the next round, anything else goes to the problem banner.
 */
export function StoredClash<T extends { id: string }, P extends string>({
  what,
  base,
  mine,
  stored,
  compare,
  theirsOnly,
  merged,
  partLabel,
  valueText,
  long,
  save,
  onBack,
}: {
  what: 'policy' | 'template'
  base: T
  mine: T
  stored(id: string): Promise<Stored<T>>
  compare(base: T, mine: T, theirs: T): PartEdit<P>[]
  theirsOnly(base: T, theirs: T, edits: readonly PartEdit<P>[]): P[]
  merged(edits: readonly PartEdit<P>[], theirs: T, choices: Choices<P>): T
  partLabel(part: P, sides: readonly T[]): string
  valueText(all: readonly T[]): (part: P, value: unknown) => string
  long(part: P): boolean
  /** Saves `value` made on `on` (null: as a new one) and leaves this view. */
  save(value: T, on: T | null): Promise<void>
  onBack(): void
}) {
  const { report } = useProblems()
  const [round, setRound] = useState<Round<T>>({ base, mine, n: 0 })
  const [all, setAll] = useState<T[]>([])
  const [busy, setBusy] = useState(false)
  const { theirs } = round

  useEffect(() => {
    if (theirs !== undefined) return
    let live = true
    // The refused save took the colleague's write in under the lock, so the list holds their version.
    stored(round.mine.id).then(
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
  }, [theirs, round.mine.id, stored, report])

  if (theirs === undefined) {
    return <ClashLoading label={`Someone else saved this ${what}`} message={`Someone else saved this ${what} after you opened it. Loading their version…`} onBack={onBack} />
  }

  async function saveOn(value: T, on: T | null) {
    setBusy(true)
    try {
      await save(value, on)
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'conflict') setRound((r) => ({ base: on ?? r.base, mine: value, n: r.n + 1 }))
      else report(error)
    } finally {
      setBusy(false)
    }
  }

  if (theirs === null) {
    return (
      <section className="card clash-choices" aria-labelledby={`${what}-gone-title`}>
        <h2 id={`${what}-gone-title`}>Someone else deleted this {what} while you were editing it</h2>
        <p className="clash-lead">
          Your edits are not saved. Save them to keep the {what} as you wrote it, or go back to your edits.
        </p>
        <div className="form-actions clash-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void saveOn(round.mine, null)}>
            Save my {what} again
          </button>
          <button type="button" className="button" onClick={onBack}>
            Back to my edits
          </button>
        </div>
      </section>
    )
  }

  const edits = compare(round.base, round.mine, theirs)
  const label = (part: P) => partLabel(part, [theirs, round.mine, round.base])
  const toChoose = edits.some((e) => e.side === 'both')

  return (
    <ClashChoices
      key={round.n}
      title={`Someone else saved this ${what} while you were editing it`}
      lead={
        <p>
          Yours is not saved yet.{' '}
          {toChoose
            ? 'Nothing is lost: for each part you both changed, choose which version to keep, then save.'
            : 'None of the parts you changed was changed by them: save to add your changes to theirs.'}
        </p>
      }
      edits={edits}
      theirsOnly={theirsOnly(round.base, theirs, edits).map(label)}
      partLabel={label}
      valueText={valueText(all)}
      long={long}
      busy={busy}
      onSave={(choices) => void saveOn(merged(edits, theirs, choices), theirs)}
      onBack={onBack}
    />
  )
}
