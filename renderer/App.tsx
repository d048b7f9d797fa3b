import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createHashRouter, Navigate, RouterProvider, type RouteObject } from 'react-router'
import type { AppState } from '../src/ipc/contract'
import { CalendarScreen } from './agenda/CalendarScreen'
import { CaseDetail } from './cases/CaseDetail'
import { CaseForm } from './cases/CaseForm'
import { CaseList } from './cases/CaseList'
import { CalendarSettingsScreen } from './calendar/CalendarSettingsScreen'
import { call, messageOf } from './desk'
import { DraftScreen } from './drafts/DraftScreen'
import { ImportScreen, ImportStart } from './intake/ImportScreen'
import { PolicyScreen } from './policies/PolicyScreen'
import { LiveUpdates } from './queries/LiveUpdates'
import { createDeskQueryClient } from './queries/queryClient'
import { RecoveryScreen } from './recovery/RecoveryScreen'
import { SettingsScreen } from './settings/SettingsScreen'
import { TemplatesScreen } from './templates/TemplatesScreen'
import { NotFound } from './shell/NotFound'
import { ProblemsProvider } from './shell/Problems'
import { TodayScreen } from './today/TodayScreen'
import { UnlockScreen } from './unlock/UnlockScreen'
import { Shell } from './shell/Shell'
import { StoreProvider } from './store/StoreContext'

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayScreen /> },
      { path: 'cases', element: <CaseList /> },
      { path: 'cases/new', element: <CaseForm /> },
      { path: 'cases/:id', element: <CaseDetail /> },
      { path: 'cases/:id/draft', element: <DraftScreen /> },
      { path: 'calendar', element: <CalendarScreen /> },
      { path: 'policies', element: <PolicyScreen /> },
      { path: 'policies/:id', element: <PolicyScreen /> },
      { path: 'settings', element: <SettingsScreen /> },
      { path: 'settings/calendar', element: <CalendarSettingsScreen /> },
      { path: 'settings/templates', element: <TemplatesScreen /> },
      { path: 'settings/templates/:id', element: <TemplatesScreen /> },
      { path: 'import', element: <ImportStart /> },
      { path: 'import/:token', element: <ImportScreen /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]

type DeskRouter = ReturnType<typeof createHashRouter>

// A hash router works from file://, where the app is loaded from disk and there is no server to answer other paths.
const hashRouter = (r: RouteObject[]): DeskRouter => createHashRouter(r)

/** Asks main whether the store is usable, then shows either the recovery screen or the app. */
export function App({ makeRouter = hashRouter }: { makeRouter?: (r: RouteObject[]) => DeskRouter }) {
  // Each store file gets a cache of its own: nothing of the previous file can show, and nothing needs resetting.
  const [opened, setOpened] = useState<{ state: AppState; client: QueryClient; generation: number } | null>(null)
  const [startupError, setStartupError] = useState<string | null>(null)

  useEffect(() => {
    call((desk) => desk.app.state({})).then(
      (state) => setOpened({ state, client: createDeskQueryClient(), generation: 0 }),
      (error) => setStartupError(messageOf(error)),
    )
  }, [])

  const switchTo = useCallback(
    (next: AppState) =>
      setOpened((current) => ({ state: next, client: createDeskQueryClient(), generation: (current?.generation ?? 0) + 1 })),
    [],
  )

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
  if (!opened) return <div className="starting" aria-busy="true" />
  const { state, client, generation } = opened
  return (
    <ProblemsProvider key={generation}>
      {state.kind === 'recovery' ? (
        <RecoveryScreen state={state} onState={switchTo} />
      ) : state.kind === 'locked' ? (
        <UnlockScreen state={state} onState={switchTo} />
      ) : (
        <StoreProvider value={{ store: state, switchTo }}>
          <QueryClientProvider client={client}>
            <DeskRoutes makeRouter={makeRouter} />
          </QueryClientProvider>
        </StoreProvider>
      )}
    </ProblemsProvider>
  )
}

function DeskRoutes({ makeRouter }: { makeRouter: (r: RouteObject[]) => DeskRouter }) {
  const router = useMemo(() => makeRouter(routes), [makeRouter])
  // Through the router, so that a menu click is asked about unsaved changes like any other navigation.
  const navigate = useCallback((to: string) => void router.navigate(to), [router])
  return (
    <LiveUpdates onNavigate={navigate}>
      <RouterProvider router={router} />
    </LiveUpdates>
  )
}
