import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, useState } from 'react'
import type { AddedCase, CaseBrief, ImportChoice, ImportResult, NotMerged } from '../../src/export/importChoice'
import { formatDayTime } from '../../src/i18n/dates'
import { call, messageOf } from '../desk'
import { Dialog } from '../dialogs/Dialog'
import { localTimeZone } from '../time/timeZones'

type Preview = Extract<ImportChoice, { kind: 'preview' }>

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
const when = (instant: string) => formatDayTime(instant, localTimeZone(), 'en', true)
const revisionText = (c: CaseBrief) => `Revision ${c.revision}, changed ${when(c.updatedAt)}`

/** What the import did, in one sentence for the section's status line. */
function resultText(result: ImportResult & { backup: string }): string {
  const parts = [
    result.added > 0 ? `${count(result.added, 'case', 'cases')} added` : null,
    result.replaced > 0 ? `${count(result.replaced, 'case', 'cases')} replaced by the file’s version` : null,
    result.kept > 0 ? `${count(result.kept, 'case', 'cases')} kept as this store has ${result.kept === 1 ? 'it' : 'them'}` : null,
    result.unchanged > 0 ? `${count(result.unchanged, 'case was', 'cases were')} already here` : null,
    result.policiesAdded > 0 ? `${count(result.policiesAdded, 'policy', 'policies')} the cases follow added` : null,
  ].filter(Boolean)
  const what = parts.length > 0 ? parts.join(', ') : 'nothing to import'
  return `Imported: ${what}. The store as it was before is kept as the backup “${result.backup}”.`
}

/** What the import leaves as this store has it; said before anything is imported. */
function notMergedLines(n: NotMerged): string[] {
  const lines = ['Settings, policies and templates are not imported: this store keeps its own.']
  if (n.policiesComing.length > 0) {
    const names = n.policiesComing.map((name) => `“${name}”`).join(', ')
    lines.push(
      `Except ${n.policiesComing.length === 1 ? 'the policy' : 'the policies'} ${names}, which this store does not have: ${n.policiesComing.length === 1 ? 'it comes' : 'they come'} along with the cases that follow ${n.policiesComing.length === 1 ? 'it' : 'them'}, so their deadlines can be counted.`,
    )
  }
  const other = n.policiesComing.length > 0 ? 'other ' : ''
  const leftOut = [
    n.settingsDiffer ? 'the file’s settings (team, calendar, default policy), which differ from this store’s' : null,
    n.policies > 0 ? count(n.policies, `${other}policy of the file’s own`, `${other}policies of the file’s own`) : null,
    n.templates > 0 ? count(n.templates, 'email template', 'email templates') : null,
  ].filter(Boolean)
  if (leftOut.length > 0) lines.push(`Left out: ${leftOut.join('; ')}.`)
  if (n.casesWithUnknownPolicy > 0) {
    lines.push(
      `${count(n.casesWithUnknownPolicy, 'case', 'cases')} coming in ${n.casesWithUnknownPolicy === 1 ? 'follows' : 'follow'} a policy neither this store nor the file has: ${n.casesWithUnknownPolicy === 1 ? 'its' : 'their'} deadlines cannot be counted until you choose another policy on ${n.casesWithUnknownPolicy === 1 ? 'it' : 'them'}.`,
    )
  }
  return lines
}

/**
 * The import's preview: what is new to this store (added whole), what is here already in the same form (nothing to
 * do), and what is here in another form, where the person keeps this store's copy (the default) or takes the file's,
 * case by case. "Import" applies it all as one change, after a backup; Cancel forgets the file.
 */
