import { useSettings } from '../queries/settings'
import { LoadFailed } from '../shell/LoadFailed'
import { useFailureShown } from '../shell/Problems'

/** Stands in for a settings form while they load, or when loading failed (the reason is in this screen's problem area). */
export function SettingsUnavailable() {
  const { error, reload } = useSettings()
  useFailureShown(error)
  if (!error) {
    return (
      <p className="muted" aria-busy="true">
        Loading settings…
      </p>
    )
  }
  return <LoadFailed what="The settings" onRetry={() => void reload()} />
}
