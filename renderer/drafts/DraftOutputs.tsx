import { useState } from 'react'
import type { Case } from '../../src/cases/case'
import { plaintextWarning, plaintextWarningText, type PlaintextWarning } from '../../src/drafts/draftChecks'
import type { TemplatePurpose } from '../../src/drafts/template'
import type { Res } from '../../src/ipc/contract'
import { DeskFailure, messageOf } from '../desk'
import { Dialog } from '../dialogs/Dialog'
import { encryptForReporter, openMailto, saveEml, useReporterKey } from '../queries/drafts'

/** A key the draft can be encrypted to: read, able to encrypt, not expired. */
export function keyUsable(info: Res<'drafts:keyInfo'> | undefined): boolean {
  return info !== undefined && 'fingerprint' in info && !info.expired
}

/** A fingerprint as key tools print it, upper case in groups of four, so it can be read out and compared. */
export function fingerprintText(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ')
}

/** "2 placeholders not filled in", the start of the warning that lists them. */
export function placeholdersNotFilled(count: number): string {
  return `${count === 1 ? '1 placeholder' : `${count} placeholders`} not filled in`
}

/** The email as the outputs hand it on: rendered, with the sender and the recipients. */
export type DraftMessage = { from: string; to: string[]; subject: string; text: string }

type Output = 'copy' | 'mailto' | 'eml'
/** What the last output did, or why it did not, shown beside the buttons. */
type Outcome = { kind: 'done' | 'refused'; text: string; offerEml?: boolean; for: string }

/**
 * Copy, open in the mail app, save as .eml, and encrypt to the reporter's key when they gave one. All are off while
 * `blocked` says why (a template error, a missing input); the message is built only from the rendered text, so no raw
 * template braces can go out. A reply to a report that came in encrypted asks first before an unencrypted output
 * (plaintextWarning). What the last output did is about the message it had: once the message changes it is gone.
 */
