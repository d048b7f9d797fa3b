import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { isExported } from '../../src/export/icsEvents'
import { agendaSummary } from '../../src/i18n/agendaText'
import { call, messageOf } from '../desk'
import { Dialog } from '../dialogs/Dialog'
import { useAgenda, type AgendaItem } from '../queries/agenda'
import './agendaList.css'

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** "39 open deadlines and 3 planned publication dates", from the entries the agenda already loaded. */
function fileContents(entries: readonly Pick<AgendaEntry, 'state' | 'kind'>[]): string {
  let deadlines = 0
  let publications = 0
  for (const e of entries) {
    if (!isExported(e)) continue
    if (e.kind === 'publication') publications++
    else deadlines++
  }
  if (deadlines + publications === 0) return 'no open deadlines or planned publication dates'
  const parts = [
    deadlines > 0 ? plural(deadlines, 'open deadline', 'open deadlines') : null,
    publications > 0 ? plural(publications, 'planned publication date', 'planned publication dates') : null,
  ]
  return parts.filter(Boolean).join(' and ')
}

/** The private title of the first event the file would hold, to show what "left out" leaves. */
function exampleSummary(items: readonly AgendaItem[] | null): string | undefined {
  const first = items?.find(isExported)
  return first && agendaSummary(first.summary.key, first.kind, 'en')
}

/** An earlier file's events that are no longer open go in as cancelled, so calendars that imported them drop them. */
function cancelledText(n: number): string {
  return n === 1
    ? 'One event of an earlier export, kept or no longer due since, is marked cancelled, so calendars take it off.'
    : `${n.toLocaleString('en')} events of earlier exports, kept or no longer due since, are marked cancelled, so calendars take them off.`
}

type Outcome = { kind: 'saved'; events: number; cancelled: number; file: string | undefined } | { kind: 'cancelled' } | { kind: 'failed'; message: string }

/**
 * "Export .ics…": a dialog that says what the file will hold and saves it through agenda:exportIcs. Titles and
 * reporter names are left out unless the person asks for them, since the calendars such a file goes into sync to
 * the cloud.
 */
export function IcsExportButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Export .ics…
      </button>
      {open && <IcsExportDialog onClose={() => setOpen(false)} />}
    </>
  )
}

function IcsExportDialog({ onClose }: { onClose(): void }) {
  const agenda = useAgenda()
  const [leaveOut, setLeaveOut] = useState(true)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const hintId = useId()
  const contents = useMemo(() => (agenda.items ? fileContents(agenda.items) : null), [agenda.items])
  const example = useMemo(() => exampleSummary(agenda.items), [agenda.items])

  async function save() {
    setBusy(true)
    setOutcome(null)
    try {
      const result = await call((desk) => desk.agenda.exportIcs({ details: !leaveOut }))
      setOutcome(result.saved ? { kind: 'saved', events: result.events, cancelled: result.cancelled ?? 0, file: result.file } : { kind: 'cancelled' })
    } catch (error) {
      setOutcome({ kind: 'failed', message: messageOf(error) })
    } finally {
      setBusy(false)
    }
  }

  const saved = outcome?.kind === 'saved'
  // The Save button Close replaces had the focus: without this the focus would fall out of the dialog.
  const closeRef = useRef<HTMLButtonElement>(null)
  // In the commit that shows it: a passive effect could run after the next keystroke already went elsewhere.
  useLayoutEffect(() => {
    if (saved) closeRef.current?.focus()
  }, [saved])
  return (
    <Dialog
      title="Export deadlines as a calendar file"
      onCancel={onClose}
      actions={
        saved ? (
          <button ref={closeRef} type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save…'}
            </button>
          </>
        )
      }
    >
      <p>
        {contents === null
          ? agenda.error
            ? 'The file holds every open deadline and planned publication date across all cases.'
            : 'Counting the open deadlines…'
          : `The file holds ${contents} across all cases, each as an all-day event on its day in the team’s calendar.`}{' '}
        Importing a newer file later updates these events instead of adding copies.
      </p>
      <div className="ics-privacy">
        <label className="checkbox checkbox-wrap">
          <input
            type="checkbox"
            checked={leaveOut}
            disabled={busy || saved}
            aria-describedby={hintId}
            onChange={(e) => setLeaveOut(e.target.checked)}
          />
          Leave out case titles and reporter names
        </label>
        <p id={hintId} className="field-hint">
          {leaveOut
            ? `Calendars sync to the cloud, and titles and reporters are confidential.${example ? ` An event then reads “${example}”.` : ''}`
            : 'Each event then carries the case title and the reporter’s name: keep the file out of calendars that sync to the cloud.'}
        </p>
      </div>
      {outcome?.kind === 'saved' && (
        <p className="save-note" role="status">
          Saved {plural(outcome.events, 'event', 'events')}
          {outcome.file ? <> to <span className="mono break">{outcome.file}</span></> : null}.
          {outcome.cancelled > 0 && ` ${cancelledText(outcome.cancelled)}`}
        </p>
      )}
      {outcome?.kind === 'cancelled' && (
        <p className="muted" role="status">
          Not saved.
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="form-summary" role="alert">
          The file was not saved: {outcome.message}
        </p>
      )}
    </Dialog>
  )
}
