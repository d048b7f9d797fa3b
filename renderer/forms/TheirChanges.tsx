import type { PartEdit } from '../../src/merge/parts'
import './clashChoices.css'

/**
 * What a colleague changed since this person opened something, part by part: as it was then and as it is now. Shown
 * before a removal goes ahead over their change. Values are text only: what a colleague typed is never markup.
 */
export function TheirChanges<P extends string>({
  changes,
  partLabel,
  valueText,
  long = () => false,
}: {
  /** Each part the colleague changed: `base` as this person saw it, `theirs` as stored now. */
  changes: readonly Pick<PartEdit<P>, 'part' | 'base' | 'theirs'>[]
  partLabel(part: P): string
  valueText(part: P, value: unknown): string
  long?(part: P): boolean
}) {
  const value = (part: P, v: unknown) => {
    const text = valueText(part, v)
    return long(part) ? <pre className="clash-value clash-long">{text}</pre> : <span className="clash-value">{text}</span>
  }
  return (
    <div className="clash-parts">
      {changes.map((change) => (
        <div key={change.part} className="clash-part" role="group" aria-label={partLabel(change.part)}>
          <div className="clash-field">{partLabel(change.part)}</div>
          <div className="clash-side">
            <span className="clash-side-label">When you opened it</span>
            {value(change.part, change.base)}
          </div>
          <div className="clash-side clash-kept">
            <span className="clash-side-label">Now</span>
            {value(change.part, change.theirs)}
          </div>
        </div>
      ))}
    </div>
  )
}
