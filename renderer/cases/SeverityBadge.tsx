import type { Rating } from '../../src/cases/case'
import { ratingLabels, unratedLabel } from '../../src/i18n/labels'

/** "9.8 Critical" with the rating's colour; the text alone carries the meaning, the colour only helps. */
export function SeverityBadge({ rating, score }: { rating: Rating | undefined; score?: number | undefined }) {
  if (!rating) return <span className="badge badge-unrated">{unratedLabel.en}</span>
  return (
    <span className={`badge badge-${rating}`}>
      {score !== undefined && <span className="badge-score">{score.toFixed(1)}</span>}
      {score !== undefined ? ' ' : ''}
      {ratingLabels.en[rating]}
    </span>
  )
}
