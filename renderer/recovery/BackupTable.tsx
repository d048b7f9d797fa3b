import { useId } from 'react'
import { formatDayTime } from '../../src/i18n/dates'
import { kindWords, type Backup, type BackupList } from '../../src/store/backups'
import { localTimeZone } from '../time/timeZones'
import { readWithoutKey } from './BackupPassphrase'
import './backups.css'

/** When a backup was made, on this computer's clock: 'Mon 30 Nov 2026 09:00'. */
export const backupTime = (backup: Backup) => formatDayTime(backup.at, localTimeZone(), 'en', true)

const casesWords = (count: number) => `${count.toLocaleString('en-US')} ${count === 1 ? 'case' : 'cases'}`

/** What the backup holds, or why it cannot be restored. */
function contents(backup: Backup): string {
  if (readWithoutKey(backup)) return 'Encrypted: enter the passphrase to read it'
  if (backup.problem) return `Damaged: the file ${backup.problem}`
  if (backup.caseCount === null) return 'An unreadable store, kept as it was'
  return casesWords(backup.caseCount)
}

const restorable = (backup: Backup) => !backup.problem && backup.caseCount !== null

/**
 * A store's backups, newest first, as the recovery screen and Settings → Backups show them: when, what kind, how many
 * cases; the latest good one marked. Each restorable one has its own "Restore this backup", described by its row.
 */
export function BackupTable({
  list,
  busy,
  onRestore,
  offerLatest = false,
}: {
  list: BackupList
  busy: boolean
  onRestore(backup: Backup): void
  /** The latest good one's button is the screen's main action (the recovery screen's; not in settings). */
  offerLatest?: boolean
}) {
  const id = useId()
  return (
    <table className="backup-table">
      <caption className="sr-only">Backups of this store, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Kind</th>
          <th scope="col">Holds</th>
          <th scope="col">
            <span className="sr-only">Restore</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.backups.map((backup, index) => {
          const latest = backup.name === list.latestGood
          const rowId = `${id}-${index}`
          return (
            <tr key={backup.name} className={latest ? 'backup-latest' : backup.problem ? 'backup-damaged' : undefined} title={backup.name}>
              <td id={`${rowId}-when`} className="backup-when">
                {backupTime(backup)}
                {latest && <span className="badge backup-latest-badge">Latest good backup</span>}
              </td>
              <td className="backup-kind">{kindWords[backup.kind]}</td>
              <td className={backup.problem ? 'backup-holds backup-problem' : 'backup-holds'}>{contents(backup)}</td>
              <td className="backup-action">
                {restorable(backup) && (
                  <button
                    type="button"
                    className={latest && offerLatest ? 'button button-primary' : 'button'}
                    disabled={busy}
                    aria-describedby={`${rowId}-when`}
                    onClick={() => onRestore(backup)}
                  >
                    Restore this backup
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
