import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { AppState } from '../../src/ipc/contract'
import type { Backup, BackupList } from '../../src/store/backups'
import { Dialog } from '../dialogs/Dialog'
import { call, DeskFailure, messageOf } from '../desk'
import { BackupTable, backupTime } from '../recovery/BackupTable'
import { useAction } from '../shell/useAction'
import { useStore } from '../store/StoreContext'
import { formatDayTime } from '../../src/i18n/dates'
import { localTimeZone } from '../time/timeZones'
import './backupSettings.css'
import { SectionLoadFailed } from './SectionLoadFailed'

/**
 * Kept on this computer, like the reminder settings: no store event names them. A restore or a move opens the store
 * afresh (switchTo), and with it a new cache.
 */
const backupsKey = ['backups'] as const

/**
 * A restore or a move ends in switchTo, which gives the new state every screen afresh (a new cache per store file):
 * what happened is handed to the section that comes up, which says it once.
 */
const handedOver = new Map<'backups' | 'store', string>()
function useHandedOver(section: 'backups' | 'store'): string | null {
  const [text] = useState(() => handedOver.get(section) ?? null)
  useEffect(() => void handedOver.delete(section), [section])
  return text
}

const casesWords = (count: number) => `${count.toLocaleString('en-US')} ${count === 1 ? 'case' : 'cases'}`

/**
 * Settings → Backups: the store's backups with "Back up now" and a restore for each (asked first, saying that the
 * store as it is now is kept as a backup), where they go, and how many of each kind this computer keeps.
 */
export function BackupSettings() {
  const client = useQueryClient()
  const { switchTo } = useStore()
  const { data: list, error: loadError, refetch } = useQuery({ queryKey: backupsKey, queryFn: () => call((desk) => desk.backups.list({})) })
  const { busy, run } = useAction()
  const restored = useHandedOver('backups')
  const [status, setStatus] = useState<string | null>(restored)
  const [restoring, setRestoring] = useState<Backup | null>(null)

  if (loadError) {
    return <SectionLoadFailed what="The backups could not be listed" error={loadError} onRetry={() => void refetch()} />
  }
  if (!list) return null

  const show = (next: BackupList) => void client.setQueryData(backupsKey, next)
  const backUpNow = () =>
    run(async () => {
      setStatus(null)
      const { backup, list: next } = await call((desk) => desk.backups.create({}))
      show(next)
      setStatus(`Backed up: ${casesWords(backup.caseCount ?? 0)}, as “${backup.name}”.`)
    })
  const restore = (backup: Backup) =>
    run(async () => {
      setRestoring(null)
      const { state, savedAs } = await call((desk) => desk.backups.restore({ name: backup.name }))
      handedOver.set(
        'backups',
        `Restored the backup of ${backupTime(backup)}.${savedAs ? ` The store as it was before is kept as the backup “${savedAs.name}”.` : ''}`,
      )
      switchTo(state)
    })
  const chooseFolder = (request: 'chooseFolder' | 'folderBesideStore') => run(async () => show(await call((desk) => desk.backups[request]({}))))

  return (
    <div className="backup-settings">
      {list.failure && (
        <p className="field-error" role="alert">
          The last automatic backup ({formatDayTime(list.failure.at, localTimeZone(), 'en', true)}) could not be made: {list.failure.message}
        </p>
      )}
      <div className="backup-folder">
        <span className="field-label">Backups go to</span>
        <p className="mono break backup-folder-path">{list.folder}</p>
        <p className="muted small">
          {list.besideStore ? 'Next to the store file (the default). ' : 'A folder you chose. '}
          On this computer only: each colleague chooses their own. A folder on another disk or a share keeps them safe
          when this one fails.
        </p>
        {list.folderProblem && <p className="field-error">{list.folderProblem}</p>}
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void chooseFolder('chooseFolder')}>
            Choose folder…
          </button>
          {!list.besideStore && (
            <button type="button" className="button" disabled={busy} onClick={() => void chooseFolder('folderBesideStore')}>
              Next to the store file
            </button>
          )}
        </div>
      </div>
      <KeepForm keep={list.keep} onSaved={show} />
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
      </div>
      <p className="muted small backup-status" role="status">
        {status ?? ''}
      </p>
      {list.backups.length === 0 ? (
        <p className="muted">No backups yet. One is made each day the store is opened, and before an upgrade or a restore.</p>
      ) : (
        <BackupTable list={list} busy={busy} onRestore={setRestoring} />
      )}
      {restoring && (
        <Dialog
          title={`Restore the backup of ${backupTime(restoring)}?`}
          onCancel={() => setRestoring(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setRestoring(null)}>
                Cancel
              </button>
              <button type="button" className="button button-primary" onClick={() => void restore(restoring)}>
                Restore
              </button>
            </>
          }
        >
          <p>
            The store goes back to how it was then ({casesWords(restoring.caseCount ?? 0)}), for everyone who opens it.
          </p>
          <p>
            Nothing is lost: the store as it is now is backed up first, and stays in the list as “Before a restore”.
          </p>
        </Dialog>
      )}
    </div>
  )
}

/** How many backups of each kind to keep; older ones are removed when a new one of their kind is made. */
function KeepForm({ keep, onSaved }: { keep: number; onSaved(list: BackupList): void }) {
  const id = useId()
  const [value, setValue] = useState(String(keep))
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setSaved(false)
    setBusy(true)
    try {
      onSaved(await call((desk) => desk.backups.setKeep({ keep: Number(value) })))
      setSaved(true)
    } catch (failure) {
      const atField = failure instanceof DeskFailure ? failure.issues.find((i) => i.path === 'keep')?.message : undefined
      setError(atField ? `${atField}.` : messageOf(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="backup-keep" onSubmit={(event) => void submit(event)} noValidate>
      <label className="field-label" htmlFor={`${id}-keep`}>
        Backups to keep of each kind
      </label>
      <div className="backup-keep-row">
        <input
          id={`${id}-keep`}
          type="number"
          min={1}
          max={365}
          value={value}
          aria-invalid={error !== null}
          aria-describedby={`${id}-keep-hint${error ? ` ${id}-keep-error` : ''}`}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy || value === String(keep)}>
          Save
        </button>
        <span className="muted small" role="status">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
      <div className="field-hint" id={`${id}-keep-hint`}>
        Daily ones, and each other kind on its own; the oldest go when a newer one is made.
      </div>
      {error && (
        <div className="field-error" id={`${id}-keep-error`}>
          {error}
        </div>
      )}
    </form>
  )
}

/**
 * Settings → Store file → "Move to another folder…": main asks for the folder, copies the store there, reads the copy
 * back and opens it; the old file is left as it was, and the words say where both are.
 */
export function MoveStoreButton({ onState }: { onState(next: AppState): void }) {
  const { busy, run } = useAction()
  const moved = useHandedOver('store')
  const move = () =>
    run(async () => {
      const outcome = await call((desk) => desk.store.move({}))
      if (!outcome.moved) return
      handedOver.set(
        'store',
        `The store now lives at ${outcome.to}, and opens from there from now on. The file at ${outcome.from} was left as it was: a colleague who still opens it does not see changes made from now on. Tell them the new place, and delete the old file once nobody uses it.${outcome.backupsLeftIn ? ` The backups made so far stay in ${outcome.backupsLeftIn}; new ones go next to the new file.` : ''}`,
      )
      onState(outcome.state)
    })
  return (
    <>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void move()}>
          Move to another folder…
        </button>
      </div>
      {moved && (
        <p className="store-moved" role="status">
          {moved}
        </p>
      )}
    </>
  )
}
