import { useEffect, useRef } from 'react'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { useCaseSummaries } from '../cases/CaseSummaries'
import { MailDrop } from '../intake/MailDrop'
import { SampleNotice } from '../samples/SampleNotice'
import { useSettings } from '../queries/settings'
import { memberLabel } from '../settings/members'
import { useStore } from '../store/StoreContext'
import { OverdueBadge } from '../today/OverdueBadge'
import { AlsoOpen } from './AlsoOpen'
import { ProblemArea, ProblemScreen } from './Problems'
import { UnsavedChangesPrompt } from './UnsavedChanges'

export function Shell() {
  const { summaries } = useCaseSummaries()
  const { currentMember } = useSettings()
  const { store } = useStore()
  const { pathname } = useLocation()
  // The content pane scrolls, not the window: a new screen starts at its top, not where the last one was left.
  const content = useRef<HTMLElement>(null)
  useEffect(() => {
    if (content.current) content.current.scrollTop = 0
  }, [pathname])
  // A case's own page belongs under Cases; the new-case form has its own entry.
  const inCases = pathname.startsWith('/cases') && pathname !== '/cases/new'

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 2.5 20 5.5v6c0 5-3.4 8.7-8 10-4.6-1.3-8-5-8-10v-6l8-3Z" fill="currentColor" opacity="0.18" />
            <path d="M12 2.5 20 5.5v6c0 5-3.4 8.7-8 10-4.6-1.3-8-5-8-10v-6l8-3Z" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="m8.5 12 2.4 2.4 4.6-4.9" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="brand-name">Disclosure Desk</span>
        </div>
        <nav aria-label="Main" className="nav">
          <NavLink to="/today" className="nav-link">
            <NavIcon d="M8 2.5v1.5M8 12v1.5M2.5 8H4M12 8h1.5M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z" />
            <span>Today</span>
            {/* A space, so the link reads "Today 3 overdue deadlines"; a flex row shows none. */}{' '}
            <OverdueBadge />
          </NavLink>
          <Link to="/cases" className={inCases ? 'nav-link active' : 'nav-link'} aria-current={inCases ? 'page' : undefined}>
            <NavIcon d="M3 4.5h10M3 8h10M3 11.5h6" />
            <span>Cases</span>
            {summaries && (
              <span className="nav-count" aria-hidden="true">
                {summaries.length.toLocaleString()}
              </span>
            )}
          </Link>
          <NavLink to="/cases/new" className="nav-link">
            <NavIcon d="M8 3v10M3 8h10" />
            <span>New case</span>
          </NavLink>
          <NavLink to="/import" className="nav-link">
            <NavIcon d="M2.5 4h11v8h-11zM2.5 4.5 8 8.5l5.5-4" />
            <span>Import email</span>
          </NavLink>
          <NavLink to="/calendar" className="nav-link">
            <NavIcon d="M3 4h10v9H3zM3 7h10M6 2.5v3M10 2.5v3" />
            <span>Calendar</span>
          </NavLink>
          <NavLink to="/policies" className="nav-link">
            <NavIcon d="M4 2.5h6l2.5 2.5v8.5H4zM6.5 7.5h4M6.5 10h4" />
            <span>Policies</span>
          </NavLink>
          <NavLink to="/settings" className="nav-link">
            <NavIcon d="M2.5 4.5h11M2.5 11.5h11M5.5 2.5v4M10.5 9.5v4" />
            <span>Settings</span>
          </NavLink>
        </nav>
        <div className="sidebar-footer">
          <div className="sidebar-fact">
            <span className="sidebar-fact-label">You are</span>
            <span>{currentMember ? memberLabel(currentMember) : 'Nobody chosen'}</span>
          </div>
          <div className="sidebar-fact" title={store.file}>
            <span className="sidebar-fact-label">Store</span>
            <span className="sidebar-file">{fileName(store.file)}</span>
          </div>
          <AlsoOpen />
        </div>
      </aside>
      <main className="content" ref={content}>
        {/* Each path is a screen of its own: its problems go when the user leaves it. */}
        <ProblemScreen screen={pathname}>
          <UnsavedChangesPrompt>
            <ProblemArea />
            <SampleNotice />
            <Outlet />
            {/* A saved email dropped anywhere on the window is imported; a failure shows on the screen it was dropped on. */}
            <MailDrop />
          </UnsavedChangesPrompt>
        </ProblemScreen>
      </main>
    </div>
  )
}

function NavIcon({ d }: { d: string }) {
  return (
    <svg className="nav-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  )
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}
