/** A screen whose data is still on its way, e.g. "Loading case…". */
export function Loading({ what }: { what: string }) {
  return (
    <div className="screen">
      <p className="muted" aria-busy="true">
        Loading {what}…
      </p>
    </div>
  )
}
