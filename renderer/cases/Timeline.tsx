import { useMemo, useState } from 'react'
import type { Case } from '../../src/cases/case'
import type { TimelineEventOf } from '../../src/cases/timeline'
import { effectiveEntry } from '../../src/cases/history'
import { zoneLabel } from '../../src/i18n/dates'
import { milestoneLabels } from '../../src/i18n/labels'
import { timelineText, type Piece, type TimelineLine } from '../../src/i18n/timelineText'
import type { TeamMember } from '../../src/settings/settings'
import { caseTeamZone } from '../drafts/draftState'
import { EmailView } from '../drafts/EmailView'
import { isRemoved } from '../settings/members'
import { useCaseKeys } from './CaseFacts'
import { CorrectEventForm, WithdrawEventForm, type Correction, type Send } from './CorrectEventForm'
import { milestoneTimeProblem } from './MilestoneRecorder'

type Props = {
  kase: Case
  team: TeamMember[]
  onCorrect(eventId: string): Send<Correction>
  onWithdraw(eventId: string): Send<{ reason?: string }>
}

/**
 * Everything that happened to the case, oldest first, each with who did it and when, in the words of timelineText.
 * A milestone or note can be corrected or withdrawn; the original stays, marked, and the correction names it.
 */
export function Timeline({ kase, team, onCorrect, onWithdraw }: Props) {
  const caseKey = useCaseKeys()
  const [open, setOpen] = useState<{ id: string; action: 'correct' | 'withdraw' } | null>(null)
  const [reading, setReading] = useState<TimelineEventOf<'email_sent'> | null>(null)
  // One clock on every screen: the team's, the one the deadlines are counted and shown in.
  const zone = caseTeamZone(kase)
  // Worded once per case, team and keys, not on each keystroke of a form on the same screen.
  const lines = useMemo(
    () =>
      timelineText(kase, {
        language: 'en',
        timeZone: zone,
        isRemoved: (id) => {
          const member = team.find((m) => m.id === id)
          return !member || isRemoved(member)
        },
        caseKey,
      }).map((line) => ({ ...line, entry: line.correctable ? effectiveEntry(kase, line.id) : undefined })),
    [kase, team, caseKey, zone],
  )
  const close = () => setOpen(null)
  const closeWhenSaved =
    <T,>(send: Send<T>): Send<T> =>
    async (change) => {
      const result = await send(change)
      if (result === true) close()
      return result
    }

  return (
    <>
      <p className="small muted timeline-zone">Times on the team’s clock, {zoneLabel(zone)}.</p>
      <ol className="timeline" aria-label="Timeline">
        {lines.map((line) => {
          const { entry } = line
          const label = entry?.type === 'milestone' ? milestoneLabels.en[entry.milestone] : 'note'
          const isOpen = open?.id === line.id
          // An email marked as sent, a promised date, a proposed publication: withdrawn, never corrected.
          const withdrawOnly = line.withdrawable && !entry ? withdrawnWhat[line.type] : undefined
          return (
            <li key={line.id} className={`timeline-event timeline-${line.type} timeline-${line.standing}`}>
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-body">
                <div className="timeline-meta">
                  <span className="timeline-who">{line.who}</span>
                  <span>{line.at}</span>
                  {line.standing !== 'as_recorded' && (
                    <span className="pill">{line.standing === 'corrected' ? 'Corrected' : 'Withdrawn'}</span>
                  )}
                </div>
                <LineText line={line} />
                {(line.type === 'email_sent' || withdrawOnly) && !isOpen && (
                  <div className="button-row timeline-actions">
                    {line.type === 'email_sent' && (
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={`Open email: ${emailOf(kase, line.id)?.subject || '(no subject)'}`}
                        onClick={() => setReading(emailOf(kase, line.id))}
                      >
                        Open email
                      </button>
                    )}
                    {withdrawOnly && (
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={`Withdraw ${withdrawOnly}`}
                        onClick={() => setOpen({ id: line.id, action: 'withdraw' })}
                      >
                        Withdraw…
                      </button>
                    )}
                  </div>
                )}
                {withdrawOnly && isOpen && (
                  <WithdrawEventForm label={withdrawOnly} onSend={closeWhenSaved(onWithdraw(line.id))} onCancel={close} />
                )}
                {entry && !isOpen && (
                  <div className="button-row timeline-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Correct ${label}`}
                      onClick={() => setOpen({ id: line.id, action: 'correct' })}
                    >
                      Correct…
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Withdraw ${label}`}
                      onClick={() => setOpen({ id: line.id, action: 'withdraw' })}
                    >
                      Withdraw…
                    </button>
                  </div>
                )}
                {entry &&
                  isOpen &&
                  (open.action === 'correct' ? (
                    <CorrectEventForm
                      kind={entry.type}
                      label={label}
                      {...(entry.type === 'milestone' ? { on: entry.on } : { text: entry.text })}
                      checkOn={(on) => milestoneTimeProblem(kase, on)}
                      onSend={closeWhenSaved(onCorrect(line.id))}
                      onCancel={close}
                    />
                  ) : (
                    <WithdrawEventForm label={label} onSend={closeWhenSaved(onWithdraw(line.id))} onCancel={close} />
                  ))}
              </div>
            </li>
          )
        })}
      </ol>
      {reading && <EmailView email={reading} zone={zone} onClose={() => setReading(null)} />}
    </>
  )
}

/** What withdrawing a line takes back, for the lines that can only be withdrawn. */
const withdrawnWhat: Partial<Record<string, string>> = {
  email_sent: 'email',
  resolution_promised: 'promised date',
  publication_proposed: 'proposed publication',
}

function emailOf(kase: Case, id: string): TimelineEventOf<'email_sent'> | null {
  return kase.timeline.find((e): e is TimelineEventOf<'email_sent'> => e.id === id && e.type === 'email_sent') ?? null
}

function LineText({ line }: { line: TimelineLine }) {
  const struck = line.standing === 'withdrawn'
  const pieces = line.what.map((p: Piece, i) =>
    typeof p === 'string' ? (
      p
    ) : 'value' in p ? (
      <span key={i} className="timeline-value">
        {p.value}
      </span>
    ) : (
      <strong key={i}>{p.strong}</strong>
    ),
  )
  return (
    <>
      {pieces.length > 0 && <p className="timeline-what">{struck ? <s>{pieces}</s> : pieces}</p>}
      {line.detail && (
        <p className={`timeline-text${line.type === 'note' ? ' timeline-note' : ''}`}>{struck ? <s>{line.detail}</s> : line.detail}</p>
      )}
    </>
  )
}
