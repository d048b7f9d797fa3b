import { useId, useState } from 'react'
import type { ReminderPrefs } from '../../src/reminders/reminderState'
import { messageOf } from '../desk'
import { useReminderPrefs, useSaveReminderPrefs } from '../queries/reminders'
import { useSettings } from '../queries/settings'
import './reminderSettings.css'
import { SectionLoadFailed } from './SectionLoadFailed'

type Part = keyof ReminderPrefs

const savedText = (p: ReminderPrefs) =>
  !p.enabled ? 'Saved: reminders are off.' : p.scope === 'all' ? 'Saved: reminders are on for all cases.' : 'Saved: reminders are on for the cases assigned to you.'

/**
 * Whether this computer shows desktop reminders of deadlines, and for which cases. Each change is saved at once (a
 * switch, not a form to submit), said so in a line that a screen reader reads out; a failed save is shown at the
 * control that was changed, with the settings as they were.
 */
export function ReminderSettings() {
  const { data: prefs, error: loadError, refetch } = useReminderPrefs()
  const save = useSaveReminderPrefs()
  const { currentMember } = useSettings()
  // Shown while saving, so the control moves when clicked rather than when main has answered.
  const [pending, setPending] = useState<ReminderPrefs | null>(null)
  const [outcome, setOutcome] = useState<{ saved: ReminderPrefs } | { part: Part; error: string } | null>(null)
  const id = useId()

  if (loadError) {
    return <SectionLoadFailed what="Could not read the reminder settings" error={loadError} onRetry={() => void refetch()} />
  }
  if (!prefs) return null

  const shown = pending ?? prefs
  const change = async (part: Part, next: ReminderPrefs) => {
    setPending(next)
    setOutcome(null)
    try {
      setOutcome({ saved: await save(next) })
    } catch (error) {
      setOutcome({ part, error: `${messageOf(error)} The reminder settings were not changed.` })
    } finally {
      setPending(null)
    }
  }
  const errorAt = (part: Part) =>
    outcome && 'part' in outcome && outcome.part === part ? (
      <div className="field-error" id={`${id}-${part}-error`} role="alert">
        {outcome.error}
      </div>
    ) : null
  const describedBy = (part: Part, ...others: (string | false)[]) =>
    [...others, outcome && 'part' in outcome && outcome.part === part && `${id}-${part}-error`].filter(Boolean).join(' ') || undefined
  const nobody = currentMember === undefined

  return (
    <div className="reminder-settings">
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={shown.enabled}
            disabled={pending !== null}
            aria-describedby={describedBy('enabled', `${id}-enabled-hint`)}
            onChange={(e) => void change('enabled', { ...shown, enabled: e.target.checked })}
          />
          Show desktop reminders
        </label>
        <div className="field-hint" id={`${id}-enabled-hint`}>
          A notification the day before a deadline is due and when one becomes overdue, and a summary of the day when the
          app starts. Clicking one opens the case. Set on this computer only: each colleague chooses their own.
        </div>
        {errorAt('enabled')}
      </div>
      <fieldset className="reminder-scope" disabled={!shown.enabled || pending !== null}>
        <legend className="field-label">Remind me of</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={shown.scope === 'all'}
            aria-describedby={describedBy('scope')}
            onChange={() => void change('scope', { ...shown, scope: 'all' })}
          />
          All cases
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={shown.scope === 'mine'}
            // Chosen while nobody is "I am" it would show nothing; one already chosen stays, with the note saying why.
            disabled={nobody && shown.scope !== 'mine'}
            aria-describedby={describedBy('scope', nobody && `${id}-scope-note`)}
            onChange={() => void change('scope', { ...shown, scope: 'mine' })}
          />
          Only cases assigned to me
        </label>
        {nobody && (
          <div className="field-hint" id={`${id}-scope-note`}>
            {shown.scope === 'mine'
              ? 'Nobody is chosen under “I am” (Team, above), so no reminders show. Choose yourself there, or remind of all cases.'
              : 'To be reminded of your cases only, first choose yourself under “I am” (Team, above).'}
          </div>
        )}
        {errorAt('scope')}
      </fieldset>
      {/* Always there, so a screen reader already watches it when the text arrives. */}
      <p className="muted small reminder-saved" role="status">
        {outcome && 'saved' in outcome ? savedText(outcome.saved) : ''}
      </p>
    </div>
  )
}
