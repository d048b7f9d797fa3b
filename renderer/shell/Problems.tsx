import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { messageOf } from '../desk'

type Problem = { id: number; screen: string; message: string }
type ProblemList = {
  problems: Problem[]
  add(screen: string, error: unknown): number
  dismiss(id: number): void
  keepOnly(screen: string): void
}
export type Problems = {
  /** The problems of the screen this component is on. */
  problems: Problem[]
  /** Shows the failure on this component's screen; returns its id, for `dismiss`. */
  report(error: unknown): number
  dismiss(id: number): void
}

const ProblemListContext = createContext<ProblemList | null>(null)
// The screen a component belongs to: its route's path, or '' outside the router (the recovery screen).
const ScreenContext = createContext('')

let lastId = 0

/** Collects every failed call so that no error is lost silently; each belongs to the screen that raised it. */
export function ProblemsProvider({ children }: { children: ReactNode }) {
  const [problems, setProblems] = useState<Problem[]>([])
  const add = useCallback((screen: string, error: unknown) => {
    const message = messageOf(error)
    const id = ++lastId
    setProblems((current) =>
      current.some((p) => p.screen === screen && p.message === message) ? current : [...current, { id, screen, message }],
    )
    return id
  }, [])
  const dismiss = useCallback((id: number) => setProblems((current) => current.filter((p) => p.id !== id)), [])
  const keepOnly = useCallback((screen: string) => {
    setProblems((current) => (current.every((p) => p.screen === screen) ? current : current.filter((p) => p.screen === screen)))
  }, [])
  const value = useMemo(() => ({ problems, add, dismiss, keepOnly }), [problems, add, dismiss, keepOnly])
  return <ProblemListContext.Provider value={value}>{children}</ProblemListContext.Provider>
}

/**
 * Everything inside belongs to one screen (the shell gives each route's path): what its components report shows
 * there, and is gone once the user leaves it. A failure that arrives after the user left is not shown on the next
 * screen, which did not cause it.
 */
export function ProblemScreen({ screen, children }: { screen: string; children: ReactNode }) {
  const { keepOnly } = useProblemList()
  useEffect(() => keepOnly(screen), [screen, keepOnly])
  return <ScreenContext.Provider value={screen}>{children}</ScreenContext.Provider>
}

function useProblemList(): ProblemList {
  const list = useContext(ProblemListContext)
  if (!list) throw new Error('useProblems is used outside ProblemsProvider')
  return list
}

export function useProblems(): Problems {
  const { problems, add, dismiss } = useProblemList()
  const screen = useContext(ScreenContext)
  const report = useCallback((error: unknown) => add(screen, error), [add, screen])
  const mine = useMemo(() => problems.filter((p) => p.screen === screen), [problems, screen])
  return useMemo(() => ({ problems: mine, report, dismiss }), [mine, report, dismiss])
}

/**
 * Shows a background load's failure (a query's error) on the screen that needs the data, for as long as it stands:
 * it goes when a later load succeeds or the screen is left.
 */
export function useFailureShown(error: unknown): void {
  const { report, dismiss } = useProblems()
  useEffect(() => {
    if (!error) return
    const id = report(error)
    return () => dismiss(id)
  }, [error, report, dismiss])
}

export function ProblemArea() {
  const { problems, dismiss } = useProblems()
  return (
    <div className="problem-area">
      {problems.map((problem) => (
        <div className="problem" role="alert" key={problem.id}>
          <svg className="problem-icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 1.5 15 14H1L8 1.5Z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
            <path d="M8 6v3.5M8 11.5v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <p className="problem-message">{problem.message}</p>
          <button type="button" className="button button-quiet" onClick={() => dismiss(problem.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