export function DraftOutputs({
  kase,
  purpose,
  message,
  blocked,
  placeholders,
  encrypt,
  onEncrypt,
}: {
  kase: Case
  /** Names the saved file ("VD-2026-007 acknowledgement.eml"). */
  purpose: TemplatePurpose
  /** Null while nobody is chosen as the sender: copying still works, a file or mail app needs a From. */
  message: (Omit<DraftMessage, 'from'> & { from: string | null }) | null
  blocked: string | null
  /** The `[…]` placeholders of the template still in the subject or body. */
  placeholders: readonly string[]
  encrypt: boolean
  onEncrypt(on: boolean): void
}) {
  const [busy, setBusy] = useState<Output | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [asking, setAsking] = useState<{ output: Output; warning: PlaintextWarning } | null>(null)
  const key = useReporterKey(kase)
  const keyInfo = key.data
  const usable = keyUsable(keyInfo)
  const encrypting = encrypt && usable
  const off = blocked !== null || message === null || busy !== null
  // Another template, language, subject or body is another message: what the last one did no longer applies.
  const messageKey = message ? [purpose, ...message.to, message.subject, message.text].join('\u0000') : ''
  const shown = outcome?.for === messageKey ? outcome : null

  async function run(output: Output) {
    if (!message) return
    const sentFor = messageKey
    setAsking(null)
    setBusy(output)
    setOutcome(null)
    try {
      setOutcome({ ...(await perform(output, message)), for: sentFor })
    } catch (error) {
      setOutcome({
        for: sentFor,
        kind: 'refused',
        text: messageOf(error),
        // A mailto: link too long for mail apps: the file carries any length.
        offerEml: output === 'mailto' && error instanceof DeskFailure && error.code === 'invalid_input',
      })
    } finally {
      setBusy(null)
    }
  }

  async function perform(output: Output, m: NonNullable<typeof message>): Promise<Omit<Outcome, 'for'>> {
    const text = encrypting && output !== 'eml' ? (await encryptForReporter({ caseId: kase.id, text: m.text })).armored : m.text
    if (output === 'copy') {
      await navigator.clipboard.writeText(text)
      return { kind: 'done', text: encrypting ? 'Copied the encrypted body (the subject is not encrypted).' : 'Copied the body.' }
    }
    if (output === 'mailto') {
      const { opened } = await openMailto({ to: m.to, subject: m.subject, text })
      if (!opened) {
        return { kind: 'refused', text: 'No mail app on this computer took the link. Save the .eml and open that in your mail app.', offerEml: true }
      }
      return { kind: 'done', text: 'Opened in your mail app. Mark the email as sent once it has gone out.' }
    }
    if (!m.from) return { kind: 'refused', text: 'Choose who you are in the settings first: the file needs a sender.' }
    const saved = await saveEml({ caseId: kase.id, purpose, message: { from: m.from, to: m.to, cc: [], subject: m.subject, text: m.text }, encrypt: encrypting })
    return saved.saved
      ? { kind: 'done', text: `Saved${saved.file ? ` to ${saved.file}` : ''}. Open it in your mail app to send it, then mark it as sent.` }
      : { kind: 'done', text: 'Not saved.' }
  }

  function start(output: Output) {
    // The report came in encrypted: its words must not leave in clear without the user saying so.
    const warning = message !== null && !encrypting ? plaintextWarning(kase, message.text) : null
    if (warning) setAsking({ output, warning })
    else void run(output)
  }

  const outputNames: Record<Output, string> = { copy: 'Copy', mailto: 'Open in mail app', eml: 'Save .eml' }
  return (
    <section className="card draft-outputs" aria-label="Send">
      {kase.reporter.pgpPublicKey && (
        <div className="draft-encrypt">
          <label className="checkbox">
            <input type="checkbox" checked={encrypting} disabled={!usable} onChange={(e) => onEncrypt(e.target.checked)} />
            Encrypt to the reporter’s key
          </label>
          <p className="small muted">
            {key.error
              ? messageOf(key.error)
              : !keyInfo
                ? 'Reading the reporter’s key…'
                : 'problem' in keyInfo
                  ? keyInfo.problem
                  : keyInfo.expired
                    ? `The reporter’s key ${fingerprintText(keyInfo.fingerprint)} has expired: ask them for a current one.`
                    : `Key ${fingerprintText(keyInfo.fingerprint)}${keyInfo.userIds[0] ? ` · ${keyInfo.userIds[0]}` : ''}`}
          </p>
        </div>
      )}
      <div className="button-row">
        {(['copy', 'mailto', 'eml'] as const).map((output) => (
          <button
            key={output}
            type="button"
            className="button"
            disabled={off || (output === 'eml' && !message?.from)}
            aria-busy={busy === output}
            onClick={() => start(output)}
          >
            {outputNames[output]}
          </button>
        ))}
      </div>
      {blocked && <p className="small draft-blocked">{blocked}</p>}
      {placeholders.length > 0 && (
        <div className="small draft-placeholders" role="note" aria-label="Placeholders">
          {placeholdersNotFilled(placeholders.length)}: write these in before it goes out.
          <ul>
            {placeholders.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {shown && (
        <div className={shown.kind === 'done' ? 'draft-outcome' : 'draft-outcome draft-outcome-refused'} role="status">
          <p>{shown.text}</p>
          {shown.offerEml && message?.from && (
            <button type="button" className="button" onClick={() => start('eml')}>
              Save .eml instead
            </button>
          )}
        </div>
      )}
      {asking && (
        <Dialog
          title={asking.warning === 'quotes_report' ? 'Send the report’s words unencrypted?' : 'Send this unencrypted?'}
          onCancel={() => setAsking(null)}
          actions={
            <>
              <button type="button" className="button button-primary" onClick={() => setAsking(null)}>
                Keep it private
              </button>
              <button type="button" className="button button-danger" onClick={() => void run(asking.output)}>
                {outputNames[asking.output]} unencrypted
              </button>
            </>
          }
        >
          <p>{plaintextWarningText[asking.warning]}</p>
          {!usable && <p>The desk has no usable key of the reporter’s: ask them for their public key to encrypt to.</p>}
        </Dialog>
      )}
    </section>
  )
}
