import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useStore } from '../store/StoreContext'
import { StoreFileActions } from '../store/StoreFileActions'
import { useSettings } from '../queries/settings'
import { BackupSettings, MoveStoreButton } from './BackupSettings'
import { EncryptionSettings } from './EncryptionSettings'
import { ExportImport } from './ExportImport'
import { ReminderSettings } from './ReminderSettings'
import { SettingsUnavailable } from './SettingsUnavailable'
import { TeamSettings } from './TeamSettings'
import './settings.css'

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
        <SettingsSection
          id="team"
          title="Team"
          lead="Who handles cases: assignees, the name on every timeline entry, and who emails go out from (role, signature, organisation)."
        >
          <TeamSettings />
        </SettingsSection>
      ) : (
        <SettingsUnavailable />
      )}
      <SettingsSection
        id="reminders"
        title="Reminders"
        lead="Desktop notifications of deadlines while Disclosure Desk runs, on this computer."
      >
        <ReminderSettings />
      </SettingsSection>
      <SettingsSection
        id="calendar"
        title="Team calendar"
        lead="Which days count as business days for deadlines: the country’s and region’s holidays, the team’s closures, its time zone."
      >
        <Link to="/settings/calendar" className="button">
          Team calendar settings
        </Link>
      </SettingsSection>
      <SettingsSection id="templates" title="Email templates" lead="The text every draft starts from, in English and Dutch.">
        <p className="settings-templates-lead">
          Edit the shipped templates, reset them to the shipped text, or duplicate one for a reply of your own; each lists
          its variables with their values for a case.
        </p>
        <Link to="/settings/templates" className="button">
          Edit email templates
        </Link>
      </SettingsSection>
      <SettingsSection id="store" title="Store file" lead="All cases and settings live in this one file on your computer.">
        <p className="mono break store-path">{store.file}</p>
        <StoreFileActions onState={switchTo} />
        <MoveStoreButton onState={switchTo} />
      </SettingsSection>
      <SettingsSection
        id="backups"
        title="Backups"
        lead="Copies of the store file, each read back to check it: one a day, and before an upgrade, an import or a restore."
      >
        <BackupSettings />
      </SettingsSection>
      <SettingsSection
        id="export"
        title="Export and import"
        lead="The store or its cases as files to keep, hand on or open in a spreadsheet, and cases from another store’s export."
      >
        <ExportImport />
      </SettingsSection>
      <SettingsSection
        id="encryption"
        title="Encryption"
        lead="Protect the store file with a passphrase, so that a lost laptop, a copied share or a backup does not give the cases away."
      >
        <EncryptionSettings />
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
