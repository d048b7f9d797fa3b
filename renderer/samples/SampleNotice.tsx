import { useState } from 'react'
import { useCaseSummaries } from '../cases/CaseSummaries'
import { call } from '../desk'
import { useProblems } from '../shell/Problems'

/** While demo cases are in the store, every screen says so and offers to take them out again. */
export function SampleNotice() {
  const { hasSamples, reload } = useCaseSummaries()
  const { report } = useProblems()
  const [busy, setBusy] = useState(false)
  if (!hasSamples) return null

  async function removeSamples() {
    setBusy(true)
    try {
      await call((desk) => desk.samples.remove({}))
      await reload()
    } catch (error) {
      report(error)
    } finally {
      setBusy(false)
    }
  }

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
  const { reload } = useCaseSummaries()
  const { report } = useProblems()
  const [busy, setBusy] = useState(false)

  async function loadSamples() {
    setBusy(true)
    try {
      await call((desk) => desk.samples.load({}))
      await reload()
    } catch (error) {
      report(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <button type="button" className={className} disabled={busy} onClick={() => void loadSamples()}>
      Load sample cases
    </button>
  )
}
