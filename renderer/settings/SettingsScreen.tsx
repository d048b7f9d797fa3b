import type { ReactNode } from 'react'
import { useStore } from '../store/StoreContext'
import { StoreFileActions } from '../store/StoreFileActions'
import { useSettings } from '../queries/settings'
import { SettingsUnavailable } from './SettingsUnavailable'
import { TeamSettings } from './TeamSettings'

/** One card per area of settings; calendar and policy sections slot in here as further <SettingsSection>s. */
export function SettingsScreen() {
  const { settings } = useSettings()
  const { store, switchTo } = useStore()
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Settings</h1>
        <p className="screen-lead">Stored in the case store file, so everyone who opens it works with the same team.</p>
      </header>
      {settings ? (
        <SettingsSection id="team" title="Team" lead="Who handles cases: assignees, and the name on every timeline entry.">
          <TeamSettings />
        </SettingsSection>
      ) : (
        <SettingsUnavailable />
      )}
      <SettingsSection id="store" title="Store file" lead="All cases and settings live in this one file on your computer.">
        <p className="mono break store-path">{store.file}</p>
        <StoreFileActions onState={switchTo} />
      </SettingsSection>
    </div>
  )
}

function SettingsSection({ id, title, lead, children }: { id: string; title: string; lead: string; children: ReactNode }) {
  return (
    <section className="card settings-section" aria-labelledby={`settings-${id}`}>
      <div className="settings-section-head">
        <h2 id={`settings-${id}`}>{title}</h2>
        <p className="muted">{lead}</p>
      </div>
      <div className="settings-section-body">{children}</div>
    </section>
  )
}
