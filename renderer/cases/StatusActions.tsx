import { useEffect, useState, type FormEvent } from 'react'
import { allowedTransitions, closingReasonsFrom, type ClosingReason, type Transition } from '../../src/cases/lifecycle'
import type { Case } from '../../src/cases/case'
import { closingReasonLabels, statusLabels } from '../../src/i18n/labels'
import { latestStatusMove } from '../../src/cases/history'
import { Field } from '../forms/Field'
import { FormButtons } from '../forms/FormButtons'
import { useCaseSummaries } from './CaseSummaries'

type Props = {
  kase: Case
  busy: boolean
  onTransition(transition: Transition): Promise<boolean>
  /** Takes back the latest status move; absent when there is none to take back. */
  onUndo?: () => void
}

/** Only the moves the lifecycle allows from the current status; closing asks why first; the latest move can be undone. */
export function StatusActions({ kase, busy, onTransition, onUndo }: Props) {
  const [closing, setClosing] = useState(false)
  const targets = allowedTransitions(kase.status)
  const moves = targets.filter((to) => to !== 'closed')
  const undone = undoableMove(kase)

  // The case moved (closed after the confirm dialog, or by a colleague): the closing form has done its work.
  useEffect(() => setClosing(false), [kase.status])

  return (
    <div className="status-actions">
      <div className="button-row">
        {moves.map((to) => (
          <button key={to} type="button" className="button" disabled={busy} onClick={() => void onTransition({ to })}>
            Move to {statusLabels.en[to]}
          </button>
        ))}
        {targets.includes('closed') && !closing && (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => setClosing(true)}>
            Close case…
          </button>
        )}
        {onUndo && undone && (
          <button type="button" className="button button-quiet" disabled={busy} onClick={onUndo}>
            Undo move to {statusLabels.en[undone]}
          </button>
        )}
      </div>
      {closing && (
        <ClosingForm
          kase={kase}
          busy={busy}
          onCancel={() => setClosing(false)}
          onClose={async (transition) => {
            if (await onTransition(transition)) setClosing(false)
          }}
        />
      )}
    </div>
  )
}

/** The status the latest move went to, if that move can still be taken back (it is not itself an undo). */
function undoableMove(kase: Case): Case['status'] | undefined {
  const last = latestStatusMove(kase)
  return last && last.reverts === undefined && last.to === kase.status ? last.to : undefined
}

function ClosingForm({
  kase,
  busy,
  onCancel,
  onClose,
}: {
  kase: Case
  busy: boolean
  onCancel(): void
  onClose(transition: Transition): Promise<void>
}) {
  const { summaries } = useCaseSummaries()
  const reasons = closingReasonsFrom(kase.status)
  const [reason, setReason] = useState<ClosingReason>(reasons[0]!)
  const [original, setOriginal] = useState('')
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string>()
  const otherKeys = (summaries ?? []).filter((s) => s.id !== kase.id).map((s) => s.key)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const key = original.trim().toUpperCase()
    if (reason === 'duplicate') {
      if (!key) return setError('Name the original case this one duplicates, e.g. VD-2026-004')
      if (key === kase.key) return setError('A case cannot duplicate itself; name the original case')
      if (!otherKeys.includes(key)) return setError(`There is no case ${key}; check the key of the original case`)
    }
    setError(undefined)
    await onClose({
      to: 'closed',
      closingReason: reason,
      ...(reason === 'duplicate' ? { duplicateOf: key } : {}),
      ...(comment.trim() ? { comment } : {}),
    })
  }

  return (
    <form className="closing-form" aria-label="Close case" noValidate onSubmit={(e) => void submit(e)}>
      <div className="field-grid">
        <Field label="Closing reason">
          {(a) => (
            <select {...a} value={reason} onChange={(e) => setReason(e.target.value as ClosingReason)}>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {closingReasonLabels.en[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {reason === 'duplicate' && (
          <Field label="Original case" error={error} hint="The key of the case this one duplicates">
            {(a) => (
              <>
                <input
                  {...a}
                  type="text"
                  className="mono"
                  list="original-case-keys"
                  autoComplete="off"
                  value={original}
                  onChange={(e) => setOriginal(e.target.value)}
                />
                <datalist id="original-case-keys">
                  {otherKeys.map((k) => (
                    <option key={k} value={k} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        )}
        <Field label="Closing comment" optional wide>
          {(a) => <textarea {...a} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
      </div>
      <FormButtons submit="Close case" onCancel={onCancel} busy={busy} danger />
    </form>
  )
}
