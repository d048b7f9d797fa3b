import { useId, useState } from 'react'
import { isoDateOf, parseIsoDate } from '../../src/calendar/dayNumber'
import type { IsoDate } from '../../src/calendar/spec'
import { formatDay } from '../../src/i18n'

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/
// A shutdown longer than this is almost certainly a typo in the year.
const longestRange = 366

/** Each day from `from` to `to` (or just `from`), or the message to show when the range cannot be added. */
function datesOf(from: string, to: string): IsoDate[] | string {
  if (!isoDatePattern.test(from)) return 'Choose the first day'
  const last = to || from
  if (!isoDatePattern.test(last)) return 'Choose the last day, or leave it empty for one day'
  const start = parseIsoDate(from)
  const end = parseIsoDate(last)
  if (end < start) return 'The last day is before the first day'
  if (end - start >= longestRange) return `A range can span at most ${longestRange} days`
  return Array.from({ length: end - start + 1 }, (_, i) => isoDateOf(start + i))
}

/** A list of single dates (closures, make-up working days), added as ranges: "24 Dec to 1 Jan" adds each day. */
export function DateListField({
  legend,
  hint,
  dates,
  addLabel,
  error,
  onChange,
}: {
  legend: string
  hint: string
  dates: IsoDate[]
  addLabel: string
  error?: string | undefined
  onChange(dates: IsoDate[]): void
}) {
  const id = useId()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  function add() {
    const added = datesOf(from, to)
    if (typeof added === 'string') return setProblem(added)
    onChange([...new Set([...dates, ...added])].sort())
    setFrom('')
    setTo('')
    setProblem(null)
  }

  const shown = problem ?? error
  return (
    <fieldset className="date-list" aria-describedby={`${id}-hint`}>
      <legend className="field-label">{legend}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {dates.length > 0 && (
        <ul className="date-chips" aria-label={legend}>
          {dates.map((date) => (
            <li key={date} className="date-chip">
              <time dateTime={date}>{formatDay(date, 'en', true)}</time>
              <button type="button" className="date-chip-remove" aria-label={`Remove ${formatDay(date, 'en', true)}`} onClick={() => onChange(dates.filter((d) => d !== date))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="date-range">
        <label className="date-range-part">
          <span className="small muted">From</span>
          <input type="date" aria-label={`${legend}: first day`} aria-invalid={Boolean(shown)} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="date-range-part">
          <span className="small muted">To (optional)</span>
          <input type="date" aria-label={`${legend}: last day`} min={from || undefined} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={add}>
          {addLabel}
        </button>
      </div>
      {shown && <div className="field-error">{shown}</div>}
    </fieldset>
  )
}

