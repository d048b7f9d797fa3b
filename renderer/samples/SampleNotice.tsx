import { useCaseSummaries } from '../cases/CaseSummaries'
import { call } from '../desk'
import { useAction } from '../shell/useAction'

/** While demo cases are in the store, every screen says so and offers to take them out again. */
export function SampleNotice() {
  const { hasSamples } = useCaseSummaries()
  const { busy, run } = useAction()
  if (!hasSamples) return null

  const removeSamples = () =>
    run(async () => {
      // The list loads again on the 'cases:changed' event main sends for it (LiveUpdates).
      await call((desk) => desk.samples.remove({}))
    })

  return (
    <div className="notice" role="status">
      <p>
        <strong>Sample cases are loaded.</strong> They are made up, marked “Sample”, and can be removed at any time
        without touching your own cases.
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void removeSamples()}>
        Remove sample cases
      </button>
    </div>
  )
}

export function LoadSamplesButton({ className = 'button' }: { className?: string }) {
  const { busy, run } = useAction()

  const loadSamples = () =>
    run(async () => {
      await call((desk) => desk.samples.load({}))
    })

  return (
    <button type="button" className={className} disabled={busy} onClick={() => void loadSamples()}>
      Load sample cases
    </button>
  )
}
