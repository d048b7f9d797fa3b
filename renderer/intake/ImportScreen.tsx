import { Fragment, useMemo, useState, type ChangeEvent, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { AttachmentInfo } from '../../src/cases/case'
import { intakeNoteText, replyNoteText } from '../../src/i18n/intakeText'
import { titleWithoutReplyPrefix, type ReplyTarget } from '../../src/intake/replyTarget'
import type { IntakePreview } from '../../src/ipc/contract'
import { CaseForm } from '../cases/CaseForm'
import { call } from '../desk'
import { useCase, useCaseChange } from '../queries/cases'
import { saveAttachment, useIntakePreview, useReplyTarget } from '../queries/intake'
import { LoadFailed } from '../shell/LoadFailed'
import { Loading } from '../shell/Loading'
import { useFailureShown } from '../shell/Problems'
import { useAction } from '../shell/useAction'
import { useImportMail } from './importMail'
import './intake.css'

const title = 'Import report from email'

/** Where the File menu's "Import report from email…" and the sidebar lead when no mail is chosen yet. */
export function ImportStart() {
  const importMail = useImportMail()
  const { busy, run } = useAction()
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // The same file can be chosen again after a failure.
    event.target.value = ''
    if (file) void run(() => importMail(file))
  }
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
        <p className="screen-lead">A report that came in by email becomes a case with its sender, received time, subject and text filled in.</p>
      </header>
      <section className="card intake-start">
        <ol className="intake-steps">
          <li>In your mail app, save the message as a file (.eml): drag it to a folder, or use Save as.</li>
          <li>Drop the file anywhere on this window, or choose it here, or use File → Import report from email… (Ctrl+I; ⌘I on a Mac).</li>
          <li>Check what was read, then save the case. Nothing is created before you save.</li>
        </ol>
        <label className={`button button-primary intake-choose${busy ? ' disabled' : ''}`}>
          {busy ? 'Reading…' : 'Choose .eml file…'}
          <input type="file" accept=".eml,message/rfc822" className="sr-only" disabled={busy} onChange={choose} />
        </label>
      </section>
    </div>
  )
}

/** The import screen of one mail main has read: the case to create from it, or why it is not a mail. */
export function ImportScreen() {
  const { token = '' } = useParams()
  // A new mail is a new form: nothing typed for the last one carries over.
  return <ImportedMail key={token} token={token} />
}

function ImportedMail({ token }: { token: string }) {
  const { data: preview, error, refetch } = useIntakePreview(token)
  const reply = useReplyTarget(token, preview?.ok === true)
  const [asNewCase, setAsNewCase] = useState(false)
  useFailureShown(error ?? reply.error)
  if (error) {
    return (
      <ImportProblem>
        <LoadFailed what="The imported email" onRetry={() => void refetch()} />
      </ImportProblem>
    )
  }
  if (!preview) return <Loading what="the email" />
  if (!preview.ok) {
    return (
      <ImportProblem>
        <section className="card intake-refused" role="alert">
          <h2>This file was not imported</h2>
          <p>{preview.problem}</p>
          <p className="muted">No case was created.</p>
        </section>
      </ImportProblem>
    )
  }
  // Asked before the form shows, so a reply is not first laid out as a new case. Without an answer (it failed, and
  // says so) the mail can still become a case.
  if (reply.isPending) return <Loading what="the email" />
  if (reply.data && !asNewCase) return <ReplyChoice preview={preview} target={reply.data} onNewCase={() => setAsNewCase(true)} />
  return <NewCaseFromMail preview={preview} />
}

function NewCaseFromMail({ preview }: { preview: ReadPreview }) {
  // "Re: Fwd: XSS in search" is a case about XSS in search; the subject as it came stays in the mail.
  const start = useMemo(() => ({ ...preview.input, title: titleWithoutReplyPrefix(preview.input.title) }), [preview.input])
  return (
    <CaseForm
      start={start}
      header={
        <header className="screen-header">
          <h1>{title}</h1>
          <p className="screen-lead">
            Read from the email below; check it, correct what is wrong, and save to create the case. The mail’s
            Message-ID goes with the case, so replies thread under it.
          </p>
        </header>
      }
    >
      <MailFacts preview={preview} />
    </CaseForm>
  )
}

/**
 * A mail that answers a case already here: adding it to that case keeps one case per report; a new case stays one
 * click away, for a reporter who replies with something new.
 */
