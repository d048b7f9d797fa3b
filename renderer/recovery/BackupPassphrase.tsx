import type { Backup, BackupList } from '../../src/store/backups'
import { call } from '../desk'
import { PassphraseField } from '../unlock/PassphraseField'
import { usePassphraseEntry } from '../unlock/usePassphraseEntry'
import '../unlock/unlock.css'

/**
 * An encrypted backup read without any key: at a fresh start with the store file's header damaged or the file empty,
 * the app holds no key for its backups.
 */
export const readWithoutKey = (backup: Backup) => backup.needsKey === true

/** Whether the list has encrypted backups that the store's passphrase would let the app read. */
export const needsBackupPassphrase = (list: BackupList) => list.backups.some(readWithoutKey)

/**
 * The store's passphrase, for its encrypted backups when the store file itself cannot give the key: main checks it
 * against the newest encrypted backup, keeps the key for the restore and answers the backups read with it. A wrong one
 * is said at the field; nothing is written either way.
 */
export function BackupPassphrase({ onList }: { onList(list: BackupList): void }) {
  const { busy, passphrase, error, submit, change } = usePassphraseEntry(
    (passphrase) => call((desk) => desk.backups.unlock({ passphrase })),
    onList,
  )

  return (
    <form className="unlock-form" onSubmit={(event) => void submit(event)} noValidate>
      <p>These backups are encrypted. Enter the store's passphrase to read them.</p>
      <PassphraseField
        label="Passphrase"
        value={passphrase}
        onChange={change}
        error={error}
        autoComplete="current-password"
        disabled={busy}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Reading…' : 'Read backups'}
        </button>
      </div>
    </form>
  )
}
