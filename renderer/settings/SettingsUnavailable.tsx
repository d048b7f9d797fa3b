import { useSettings } from './SettingsContext'

/** Stands in for a settings form when they failed to load; the reason is in the problem area. */
export function SettingsUnavailable() {
  const { reload } = useSettings()
  return (
    <div className="card">
      <p>The settings could not be loaded.</p>
      <button type="button" className="button" onClick={() => void reload()}>
        Try again
      </button>
    </div>
  )
}
