import type { Deadline } from '../../src/deadlines/deadline'
import { deadlineText } from '../../src/i18n/deadlineText'
import type { TransitionPreview } from '../../src/ipc/contract'
import { Dialog } from '../dialogs/Dialog'

const words = {
  published: {
    title: 'Publish with promises still open?',
    verb: 'Publishing',
    anyway: 'Publish anyway',
    advice: 'Keep them first, or go ahead if the reporter agreed otherwise. The timeline records the move, and it can be undone.',
  },
  closed: {
    title: 'Close with promises still open?',
    verb: 'Closing',
    anyway: 'Close anyway',
    advice: 'A closed case keeps no more promises. The timeline records the move, and it can be undone.',
  },
} as const

export type ConfirmableMove = keyof typeof words
export const isConfirmableMove = (to: string): to is ConfirmableMove => Object.hasOwn(words, to)

/**
 * Publishing or closing ends what the policy promised the reporter: the dialog names each promise still open and
 * what the move does to it, before the user confirms. Cancel has the focus, so Enter does not break a promise.
 */
export function ConfirmMoveDialog({
  to,
  preview,
  busy,
  onCancel,
  onConfirm,
}: {
  to: ConfirmableMove
  preview: TransitionPreview
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
      <p>
        {preview.openPromises.length === 1 ? 'One promise to the reporter is' : `${preview.openPromises.length} promises to the reporter are`}{' '}
        not kept yet.
      </p>
      {preview.becomeOverdue.length > 0 && (
        <DeadlineList title={`${w.verb} now makes these overdue`} deadlines={preview.becomeOverdue} />
      )}
      {preview.becomeNotApplicable.length > 0 && (
        <DeadlineList title={`${w.verb} now makes these not applicable`} deadlines={preview.becomeNotApplicable} />
      )}
      <p className="muted">{w.advice}</p>
    </Dialog>
  )
}

function DeadlineList({ title, deadlines }: { title: string; deadlines: Deadline[] }) {
  return (
    <section className="dialog-section" aria-label={title}>
      <h3 className="dialog-section-title">{title}</h3>
      <ul>
        {deadlines.map((d) => (
          <li key={`${d.ruleId}-${d.occurrence}`}>
            <strong>{deadlineText(d, 'en').label}</strong>
            {d.quote && <span className="dialog-quote"> “{d.quote}”</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
