import { memo, useMemo } from 'react'
import type { Rendered } from '../../src/drafts/engine'

/**
 * The email as it will go out, rendered from the source on every keystroke in the renderer (no call to main). All of
 * it is React text: a reporter's name or report holding HTML shows as the characters it is, never as markup.
 */
export const DraftPreview = memo(function DraftPreview({
  from,
  to,
  subject,
  body,
  encryptedTo,
}: {
  /** Null when nobody is chosen as the sender. */
  from: string | null
  /** The recipients exactly as the outputs and the record give them. */
  to: string
  /** Whom the body is encrypted to (the key's user id or fingerprint), or null when it goes out in clear. */
  encryptedTo: string | null
  subject: Rendered
  body: Rendered
}) {
  return (
    <section className="card draft-preview" aria-label="Preview">
      <h2 className="draft-preview-title">Preview</h2>
      {encryptedTo !== null && (
        <p className="draft-encrypted-banner" role="note">
          Encrypted to {encryptedTo} — the subject stays readable
        </p>
      )}
      <dl className="draft-headers">
        <dt>From</dt>
        <dd>{from ?? <span className="muted">Nobody chosen</span>}</dd>
        <dt>To</dt>
        <dd>{to}</dd>
        <dt>Subject</dt>
        <dd className="draft-preview-subject" aria-label="Subject as sent">
          {subject.ok ? subject.text : <NotRendered where="subject" line={subject.error.line} column={subject.error.column} />}
        </dd>
      </dl>
      {body.ok ? (
        <div className="draft-preview-body" aria-label="Body as sent">
          <Lines text={body.text} />
        </div>
      ) : (
        <p className="draft-preview-body draft-preview-stale" aria-label="Body as sent">
          <NotRendered where="body" line={body.error.line} column={body.error.column} />
        </p>
      )}
    </section>
  )
})

function NotRendered({ where, line, column }: { where: string; line: number; column: number }) {
  return (
    <span className="draft-not-rendered">
      Not shown: the {where} has an error at line {line}, column {column}.
    </span>
  )
}

/**
 * The body a block per line: a keystroke changes one line, and the browser lays out that line again instead of all
 * 20 KB of the body (measured: the preview's frame after a keystroke in a 20 KB body drops by about a third). An empty
 * line holds a <br>, so the body reads and copies with its line breaks, once each.
 */
function Lines({ text }: { text: string }) {
  const lines = useMemo(() => {
    const all = text.split(/\r?\n/)
    // A last line break ends the last line; it does not start an empty one.
    if (all.length > 1 && all.at(-1) === '') all.pop()
    return all
  }, [text])
  return lines.map((line, i) => (
    <div key={i} className="draft-line">
      {line === '' ? <br /> : line}
    </div>
  ))
}
