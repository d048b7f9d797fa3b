import { timeZoneOf } from '../src/calendar'
import type { Case } from '../src/cases/case'
import { caseListSummaries } from '../src/cases/caseListSummaries'
import { checkFileCases, importPreview, prepareImport, type ImportCases } from '../src/commands/importCases'
import { createDeadlineCache, type DeadlineCache } from '../src/deadlines/nextDeadlineCache'
import { DeskError } from '../src/errors'
import { casesCsv, casesCsvFileName } from '../src/export/casesCsv'
import type { ImportChoice } from '../src/export/importChoice'
import { exportFileName, exportJson, importSizeLimit, notMergedOf, readImport } from '../src/export/storeExport'
import type { Handlers } from '../src/ipc/contract'
import { policyLookup } from '../src/policies/catalog'
import type { Policy } from '../src/policies/policy'
import type { Store } from '../src/store'
import { dateInZone } from '../src/time'
import { backUpOpenStore } from './backupHandlers'
import type { Shell } from './handlers'
import type { StoreSession } from './storeSession'

type ExportChannels = 'export:store' | 'export:casesCsv' | 'import:choose' | 'import:apply' | 'import:discard'

const jsonFilters = [{ name: 'Disclosure Desk export', extensions: ['json'] }]
const csvFilters = [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }]

/**
 * A file name as the record keeps it: the name is whatever the file system allowed (line breaks, control characters,
 * 255 bytes of anything), so those and the direction overrides that make "nosj.exe" read as "exe.json" become spaces,
 * and it is cut to what the timeline event holds. It is only ever shown as text.
 */
const recordedName = (name: string) => name.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ').slice(0, 300)

/**
 * What the person chose to import, kept in main between the preview and "Import" (a store is tens of MB): the cases
 * the preview found new or differing, and how many were here already in the same form. Only those go to the command,
 * which compares them again with the store as it is then; a case the same at the preview stays as this store has it,
 * which is what keeping it would have done.
 */
interface ChosenImport {
  token: string
  /** The store it was previewed against: another one opened since (or the same file opened again) was not. */
  store: Store
  fileName: string
  exportedAt?: string
  incoming: Case[]
  identical: number
  /** The file's own policies, for the incoming cases that follow one this store lacks. */
  policies: Policy[]
}

/**
 * Export and import: the whole store as a versioned JSON file, the cases as CSV, and importing an export (or a store
 * file) merged by case id after a preview. `deadlines` is the case list's count, so the CSV's next deadlines cost
 * nothing after the list has been shown.
 */
export function exportHandlers(
  session: StoreSession,
  shell: Shell,
  now: () => Date,
  deadlines: DeadlineCache = createDeadlineCache(),
): Pick<Handlers, ExportChannels> {
  const store = () => session.store()
  const today = () => dateInZone(now().getTime(), timeZoneOf(store().settings.get().calendar.spec))
  /** One file at a time: choosing another replaces it, and importing or discarding it forgets it. */
  let chosen: ChosenImport | undefined

  return {
    'export:store': async () => {
      const document = store().document()
      const file = await shell.saveFile(
        { title: 'Export the whole store', suggestedName: exportFileName(today()), filters: jsonFilters },
        await exportJson(document, now()),
      )
      return file ? { saved: true, file, cases: document.cases.length } : { saved: false, cases: document.cases.length }
    },
    'export:casesCsv': async ({ separator }) => {
      const document = store().document()
      const { settings } = document
      const rows = await caseListSummaries(document, deadlines, now())
      const policyOf = policyLookup(document.policies)
      const csv = await casesCsv(rows, { team: settings.team, policyName: (id) => policyOf(id)?.name, teamZone: timeZoneOf(settings.calendar.spec), separator })
      const file = await shell.saveFile({ title: 'Export cases as CSV', suggestedName: casesCsvFileName(today()), filters: csvFilters }, csv)
      return file ? { saved: true, file, rows: rows.length } : { saved: false, rows: rows.length }
    },
    'import:choose': async (): Promise<ImportChoice> => {
      const picked = await shell.chooseFileToImport()
      if (!picked) return { kind: 'cancelled' }
      const fileName = recordedName(picked.name)
      if (picked.bytes.byteLength > importSizeLimit) {
        return { kind: 'refused', fileName, problem: `is larger than ${importSizeLimit / 1024 / 1024} MB, far more than a store of this app holds` }
      }
      // Previewed against one store: "Import" later refuses if another one is open by then.
      const open = store()
      const read = await readImport(picked.bytes, open.document().cases)
      if (!read.ok) return { kind: 'refused', fileName, problem: read.problem }
      const mine = open.document()
      const preview = await importPreview(mine, read.document.cases)
      const incomingIds = new Set([...preview.added.map((c) => c.id), ...preview.differing.map((d) => d.theirs.id)])
      // Checked in full now, a slice at a time, so "Import" runs at once: a case the store would refuse is refused here.
      const checked = await checkFileCases(read.document.cases.filter((c) => incomingIds.has(c.id)))
      if (!checked.ok) return { kind: 'refused', fileName, problem: checked.problem }
      const incoming = checked.cases
      const token = globalThis.crypto.randomUUID()
      chosen = {
        token,
        store: open,
        fileName,
        incoming,
        identical: preview.identical,
        policies: read.document.policies,
        ...(read.exportedAt !== undefined && { exportedAt: read.exportedAt }),
      }
      return {
        kind: 'preview',
        token,
        fileName,
        source: read.source,
        ...(read.exportedAt !== undefined && { exportedAt: read.exportedAt }),
        preview,
        notMerged: notMergedOf(mine, read.document, incoming),
      }
    },
    'import:apply': async ({ token, takeTheirs }) => {
      // The one store every step works on: the import runs for a while with turns for other work, and the person may
      // open another store meanwhile, which was neither previewed nor backed up.
      const open = store()
      if (chosen?.token !== token || chosen.store !== open) {
        throw new DeskError('not_found', 'The file chosen for this import is no longer held (another file was chosen, or another store opened, since). Choose it again; nothing was imported.')
      }
      const { fileName, exportedAt, incoming, identical, policies } = chosen
      const stillOpen = () => {
        if (session.state().kind === 'ready' && session.store() === open) return
        chosen = undefined
        throw new DeskError('store_unavailable', `Another store was opened while the import was being prepared, so nothing was imported into either. To import the file into ${open.file}, open that store again and choose the file again.`)
      }
      // A copy of the store as it was, so a case taken over this store's copy can still be looked up as it stood.
      // backUpOpenStore backs up the session's store, which is `open` at this moment (checked just above).
      const backup = await backUpOpenStore(session, 'before-import').catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error)
        throw new DeskError('store_unavailable', `No backup could be made before the import, so nothing was imported. ${reason}`)
      })
      stillOpen()
      const command: ImportCases = { type: 'cases.import', fileName, ...(exportedAt !== undefined && { exportedAt }), cases: incoming, takeTheirs, policies }
      // Worked out with turns for other work first: the command then only puts it in place (or, had a colleague's
      // change come in meanwhile, works it out again on the store as it is then).
      await prepareImport(open.document(), command, open.context())
      stillOpen()
      const { result } = await open.run(command)
      chosen = undefined
      return { ...result, unchanged: result.unchanged + identical, backup: backup.name }
    },
    'import:discard': async ({ token }) => {
      const discarded = chosen?.token === token
      if (discarded) chosen = undefined
      return { discarded }
    },
  }
}
