/** Stands where data would be when loading it failed; the reason is in the screen's problem area. */
export function LoadFailed({ what, onRetry }: { what: string; onRetry(): void }) {
  return (
    <div className="card">
      <p>{what} could not be loaded.</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