export function ImportPreviewDialog({ choice, onDone }: { choice: Preview; onDone(status: string | null): void }) {
  const { preview } = choice
  const keysTaken = preview.added.filter((c) => c.keyTaken).length
  const [takeTheirs, setTakeTheirs] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const incoming = preview.added.length + takeTheirs.size

  const cancel = () => {
    // Only frees the file main keeps; there is nothing to undo.
    void call((desk) => desk.import.discard({ token: choice.token })).catch(() => undefined)
    onDone(null)
  }
  const apply = async () => {
    setBusy(true)
    setFailure(null)
    try {
      const result = await call((desk) => desk.import.apply({ token: choice.token, takeTheirs: [...takeTheirs] }))
      onDone(resultText(result))
    } catch (error) {
      setFailure(messageOf(error))
      setBusy(false)
    }
  }
  const choose = (id: string, theirs: boolean) =>
    setTakeTheirs((before) => {
      const next = new Set(before)
      if (theirs) next.add(id)
      else next.delete(id)
      return next
    })

  return (
    <Dialog
      title="Import cases"
      onCancel={cancel}
      actions={
        <>
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={busy || incoming === 0} onClick={() => void apply()}>
            {busy ? 'Importing…' : incoming === 0 ? 'Nothing to import' : `Import ${count(incoming, 'case', 'cases')}`}
          </button>
        </>
      }
    >
      <div className="import-preview">
        <p>
          From <span className="mono break">{choice.fileName}</span>
          {choice.source === 'export' && choice.exportedAt ? `, exported ${when(choice.exportedAt)}` : ', a store file (not an export)'}.
        </p>
        <ul className="import-counts">
          <li>
            <strong>{count(preview.added.length, 'case', 'cases')}</strong> new to this store: added whole, each with a
            timeline entry saying it came from this file.
            {keysTaken > 0 &&
              (keysTaken === 1
                ? ' One of them has a key already used here and gets the next free key; its timeline keeps the old one.'
                : ` ${keysTaken.toLocaleString('en-US')} of them have a key already used here and get the next free keys; their timelines keep the old ones.`)}
          </li>
          <li>
            <strong>{count(preview.identical, 'case', 'cases')}</strong> already here, the same: nothing to do.
          </li>
          <li>
            <strong>{count(preview.differing.length, 'case', 'cases')}</strong> here in another form: choose below which to keep.
          </li>
        </ul>
        {preview.added.length > 0 && (
          <section aria-labelledby="import-added" className="import-section">
            <h3 id="import-added" className="dialog-section-title">
              New to this store
            </h3>
            <AddedList cases={preview.added} />
          </section>
        )}
        {preview.differing.length > 0 && (
          <section aria-labelledby="import-differing" className="import-section">
            <div className="import-differing-head">
              <h3 id="import-differing" className="dialog-section-title">
                Here in another form
              </h3>
              {preview.differing.length > 1 && (
                <div className="button-row">
                  <button type="button" className="button button-quiet" onClick={() => setTakeTheirs(new Set())}>
                    Keep all mine
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => setTakeTheirs(new Set(preview.differing.map((d) => d.theirs.id)))}
                  >
                    Take all theirs
                  </button>
                </div>
              )}
            </div>
            <DifferingTable differing={preview.differing} takeTheirs={takeTheirs} onChoose={choose} />
            <p className="muted small">
              A case taken from the file gets the file’s version whole; its timeline says which revision it replaced.
            </p>
          </section>
        )}
        <div className="import-notes">
          {notMergedLines(choice.notMerged).map((line) => (
            <p key={line} className="muted small">
              {line}
            </p>
          ))}
          <p className="muted small">A backup of this store is made before anything is imported.</p>
        </div>
        {failure && (
          <p className="form-summary" role="alert">
            Nothing was imported: {failure}
          </p>
        )}
      </div>
    </Dialog>
  )
}

/**
 * Rows drawn only where they can be seen, at a fixed height: an export of a store of 10,000 cases lists them all, and
 * drawing every row at once froze the window for seconds. Titles (the reporters' words, shown as text) take at most
 * two lines; the full title is the row's tooltip.
 */
const addedRowHeight = 24
const differingRowHeight = 88
const overscan = 8

function AddedList({ cases }: { cases: readonly AddedCase[] }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: cases.length, getScrollElement: () => scrollRef.current, estimateSize: () => addedRowHeight, overscan })
  return (
    <div ref={scrollRef} className="import-added">
      <ul style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const c = cases[item.index]!
          return (
            <li key={c.id} aria-setsize={cases.length} aria-posinset={item.index + 1} title={c.title} style={{ transform: `translateY(${item.start}px)`, height: addedRowHeight }}>
              <span className="mono">{c.key}</span>
              {c.keyTaken && (
                <>
                  {' '}
                  <span className="import-key-taken">(taken here: gets a new key)</span>
                </>
              )}{' '}
              {c.title}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function DifferingTable({
  differing,
  takeTheirs,
  onChoose,
}: {
  differing: Preview['preview']['differing']
  takeTheirs: ReadonlySet<string>
  onChoose(id: string, theirs: boolean): void
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: differing.length, getScrollElement: () => scrollRef.current, estimateSize: () => differingRowHeight, overscan })
  return (
    <div className="import-table" role="table" aria-labelledby="import-differing" aria-rowcount={differing.length + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="import-row import-row-head">
          <div role="columnheader">Case</div>
          <div role="columnheader">This store</div>
          <div role="columnheader">The file</div>
          <div role="columnheader">Keep</div>
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="import-table-body" tabIndex={-1}>
        <div className="import-table-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const { mine, theirs } = differing[item.index]!
            const taking = takeTheirs.has(theirs.id)
            return (
              <div
                key={mine.id}
                role="row"
                aria-rowindex={item.index + 2}
                className="import-row import-row-body"
                style={{ transform: `translateY(${item.start}px)`, height: differingRowHeight }}
              >
                <div role="rowheader" title={mine.title}>
                  <span className="mono">{mine.key}</span>
                  <span className="import-title">{mine.title}</span>
                </div>
                <div role="cell">{revisionText(mine)}</div>
                <div role="cell" title={theirs.title !== mine.title ? theirs.title : undefined}>
                  {theirs.title !== mine.title && <span className="import-title">{theirs.title}</span>}
                  {revisionText(theirs)}
                </div>
                <div role="cell">
                  <fieldset className="import-choice">
                    <legend className="sr-only">{`Which ${mine.key} to keep`}</legend>
                    <label className="checkbox">
                      <input type="radio" name={`keep-${mine.id}`} checked={!taking} onChange={() => onChoose(theirs.id, false)} />
                      Keep mine
                    </label>
                    <label className="checkbox">
                      <input type="radio" name={`keep-${mine.id}`} checked={taking} onChange={() => onChoose(theirs.id, true)} />
                      Take theirs
                    </label>
                  </fieldset>
                </div>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
