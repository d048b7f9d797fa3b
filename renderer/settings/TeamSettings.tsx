import { useState, type FormEvent } from 'react'
import { userWords } from '../../src/errors'
import { TeamMember, type Settings } from '../../src/settings/settings'
import { DeskFailure } from '../desk'
import { Field } from '../forms/Field'
import { useChooseIdentity, useSettings } from '../queries/settings'
import { useProblems } from '../shell/Problems'
import { UnsavedParts, useUnsavedChangesGuard, useUnsavedPart, useUnsavedParts } from '../shell/UnsavedChanges'
import { isRemoved } from './members'
import { useSettingsEdit } from './SettingsConflict'

type MemberErrors = { name?: string; email?: string; role?: string; signature?: string }
const memberFields = ['name', 'email', 'role', 'signature'] as const

/** Team members (assignees and sender identities) and which of them uses this computer. */
export function TeamSettings() {
  const { settings, team, activeTeam, currentMember } = useSettings()
  const { save, conflict } = useSettingsEdit()
  const chooseIdentity = useChooseIdentity()
  const { report } = useProblems()
  // The member being edited, with the settings as the form opened them: the save is made on those.
  const [editing, setEditing] = useState<{ id: string; base: Settings } | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const parts = useUnsavedParts()
  useUnsavedChangesGuard(parts.unsaved, 'the team')

  /** Null once saved; else what to show at the member form's fields (nothing: went back from a conflict, or reported). */
  async function saveSettings(next: Settings, base: Settings): Promise<MemberErrors | null> {
    try {
      return (await save(next, base)) ? null : {}
    } catch (error) {
      const errors: MemberErrors = {}
      if (error instanceof DeskFailure) {
        for (const issue of error.issues) {
          const field = memberFields.find((f) => issue.path.endsWith(`.${f}`))
          if (field) errors[field] ??= issue.message
        }
      }
      // A refusal that names a member's field is shown at that field; anything else in the screen's problem area.
      if (Object.keys(errors).length === 0) report(error)
      return errors
    }
  }

  if (!settings) return null

  async function saveOrganisation(organisation: string, from: string): Promise<OrganisationSave> {
    if (!settings) return {}
    try {
      const saved = await save({ ...settings, organisation }, { ...settings, organisation: from })
      return saved ? { saved: saved.organisation } : {}
    } catch (error) {
      const atField = error instanceof DeskFailure ? error.issues.find((i) => i.path.endsWith('organisation')) : undefined
      if (!atField) report(error)
      return { error: atField?.message }
    }
  }

  // A removed member stays in the settings (marked), so the cases and timelines naming them still say who it was.
  const remove = (id: string) =>
    saveSettings(
      {
        ...settings,
        team: team.map((m) => (m.id === id ? { ...m, removed: true } : m)),
        // Older versions kept "I am" in the file, and it may not name a removed member.
        ...(settings.currentMemberId === id ? { currentMemberId: undefined } : {}),
      },
      settings,
    ).then(() => setRemoving(null))
  const removed = team.filter(isRemoved)

  return (
    <UnsavedParts value={parts.mark}>
      {conflict}
      {/* While a conflict is shown, the forms wait behind it with everything typed. */}
      <div className="team clash-waiting" hidden={Boolean(conflict)}>
        <div className="field field-narrow">
          <label className="field-label" htmlFor="current-member">
            I am
          </label>
          <select
            id="current-member"
            value={currentMember?.id ?? ''}
            onChange={(e) => void chooseIdentity(e.target.value || null).catch(report)}
          >
            <option value="">Nobody chosen</option>
            {activeTeam.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <div className="field-hint">Your name goes on everything you change from this computer, and your drafts go out from you.</div>
        </div>
        <OrganisationForm organisation={settings.organisation} onSubmit={saveOrganisation} />

        {activeTeam.length > 0 ? (
          <table className="team-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {activeTeam.map((member) =>
                editing?.id === member.id ? (
                  <tr key={member.id}>
                    <td colSpan={4}>
                      <MemberForm
                        initial={member}
                        submitLabel="Save member"
                        onCancel={() => setEditing(null)}
                        onSubmit={async (m) => {
                          const { base } = editing
                          const errors = await saveSettings({ ...base, team: base.team.map((t) => (t.id === m.id ? m : t)) }, base)
                          if (!errors) setEditing(null)
                          return errors
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={member.id}>
                    <td>
                      {member.name}
                      {member.id === currentMember?.id && <span className="pill">You</span>}
                    </td>
                    <td className="break">{member.email}</td>
                    <td>
                      {member.role}
                      {member.signature && <span className="pill">Own signature</span>}
                    </td>
                    <td className="team-actions">
                      {removing === member.id ? (
                        <>
                          <span>Remove {member.name}?</span>
                          <button type="button" className="button button-danger" onClick={() => void remove(member.id)}>
                            Remove
                          </button>
                          <button type="button" className="button" onClick={() => setRemoving(null)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="button button-quiet"
                            aria-label={`Edit ${member.name}`}
                            onClick={() => setEditing({ id: member.id, base: settings })}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="button button-quiet"
                            aria-label={`Remove ${member.name}`}
                            onClick={() => setRemoving(member.id)}
                          >
                            Remove
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        ) : (
          <p className="muted">No team members yet. Add yourself first, then choose yourself under “I am”.</p>
        )}
        {removed.length > 0 && (
          <p className="small muted">
            Removed from the team: {removed.map((m) => m.name).join(', ')}. Their names stay on the cases and timeline
            entries they are on.
          </p>
        )}

        <h3 className="subheading">Add a team member</h3>
        <MemberForm
          initial={{ id: '', name: '', email: '' }}
          submitLabel="Add member"
          onSubmit={(m) => saveSettings({ ...settings, team: [...team, { ...m, id: crypto.randomUUID() }] }, settings)}
          resetAfterSubmit
        />
      </div>
    </UnsavedParts>
  )
}

function MemberForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  resetAfterSubmit = false,
}: {
  initial: TeamMember
  submitLabel: string
  onSubmit(member: TeamMember): Promise<MemberErrors | null>
  onCancel?(): void
  resetAfterSubmit?: boolean
}) {
  const [name, setName] = useState(initial.name)
  const [email, setEmail] = useState(initial.email)
  const [role, setRole] = useState(initial.role ?? '')
  const [signature, setSignature] = useState(initial.signature ?? '')
  const [errors, setErrors] = useState<MemberErrors>({})
  const member = memberOf(initial, { name, email, role, signature })
  const dirty = JSON.stringify(member) !== JSON.stringify(memberOf(initial, initial))
  // Whether what is typed differs from what is saved, for the unsaved-changes guard.
  useUnsavedPart(dirty)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const checked = TeamMember.safeParse({ ...member, id: member.id || 'new' }, { error: userWords })
    if (!checked.success) {
      const found: MemberErrors = {}
      for (const issue of checked.error.issues) found[issue.path[0] as keyof MemberErrors] ??= issue.message
      return setErrors(found)
    }
    const failed = await onSubmit({ ...member, id: member.id || 'new' })
    setErrors(failed ?? {})
    if (!failed && resetAfterSubmit) {
      setName('')
      setEmail('')
      setRole('')
      setSignature('')
    }
  }

  return (
    <form className="member-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Member name" error={errors.name}>
        {(a) => <input {...a} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Member email" error={errors.email}>
        {(a) => <input {...a} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Role" error={errors.role} hint="Drafts sign with it under the name, e.g. Security lead." optional>
        {(a) => <input {...a} type="text" autoComplete="off" value={role} onChange={(e) => setRole(e.target.value)} />}
      </Field>
      <Field
        label="Signature"
        error={errors.signature}
        hint="Ends this member’s drafts instead of name and role; plain text, several lines."
        optional
        wide
      >
        {(a) => <textarea {...a} rows={3} value={signature} onChange={(e) => setSignature(e.target.value)} />}
      </Field>
      <div className="member-form-actions">
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}

/**
 * The member a form stands for: names trimmed, and a role or signature left empty is no role or signature (the draft
 * then signs with the name), so saving an untouched member changes nothing in the file.
 */
function memberOf(initial: TeamMember, typed: { name: string; email: string; role?: string | undefined; signature?: string | undefined }): TeamMember {
  const { role: _role, signature: _signature, ...rest } = initial
  const role = typed.role?.trim() ?? ''
  // A signature keeps its own line breaks and indentation; only trailing blank lines go.
  const signature = typed.signature?.replace(/\s+$/, '') ?? ''
  return { ...rest, name: typed.name.trim(), email: typed.email.trim(), ...(role ? { role } : {}), ...(signature ? { signature } : {}) }
}

/** How saving the organisation went: saved (as it is now stored), or not, with the reason to show at the field if any. */
type OrganisationSave = { saved: string } | { error?: string | undefined }

/** The organisation drafts name as the sender ("the security team of …"). */
function OrganisationForm({
  organisation,
  onSubmit,
}: {
  organisation: string
  /** `from`: the organisation the typed one was changed from. */
  onSubmit(organisation: string, from: string): Promise<OrganisationSave>
}) {
  const [value, setValue] = useState(organisation)
  const [error, setError] = useState<string | undefined>()
  const [saved, setSaved] = useState(false)
  const dirty = value.trim() !== organisation
  useUnsavedPart(dirty)
  // A colleague's change shows here, unless something is typed over it; what is typed is a change from `from`.
  const [shown, setShown] = useState(organisation)
  const [from, setFrom] = useState(organisation)
  if (shown !== organisation) {
    setShown(organisation)
    if (value.trim() === shown) {
      setValue(organisation)
      setFrom(organisation)
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const outcome = await onSubmit(value.trim(), from)
    if ('saved' in outcome) {
      // As stored: the colleague's, should the person have taken theirs after a conflict.
      setValue(outcome.saved)
      setFrom(outcome.saved)
      setError(undefined)
      setSaved(true)
    } else {
      setError(outcome.error)
      setSaved(false)
    }
  }

  return (
    <form className="organisation-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Organisation" error={error} hint="Drafts name it as the sender, e.g. “the security team of Example B.V.”.">
        {(a) => (
          <input
            {...a}
            type="text"
            autoComplete="organization"
            value={value}
            onChange={(e) => {
              setValue(e.target.value)
              setSaved(false)
            }}
          />
        )}
      </Field>
      <div className="member-form-actions">
        <button type="submit" className="button" disabled={!dirty}>
          Save organisation
        </button>
        {saved && !dirty && (
          <span className="muted small" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  )
}
