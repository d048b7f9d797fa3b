import { ratingLabels, unratedLabel } from '../../src/i18n/labels'
import { ratingOrder } from '../cases/ratingOrder'

/** A severity filter's choices, most severe first, then the cases not rated; `all` is the value of "All". */
export function SeverityOptions({ all }: { all: string }) {
  return (
    <>
      <option value={all}>All</option>
      {ratingOrder.map((r) => (
        <option key={r} value={r}>
          {ratingLabels.en[r]}
        </option>
      ))}
      <option value="unrated">{unratedLabel.en}</option>
    </>
  )
}
