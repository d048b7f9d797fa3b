import { messageOf } from '../desk'

/**
 * Stands in a settings section whose own data could not be read, saying why there (the other sections still work):
 * `what` leads into the reason, "The backups could not be listed: …".
 */
export function SectionLoadFailed({ what, error, onRetry }: { what: string; error: unknown; onRetry(): void }) {
  return (
    <div className="field-error" role="alert">
      {what}: {messageOf(error)}{' '}
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
