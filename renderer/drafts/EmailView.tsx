import type { TimelineEventOf } from '../../src/cases/timeline'
import { formatForZone, languageNames } from '../../src/i18n'
import { purposeLabels } from '../../src/i18n/draftWords'
import { Dialog } from '../dialogs/Dialog'
import { localTimeZone } from '../time/timeZones'

/** An email recorded as sent, opened again from the timeline exactly as it went out: all of it as text. */
export function EmailView({ email, onClose }: { email: TimelineEventOf<'email_sent'>; onClose(): void }) {
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
        <dd>{formatForZone(email.on, localTimeZone(), 'en')}</dd>
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
