import { useEffect, useState } from 'react'
import type { AppState } from '../../src/ipc/contract'
import type { BackupList } from '../../src/store/backups'
import { call, messageOf } from '../desk'
import { useAction } from '../shell/useAction'
import { BackupPassphrase, needsBackupPassphrase } from './BackupPassphrase'
import { BackupTable } from './BackupTable'

/**
 * The broken store's backups, the latest good one marked, each restored in one click: main keeps the broken file as
 * a backup first, so nothing is lost, puts the backup back and opens it, and the app comes up on it. Encrypted backups
 * the app holds no key for (the store file could not give one) are read once the store's passphrase is entered.
 */
export function RecoveryBackups({ onState }: { onState(next: AppState): void }) {
  const [list, setList] = useState<BackupList | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const { busy, run } = useAction()

  useEffect(() => {
    let current = true
    call((desk) => desk.backups.list({})).then(
      (loaded) => current && setList(loaded),
      (error) => current && setLoadError(messageOf(error)),
    )
    return () => {
      current = false
    }
  }, [])

  if (loadError) return <p className="field-error">The backups could not be listed: {loadError}</p>
  if (!list) return <p className="muted" aria-busy="true">Looking for backups…</p>
  if (list.folderProblem) return <p className="field-error">{list.folderProblem}</p>
  if (list.backups.length === 0) {
    return <p className="muted">There are no backups of this store in {list.folder}.</p>
  }
  return (
    <section className="recovery-backups" aria-labelledby="recovery-backups-title">
      <h2 id="recovery-backups-title">Restore a backup</h2>
      <p className="muted">
        {list.latestGood
          ? 'The latest good backup is marked. Restoring puts back the cases it holds; the file as it is now is kept as a backup first, so nothing is lost.'
          : 'None of the backups read as a good store.'}{' '}
        They are in <span className="mono break">{list.folder}</span>.
      </p>
      {needsBackupPassphrase(list) && <BackupPassphrase onList={setList} />}
      <BackupTable
        list={list}
        busy={busy}
        offerLatest
        onRestore={(backup) => void run(async () => onState((await call((desk) => desk.backups.restore({ name: backup.name }))).state))}
      />
    </section>
  )
}
