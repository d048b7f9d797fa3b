import { useCallback, useEffect, useMemo, useState } from 'react'
import { createHashRouter, Navigate, RouterProvider, type RouteObject } from 'react-router'
import type { AppState } from '../src/ipc/contract'
import { CaseDetail } from './cases/CaseDetail'
import { CaseForm } from './cases/CaseForm'
import { CaseList } from './cases/CaseList'
import { CaseSummariesProvider } from './cases/CaseSummaries'
import { CalendarSettingsScreen } from './calendar/CalendarSettingsScreen'
import { call, messageOf } from './desk'
import { PolicyScreen } from './policies/PolicyScreen'
import { RecoveryScreen } from './recovery/RecoveryScreen'
import { SettingsProvider } from './settings/SettingsContext'
import { SettingsScreen } from './settings/SettingsScreen'
import { NotFound } from './shell/NotFound'
import { ProblemsProvider } from './shell/Problems'
import { Shell } from './shell/Shell'
import { StoreProvider } from './store/StoreContext'

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/cases" replace /> },
      { path: 'cases', element: <CaseList /> },
      { path: 'cases/new', element: <CaseForm /> },
      { path: 'cases/:id', element: <CaseDetail /> },
      { path: 'calendar', element: <CalendarSettingsScreen /> },
      { path: 'policies', element: <PolicyScreen /> },
      { path: 'policies/:id', element: <PolicyScreen /> },
      { path: 'settings', element: <SettingsScreen /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]

type DeskRouter = ReturnType<typeof createHashRouter>

// A hash router works from file://, where the app is loaded from disk and there is no server to answer other paths.
const hashRouter = (r: RouteObject[]): DeskRouter => createHashRouter(r)

/** Asks main whether the store is usable, then shows either the recovery screen or the app. */
export function App({ makeRouter = hashRouter }: { makeRouter?: (r: RouteObject[]) => DeskRouter }) {
  const [state, setState] = useState<AppState | null>(null)
  const [startupError, setStartupError] = useState<string | null>(null)
  // Each store file gets fresh settings and cases: remounting is simpler and safer than resetting every cache.
  const [storeGeneration, setStoreGeneration] = useState(0)

  useEffect(() => {
    call((desk) => desk.app.state({})).then(setState, (error) => setStartupError(messageOf(error)))
  }, [])

  const switchTo = useCallback((next: AppState) => {
    setState(next)
    setStoreGeneration((g) => g + 1)
  }, [])

  if (startupError) {
    return (
      <main className="recovery">
        <section className="recovery-card">
          <h1>Disclosure Desk could not start</h1>
          <p>{startupError}</p>
        </section>
      </main>
    )
  }
  if (!state) return <div className="starting" aria-busy="true" />
  return (
    <ProblemsProvider key={storeGeneration}>
      {state.kind === 'recovery' ? (
        <RecoveryScreen state={state} onState={switchTo} />
      ) : (
        <StoreProvider value={{ store: state, switchTo }}>
          <SettingsProvider>
            <CaseSummariesProvider>
              <DeskRoutes makeRouter={makeRouter} />
            </CaseSummariesProvider>
          </SettingsProvider>
        </StoreProvider>
      )}
    </ProblemsProvider>
  )
}

function DeskRoutes({ makeRouter }: { makeRouter: (r: RouteObject[]) => DeskRouter }) {
  const router = useMemo(() => makeRouter(routes), [makeRouter])
  return <RouterProvider router={router} />
}
