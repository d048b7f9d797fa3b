import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useBlocker, type BlockerFunction } from 'react-router'
import { Dialog } from '../dialogs/Dialog'

type LeaveQuestion = { what: string; stay(): void; leave(): void }
type Ask = (question: LeaveQuestion) => () => void

const AskContext = createContext<Ask | null>(null)

/** Where the shell asks "Leave without saving?" for whichever form on the screen has unsaved changes. */
export function UnsavedChangesPrompt({ children }: { children: ReactNode }) {
  const [question, setQuestion] = useState<LeaveQuestion | null>(null)
  const ask = useCallback<Ask>((q) => {
    setQuestion(q)
    return () => setQuestion((current) => (current === q ? null : current))
  }, [])
  return (
    <AskContext.Provider value={ask}>
      {children}
      {question && (
        <Dialog
          title="Leave without saving?"
          onCancel={question.stay}
          actions={
            <>
              <button type="button" className="button button-primary" onClick={question.stay}>
                Stay
              </button>
              <button type="button" className="button button-danger" onClick={question.leave}>
                Leave
              </button>
            </>
          }
        >
          <p>Your changes to {question.what} will be lost.</p>
        </Dialog>
      )}
    </AskContext.Provider>
  )
}

/**
 * Keeps a half-filled form from being lost silently: while `dirty`, going to another screen (a link, the menu, Back)
 * first asks "Leave without saving? Your changes to {what} will be lost.", and closing the window is held back.
 * `what` completes that sentence: 'the new case', 'the team', 'VD-2026-004'. Call `release()` just before the form
 * itself navigates after saving. One guard per screen: the router honours only one at a time.
 */
export function useUnsavedChangesGuard(dirty: boolean, what: string): { release(): void } {
  const ask = useContext(AskContext)
  if (!ask) throw new Error('useUnsavedChangesGuard is used outside UnsavedChangesPrompt')
  const blocking = useRef(dirty)
  blocking.current = dirty
  const released = useRef(false)
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      blocking.current && !released.current && currentLocation.pathname !== nextLocation.pathname,
    [],
  )
  const blocker = useBlocker(shouldBlock)

  useEffect(() => {
    if (blocker.state !== 'blocked') return
    return ask({ what, stay: () => blocker.reset(), leave: () => blocker.proceed() })
  }, [blocker, ask, what])

  useEffect(() => {
    if (!dirty) return
    // Electron does not ask by itself: main hears 'will-prevent-unload' and asks the same question in a dialog.
    const holdBack = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', holdBack)
    return () => window.removeEventListener('beforeunload', holdBack)
  }, [dirty])

  return {
    release: useCallback(() => {
      released.current = true
    }, []),
  }
}

type MarkPart = (part: string, unsaved: boolean) => void
const PartsContext = createContext<MarkPart | null>(null)

/**
 * For a screen of several small forms under its one guard (the case screen: a note, a milestone, a correction): each
 * form says whether it holds unsaved input (`useUnsavedPart`), and `unsaved` is whether any does. Wrap the forms in
 * `<UnsavedParts value={mark}>`.
 */
export function useUnsavedParts(): { unsaved: boolean; mark: MarkPart } {
  const [parts, setParts] = useState<ReadonlySet<string>>(() => new Set())
  const mark = useCallback<MarkPart>(
    (part, unsaved) =>
      setParts((current) => {
        if (current.has(part) === unsaved) return current
        const next = new Set(current)
        if (unsaved) next.add(part)
        else next.delete(part)
        return next
      }),
    [],
  )
  return { unsaved: parts.size > 0, mark }
}

export const UnsavedParts = PartsContext.Provider

/** A small form says whether it holds unsaved input, for its screen's guard; it counts no more once it is gone. */
export function useUnsavedPart(unsaved: boolean): void {
  const mark = useContext(PartsContext)
  const part = useId()
  useEffect(() => mark?.(part, unsaved), [mark, part, unsaved])
  useEffect(() => () => mark?.(part, false), [mark, part])
}
