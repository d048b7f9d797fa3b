import { useEffect, useState } from 'react'
import type { Case } from '../../src/cases/case'
import { latestStatusMove } from '../../src/cases/history'
import type { Transition } from '../../src/cases/lifecycle'
import type { TransitionPreview } from '../../src/ipc/contract'
import { call, DeskFailure, type FieldIssue } from '../desk'
import { useCaseChange } from '../queries/cases'
import { useProblems } from '../shell/Problems'
import { isConfirmableMove, type ConfirmableMove } from './ConfirmMoveDialog'
import type { Correction } from './CorrectEventForm'
import type { MilestoneRecord } from './MilestoneRecorder'

/** Publishing or closing that waits for the user's answer in the confirm dialog. */
export type Confirming = { transition: Transition & { to: ConfirmableMove }; preview: TransitionPreview }

/** The backend's refusals that the form they came from shows at its fields: those whose path starts with one of `fields`. */
const fieldIssues = (failure: DeskFailure, fields: readonly string[]) =>
  failure.issues.filter((i) => fields.some((f) => i.path === f || i.path.startsWith(`${f}.`)))

/**
 * Every change the case screen makes to a case, each one call to main whose answer replaces the case in the cache.
 * A form gets back `true`, or the refusals it can show at its own fields; anything else goes to the screen's messages,
 * and a save that lost a race with a colleague sets `conflict`.
 */
export function useCaseActions(kase: Case | null) {
  const { report } = useProblems()
  const saveCase = useCaseChange()
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState(false)
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const id = kase?.id

  useEffect(() => {
    setConflict(false)
    setConfirming(null)
  }, [id])

  async function change(request: (c: Case) => Promise<Case>, fields: readonly string[] = []): Promise<true | FieldIssue[]> {
    if (!kase) return []
    setBusy(true)
    try {
      await saveCase(() => request(kase))
      setConflict(false)
      return true
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'conflict') {
        setConflict(true)
        return []
      }
      const placed = error instanceof DeskFailure ? fieldIssues(error, fields) : []
      if (placed.length === 0) report(error)
      return placed
    } finally {
      setBusy(false)
    }
  }

  const send = (t: Transition, acceptOpenPromises: boolean) =>
    change((c) =>
      call((desk) => desk.cases.transition({ id: c.id, revision: c.revision, transition: t, ...(acceptOpenPromises ? { acceptOpenPromises } : {}) })),
    )

  /** Publishing or closing first asks the backend what it would do to the promises still open, and asks the user if any are. */
  async function transition(t: Transition): Promise<boolean> {
    if (!kase) return false
    const to = t.to
    if (isConfirmableMove(to)) {
      try {
        const preview = await call((desk) => desk.cases.previewTransition({ id: kase.id, transition: t }))
        if (preview.openPromises.length > 0) {
          setConfirming({ transition: { ...t, to }, preview })
          return false
        }
      } catch (error) {
        report(error)
        return false
      }
    }
    return (await send(t, false)) === true
  }

  return {
    busy,
    conflict,
    clearConflict: () => setConflict(false),
    confirming,
    cancelMove: () => setConfirming(null),
    async confirmMove() {
      if (confirming && (await send(confirming.transition, true)) === true) setConfirming(null)
    },
    change,
    transition,
    undo() {
      const last = kase && latestStatusMove(kase)
      if (last) void change((c) => call((desk) => desk.cases.revertStatus({ id: c.id, revision: c.revision, eventId: last.id })))
    },
    addNote: (text: string) => change((c) => call((desk) => desk.cases.addNote({ id: c.id, text })), ['text']),
    recordMilestone: (r: MilestoneRecord) =>
      change((c) => call((desk) => desk.cases.recordMilestone({ id: c.id, ...r })), ['milestone', 'on', 'comment']),
    correct: (eventId: string) => (correction: Correction) =>
      change((c) => call((desk) => desk.cases.correctEvent({ id: c.id, eventId, ...correction })), ['on', 'text', 'comment', 'reason']),
    withdraw: (eventId: string) => (w: { reason?: string }) =>
      change((c) => call((desk) => desk.cases.withdrawEvent({ id: c.id, eventId, ...w })), ['reason']),
  }
}
