import { useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { listInWords } from '../../src/i18n/partLabels'
import { unchosen, type Choice, type Choices, type PartEdit } from '../../src/merge/parts'
import './clashChoices.css'

/**
 * A save refused because a colleague saved the same thing meanwhile, put side by side part by part: each part this
 * person changed shows "Yours" next to "Theirs". What only this person changed is listed as kept, what only the
 * colleague changed is named as kept (`theirsOnly`), and what both changed differently is chosen here, per part or all
 * at once. Save hands the choices to `onSave` only once every such part has one. Values are shown as text only: what
 * a colleague or a reporter typed is never markup.
 *
 * The choices live here: give the component a new `key` for each round (e.g. the colleague saved once more), so the
 * person chooses again on the newer version.
 */
export function ClashChoices<P extends string>({
  title,
  lead,
  edits,
  theirsOnly = [],
  partLabel,
  valueText,
  long = () => false,
  theirLabel = () => 'Theirs',
  busy,
  onSave,
  onBack,
  backLabel = 'Back to my edits',
  className = '',
}: {
  /** The heading, which gets the focus when shown: who changed what, e.g. "Ben Okafor changed this case while you were editing it". */
  title: string
  /** Under the heading: what is saved and what not yet, what to do. */
  lead: ReactNode
  /** The parts this person changed, with both sides (src/merge/parts.ts compareParts). */
  edits: readonly PartEdit<P>[]
  /** Labels of what only the colleague changed, kept as they saved it. */
  theirsOnly?: readonly string[]
  partLabel(part: P): string
  /** A part's value in words; empty or missing should read as such, e.g. "(none)". */
  valueText(part: P, value: unknown): string
  /** Parts shown in a scrolling box (long text, a key). */
  long?(part: P): boolean
  /** The colleague's side, e.g. "Theirs (Ben Okafor, 10:02)"; "Theirs" unless given. */
  theirLabel?(edit: PartEdit<P>): string
  /** A save is under way: Save is off. */
  busy: boolean
  /** Every part both changed has a choice in `choices`. */
  onSave(choices: Choices<P>): void
  /** Back to the form, which still holds everything typed. */
  onBack(): void
  /** Where there is no form to go back to (a button's change), e.g. "Cancel". */
  backLabel?: string
  className?: string
}) {
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [choices, setChoices] = useState<Choices<P>>({})
  const [missing, setMissing] = useState<P[]>([])
  const toChoose = edits.filter((e) => e.side === 'both')
  const radioId = (part: P, choice: Choice) => `${id}-${edits.findIndex((e) => e.part === part)}-${choice}`

  // Before the screen is painted, so that neither the person nor a screen reader meets the focus still on the form's Save.
  useLayoutEffect(() => heading.current?.focus(), [])

  const choose = (part: P, choice: Choice) => {
    setChoices((c) => ({ ...c, [part]: choice }))
    setMissing((m) => m.filter((p) => p !== part))
  }
  const chooseAll = (choice: Choice) => {
    setChoices(Object.fromEntries(toChoose.map((e) => [e.part, choice])) as Choices<P>)
    setMissing([])
  }

  function save(event: FormEvent) {
    event.preventDefault()
    const left = unchosen(edits, choices)
    if (left.length > 0) {
      setMissing(left)
      document.getElementById(radioId(left[0]!, 'mine'))?.focus()
      return
    }
    onSave(choices)
  }

  return (
    <form className={`card clash-choices ${className}`.trim()} aria-labelledby={`${id}-title`} noValidate onSubmit={save}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <div className="clash-lead">{lead}</div>
      {missing.length > 0 && (
        <p className="form-summary" role="alert">
          Choose yours or theirs for: {listInWords(missing.map(partLabel))}.
        </p>
      )}
      <div className="clash-parts">
        {edits.map((edit) => (
          <PartChoice
            key={edit.part}
            edit={edit}
            label={partLabel(edit.part)}
            theirLabel={theirLabel(edit)}
            long={long(edit.part)}
            valueText={(value) => valueText(edit.part, value)}
            radioId={(choice) => radioId(edit.part, choice)}
            name={`${id}-${edit.part}`}
            choice={choices[edit.part]}
            unchosen={missing.includes(edit.part)}
            onChoose={(c) => choose(edit.part, c)}
          />
        ))}
      </div>
      {theirsOnly.length > 0 && (
        <p className="muted clash-theirs-only">They also changed {listInWords(theirsOnly)}; kept as they saved it.</p>
      )}
      <div className="form-actions clash-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save
        </button>
        {toChoose.length > 0 && (
          <>
            <button type="button" className="button" onClick={() => chooseAll('mine')}>
              Keep all mine
            </button>
            <button type="button" className="button" onClick={() => chooseAll('theirs')}>
              Take all theirs
            </button>
          </>
        )}
        <button type="button" className="button" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </form>
  )
}

/**
 * While the colleague's version loads (after a refusal): the same card, saying so, with the way back to the form, so
 * nothing typed is out of reach should it not load.
 */
export function ClashLoading({
  message,
  label,
  onBack,
  backLabel = 'Back to my edits',
  className = '',
}: {
  message: string
  label: string
  onBack(): void
  backLabel?: string
  className?: string
}) {
  return (
    <section className={`card clash-choices ${className}`.trim()} aria-busy="true" aria-label={label}>
      <p>{message}</p>
      <div className="form-actions clash-actions">
        <button type="button" className="button" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </section>
  )
}

function PartChoice<P extends string>({
  edit,
  label,
  theirLabel,
  long,
  valueText,
  radioId,
  name,
  choice,
  unchosen,
  onChoose,
}: {
  edit: PartEdit<P>
  label: string
  theirLabel: string
  long: boolean
  valueText(value: unknown): string
  radioId(choice: Choice): string
  name: string
  choice: Choice | undefined
  unchosen: boolean
  onChoose(choice: Choice): void
}) {
  const value = (v: unknown) => {
    const text = valueText(v)
    return long ? <pre className="clash-value clash-long">{text}</pre> : <span className="clash-value">{text}</span>
  }
  if (edit.side !== 'both') {
    return (
      <div className="clash-part" role="group" aria-label={label}>
        <div className="clash-field">{label}</div>
        <div className="clash-side clash-kept">
          <span className="clash-side-label">Yours</span>
          {value(edit.mine)}
        </div>
        <div className="clash-side">
          <span className="clash-side-label">{edit.side === 'same' ? `${theirLabel}: the same` : 'Theirs: not changed'}</span>
          {edit.side === 'mine' && value(edit.theirs)}
        </div>
        <div className="clash-note muted">{edit.side === 'same' ? 'You both made this change.' : 'Yours is kept.'}</div>
      </div>
    )
  }
  return (
    <fieldset className={unchosen ? 'clash-part clash-unchosen' : 'clash-part'}>
      <legend className="clash-field">{label}</legend>
      {(['mine', 'theirs'] as const).map((side) => (
        <label key={side} className={choice === side ? 'clash-side clash-kept' : 'clash-side'} htmlFor={radioId(side)}>
          <span className="clash-side-label">
            <input type="radio" id={radioId(side)} name={name} checked={choice === side} onChange={() => onChoose(side)} />
            {side === 'mine' ? 'Yours' : theirLabel}
          </span>
          {value(side === 'mine' ? edit.mine : edit.theirs)}
        </label>
      ))}
      <div className="clash-note muted">{choice ? (choice === 'mine' ? 'Yours is kept.' : 'Theirs is kept.') : 'Choose one.'}</div>
    </fieldset>
  )
}
