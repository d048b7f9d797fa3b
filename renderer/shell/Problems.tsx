import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { messageOf } from '../desk'

type Problem = { id: number; message: string }
type Problems = { problems: Problem[]; report(error: unknown): void; dismiss(id: number): void }

const ProblemsContext = createContext<Problems | null>(null)

/** Collects every failed call so that no error is lost silently; each stays on screen until the user dismisses it. */
export function ProblemsProvider({ children }: { children: ReactNode }) {
  const [problems, setProblems] = useState<Problem[]>([])
  const report = useCallback((error: unknown) => {
    const message = messageOf(error)
    setProblems((current) =>
      current.some((p) => p.message === message) ? current : [...current, { id: Date.now() + Math.random(), message }],
    )
  }, [])
  const dismiss = useCallback((id: number) => setProblems((current) => current.filter((p) => p.id !== id)), [])
  const value = useMemo(() => ({ problems, report, dismiss }), [problems, report, dismiss])
  return <ProblemsContext.Provider value={value}>{children}</ProblemsContext.Provider>
}

export function useProblems(): Problems {
  const problems = useContext(ProblemsContext)
  if (!problems) throw new Error('useProblems is used outside ProblemsProvider')
  return problems
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
