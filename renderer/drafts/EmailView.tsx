import type { TimelineEventOf } from '../../src/cases/timeline'
import { formatForZone, languageNames } from '../../src/i18n'
import { purposeLabels } from '../../src/i18n/draftWords'
import { Dialog } from '../dialogs/Dialog'

/** An email recorded as sent, opened again from the timeline exactly as it went out: all of it as text; its time on the team's clock (`zone`), named. */
export function EmailView({ email, zone, onClose }: { email: TimelineEventOf<'email_sent'>; zone: string; onClose(): void }) {
  return (
    <Dialog
      title={email.subject || '(no subject)'}
      onCancel={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <dl className="draft-headers email-view-headers">
        <dt>Sent</dt>
        <dd>{formatForZone(email.on, zone, 'en')}</dd>
        <dt>From</dt>
        <dd>{email.from}</dd>
        <dt>To</dt>
        <dd>{email.to.join(', ')}</dd>
        {email.cc.length > 0 && (
          <>
            <dt>Cc</dt>
            <dd>{email.cc.join(', ')}</dd>
          </>
        )}
        <dt>Template</dt>
        <dd>
          {purposeLabels.en[email.purpose]} · {languageNames[email.language]}
          {email.encrypted ? ' · sent encrypted' : ''}
        </dd>
      </dl>
      <pre className="email-view-body" aria-label="Body">
        {email.body}
      </pre>
    </Dialog>
  )
}