function ReplyChoice({ preview, target, onNewCase }: { preview: ReadPreview; target: ReplyTarget; onNewCase(): void }) {
  const { data: kase } = useCase(target.caseId)
  const saveCase = useCaseChange()
  const navigate = useNavigate()
  const { busy, run } = useAction()
  const casePath = `/cases/${target.caseId}`
  const addAsNote = () =>
    run(async () => {
      await saveCase(() => call((desk) => desk.cases.addNote({ id: target.caseId, text: replyNoteText(preview.input) })))
      navigate(casePath)
    })
  const { name, email } = preview.input.reporter
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      <section className="card intake-reply" aria-labelledby="intake-reply">
        <h2 id="intake-reply">
          {`This looks like a reply to ${target.key}${kase ? ` (${kase.title})` : ''}`}
        </h2>
        <p>
          {target.by === 'message_id'
            ? `The mail is in the thread of the email ${target.key} was opened from.`
            : `Its subject names ${target.key}.`}{' '}
          Add it to that case, unless it reports something new.
        </p>
        <dl className="intake-reply-mail">
          <dt>From</dt>
          <dd className="break">{name && email ? `${name} <${email}>` : name || email || 'No sender named'}</dd>
          <dt>Subject</dt>
          <dd className="break">{preview.input.title}</dd>
        </dl>
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void addAsNote()}>
            Add the reply to that case as a note
          </button>
          <Link className="button" to={casePath}>
            Open that case
          </Link>
          <button type="button" className="button" disabled={busy} onClick={onNewCase}>
            Create a new case anyway
          </button>
        </div>
        <p className="small muted">The note holds the sender, the date, the subject and the text. Attachments stay out of the case; save them below if you need them.</p>
      </section>
      <MailFacts preview={preview} />
    </div>
  )
}

function ImportProblem({ children }: { children: ReactNode }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      {children}
      <p className="intake-again">
        <Link to="/import">Choose another file</Link>
      </p>
    </div>
  )
}

type ReadPreview = Extract<IntakePreview, { ok: true }>

/** What the mail brought that the case form does not show: the notes of the import, encryption, attachments. */
function MailFacts({ preview }: { preview: ReadPreview }) {
  const encryption = preview.notes.filter((n) => n.kind === 'encrypted')
  const notes = preview.notes.filter((n) => n.kind !== 'encrypted')
  return (
    <section className="card intake-facts" aria-labelledby="intake-facts">
      <h2 id="intake-facts">From the email</h2>
      {preview.encrypted && (
        <div className="intake-encrypted" role="note">
          <strong>This report arrived encrypted.</strong>{' '}
          {encryption.length > 0
            ? encryption.map(intakeNoteText).join(' ')
            : 'Its text is kept exactly as it came; decrypt it with your own key outside the desk, and reply encrypted.'}
        </div>
      )}
      {notes.length > 0 && (
        <>
          <h3 className="subheading">Check before saving</h3>
          <ul className="intake-notes">
            {notes.map((note, i) => (
              <li key={i}>{intakeNoteText(note)}</li>
            ))}
          </ul>
        </>
      )}
      {preview.input.mail?.messageId && (
        <p className="small muted">
          Message-ID <span className="mono break">{preview.input.mail.messageId}</span>
        </p>
      )}
      <Attachments token={preview.token} attachments={preview.attachments} />
    </section>
  )
}

/** Listed by name, type, size and digest; saved only when asked, never opened or shown here. */
function Attachments({ token, attachments }: { token: string; attachments: AttachmentInfo[] }) {
  const { busy, run } = useAction()
  const [savedTo, setSavedTo] = useState<Record<number, string>>({})
  if (attachments.length === 0) return <p className="muted">No attachments.</p>
  const save = (index: number) =>
    run(async () => {
      const result = await saveAttachment(token, index)
      if (result.saved) setSavedTo((s) => ({ ...s, [index]: result.file ?? 'the chosen folder' }))
    })
  return (
    <>
      <h3 className="subheading">
        {attachments.length === 1 ? '1 attachment' : `${attachments.length.toLocaleString('en')} attachments`}
      </h3>
      <p className="small muted">Not opened or shown here. Save one to inspect it in a safe place; the case keeps only these facts.</p>
      <table className="intake-attachments">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">SHA-256</th>
            <th scope="col">
              <span className="sr-only">Save</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((a, index) => (
            <Fragment key={index}>
              <tr>
                <td className="break">{a.name}</td>
                <td className="mono break">{a.type}</td>
                <td className="numeric">{byteSize(a.size)}</td>
                <td className="mono intake-digest">{a.sha256}</td>
                <td className="intake-save">
                  <button type="button" className="button" disabled={busy} aria-label={`Save ${a.name}`} onClick={() => void save(index)}>
                    Save…
                  </button>
                </td>
              </tr>
              {savedTo[index] && (
                <tr className="intake-saved">
                  <td colSpan={5} className="small muted break" role="status">
                    Saved {a.name} to {savedTo[index]}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** "312 bytes", "48.2 KB", "25.0 MB": 1024-based, as file managers on the desk's systems show it. */
function byteSize(size: number): string {
  if (size < 1024) return `${size.toLocaleString('en')} ${size === 1 ? 'byte' : 'bytes'}`
  const units = ['KB', 'MB', 'GB']
  let value = size / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${units[unit]}`
}
