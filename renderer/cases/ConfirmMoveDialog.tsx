import type { Deadline } from '../../src/deadlines/deadline'
import { Dialog } from '../dialogs/Dialog'

/** What moving the case would do to its promises, as the backend previews it. */
export type MovePreview = { openPromises: Deadline[]; becomeOverdue: Deadline[]; becomeNotApplicable: Deadline[] }

/** True when the move would break or drop a promise, so the user is asked first. */
export const movePutsPromisesAtRisk = (p: MovePreview) =>
  p.openPromises.length + p.becomeOverdue.length + p.becomeNotApplicable.length > 0

const words = {
  published: { title: 'Publish with promises still open?', verb: 'Publishing', anyway: 'Publish anyway' },
  closed: { title: 'Close with promises still open?', verb: 'Closing', anyway: 'Close anyway' },
} as const

/**
 * Publishing or closing ends what the policy promised the reporter: the dialog names each promise still open and
 * what the move does to its deadline, before the user confirms.
 */
export function ConfirmMoveDialog({
  to,
  preview,
  label,
  busy,
  onCancel,
  onConfirm,
}: {
  to: keyof typeof words
  preview: MovePreview
  /** The deadline's name in the user's words. */
  label(deadline: Deadline): string
  busy: boolean
  onCancel(): void
  onConfirm(): void
}) {
  const w = words[to]
  return (
    <Dialog
      title={w.title}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
            {w.anyway}
          </button>
        </>
      }
    >
      {preview.openPromises.length > 0 && (
        <DeadlineList title="Not kept yet" deadlines={preview.openPromises} label={label} />
      )}
      {preview.becomeOverdue.length > 0 && (
        <DeadlineList title={`${w.verb} now makes these overdue`} deadlines={preview.becomeOverdue} label={label} />
      )}
      {preview.becomeNotApplicable.length > 0 && (
        <DeadlineList
          title={`${w.verb} now makes these not applicable`}
          deadlines={preview.becomeNotApplicable}
          label={label}
        />
      )}
      <p className="muted">Keep them first, or go ahead if the reporter agreed otherwise; the timeline records the move.</p>
    </Dialog>
  )
}

function DeadlineList({ title, deadlines, label }: { title: string; deadlines: Deadline[]; label(d: Deadline): string }) {
  return (
    <section className="dialog-section" aria-label={title}>
      <h3 className="dialog-section-title">{title}</h3>
      <ul>
        {deadlines.map((d) => (
          <li key={`${d.ruleId}-${d.occurrence}`}>
            <strong>{label(d)}</strong>
            {d.quote && <span className="dialog-quote"> “{d.quote}”</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
