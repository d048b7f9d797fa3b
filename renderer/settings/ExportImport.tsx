import { useId, useState } from 'react'
import { likelyCsvSeparator, type CsvSeparator } from '../../src/export/csvSeparator'
import type { ImportChoice } from '../../src/export/importChoice'
import { call } from '../desk'
import { useSettings } from '../queries/settings'
import { useAction } from '../shell/useAction'
import { ImportPreviewDialog } from './ImportPreviewDialog'
import './exportImport.css'

type Preview = Extract<ImportChoice, { kind: 'preview' }>

const casesWords = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'case' : 'cases'}`

const separators: { value: CsvSeparator; label: string; hint: string }[] = [
  { value: ';', label: 'Semicolons (;)', hint: 'Excel in Dutch, German, French and most other European languages' },
  { value: ',', label: 'Commas (,)', hint: 'Excel in English' },
]

/**
 * Settings → Export and import: the whole store as a JSON file, the cases as a CSV file for a spreadsheet, and cases
 * from another store's export (or a store file) after a preview of what would change. A file the import cannot read is
 * refused here, in words, before any dialog; what happened last is said once, below the buttons.
 */
export function ExportImport() {
  const { busy, run } = useAction()
  const [status, setStatus] = useState<{ text: string; alert?: boolean } | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const { settings } = useSettings()
  // Until the person picks one, what Excel most likely expects on this computer (the team's country counts too).
  const [picked, setPicked] = useState<CsvSeparator | null>(null)
  const separator = picked ?? likelyCsvSeparator(navigator.languages, settings?.calendar.spec.country)
  const separatorId = useId()

  const exportStore = () =>
    run(async () => {
      setStatus(null)
      const saved = await call((desk) => desk.export.store({}))
      setStatus({ text: saved.saved ? `Exported the store (${casesWords(saved.cases)}) to ${saved.file}.` : 'Not exported.' })
    })
  const exportCsv = () =>
    run(async () => {
      setStatus(null)
      const saved = await call((desk) => desk.export.casesCsv({ separator }))
      setStatus({ text: saved.saved ? `Exported ${casesWords(saved.rows)} as CSV to ${saved.file}.` : 'Not exported.' })
    })
  const chooseImport = () =>
    run(async () => {
      setStatus(null)
      const choice = await call((desk) => desk.import.choose({}))
      if (choice.kind === 'refused') setStatus({ text: `The file “${choice.fileName}” ${choice.problem}. Nothing was imported.`, alert: true })
      else if (choice.kind === 'preview') setPreview(choice)
    })

  return (
    <div className="export-import">
      <div className="export-import-row">
        <button type="button" className="button" disabled={busy} onClick={() => void exportStore()}>
          Export store…
        </button>
        <p className="muted small">
          The whole store (cases with their timelines, settings, policies and templates) as one JSON file, to keep or to
          import into another store. The file is not encrypted, even when the store is: keep it somewhere safe.
        </p>
      </div>
      <div className="export-import-row">
        <button type="button" className="button" disabled={busy} onClick={() => void exportCsv()}>
          Export cases as CSV…
        </button>
        <div className="export-import-detail">
          <p className="muted small">
            One row per case for a spreadsheet: key, title, status, severity, reporter, assignee, received, policy and the
            next deadline. Opens in Excel and LibreOffice as it is.
          </p>
          <fieldset className="export-import-separator" disabled={busy} aria-describedby={`${separatorId}-hint`}>
            <legend className="small">Separate the cells with</legend>
            {separators.map((s) => (
              <label key={s.value} className="checkbox small">
                <input type="radio" name={`${separatorId}-separator`} value={s.value} checked={separator === s.value} onChange={() => setPicked(s.value)} />
                <span>
                  {s.label}: <span className="export-import-separator-hint">{s.hint}</span>
                </span>
              </label>
            ))}
            <p className="muted small" id={`${separatorId}-hint`}>
              Excel puts a whole row in one column when the file uses the other one. LibreOffice and Google Sheets read either.
            </p>
          </fieldset>
        </div>
      </div>
      <div className="export-import-row">
        <button type="button" className="button" disabled={busy} onClick={() => void chooseImport()}>
          Import…
        </button>
        <p className="muted small">
          Cases from an export or another store file. You see what would change, and choose, before anything is imported.
        </p>
      </div>
      {status && (
        <p className={status.alert ? 'field-error export-import-status' : 'muted small export-import-status'} role={status.alert ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {preview && (
        <ImportPreviewDialog
          choice={preview}
          onDone={(text) => {
            setPreview(null)
            if (text) setStatus({ text })
          }}
        />
      )}
    </div>
  )
}
