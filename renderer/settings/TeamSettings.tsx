import { useState, type FormEvent } from 'react'
import { userWords } from '../../src/errors'
import { TeamMember, type Settings } from '../../src/settings/settings'
import { DeskFailure } from '../desk'
import { Field } from '../forms/Field'
import { useChooseIdentity, useSettings } from '../queries/settings'
import { useProblems } from '../shell/Problems'
import { UnsavedParts, useUnsavedChangesGuard, useUnsavedPart, useUnsavedParts } from '../shell/UnsavedChanges'
import { isRemoved } from './members'

type MemberErrors = { name?: string; email?: string }

/** Team members (assignees and sender identities) and which of them uses this computer. */
export function TeamSettings() {
  const { settings, team, activeTeam, currentMember, save } = useSettings()
  const chooseIdentity = useChooseIdentity()
  const { report } = useProblems()
  const [editing, setEditing] = useState<string | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const parts = useUnsavedParts()
  useUnsavedChangesGuard(parts.unsaved, 'the team')

  async function saveSettings(next: Settings): Promise<MemberErrors | null> {
    try {
      await save(next)
      return null
    } catch (error) {
      const errors: MemberErrors = {}
      if (error instanceof DeskFailure) {
        for (const issue of error.issues) {
          if (issue.path.endsWith('.name')) errors.name ??= issue.message
          if (issue.path.endsWith('.email')) errors.email ??= issue.message
        }
      }
      // A refusal that names a member's field is shown at that field; anything else in the screen's problem area.
      if (!errors.name && !errors.email) report(error)
      return errors
    }
  }

  if (!settings) return null

  // A removed member stays in the settings (marked), so the cases and timelines naming them still say who it was.
  const remove = (id: string) =>
    saveSettings({
      ...settings,
      team: team.map((m) => (m.id === id ? { ...m, removed: true } : m)),
      // Older versions kept "I am" in the file, and it may not name a removed member.
      ...(settings.currentMemberId === id ? { currentMemberId: undefined } : {}),
    }).then(() => setRemoving(null))
  const removed = team.filter(isRemoved)

  return (
    <UnsavedParts value={parts.mark}>
      <div className="team">
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
          <div className="field-hint">Your name goes on everything you change from this computer.</div>
        </div>

        {activeTeam.length > 0 ? (
          <table className="team-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {activeTeam.map((member) =>
                editing === member.id ? (
                  <tr key={member.id}>
                    <td colSpan={3}>
                      <MemberForm
                        initial={member}
                        submitLabel="Save member"
                        onCancel={() => setEditing(null)}
                        onSubmit={async (m) => {
                          const errors = await saveSettings({ ...settings, team: team.map((t) => (t.id === m.id ? m : t)) })
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
                            onClick={() => setEditing(member.id)}
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
          onSubmit={(m) => saveSettings({ ...settings, team: [...team, { ...m, id: crypto.randomUUID() }] })}
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
  const [errors, setErrors] = useState<MemberErrors>({})
  const dirty = name.trim() !== initial.name || email.trim() !== initial.email
  // Whether what is typed differs from what is saved, for the unsaved-changes guard.
  useUnsavedPart(dirty)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const member = { ...initial, id: initial.id || 'new', name: name.trim(), email: email.trim() }
    const checked = TeamMember.safeParse(member, { error: userWords })
    if (!checked.success) {
      const found: MemberErrors = {}
      for (const issue of checked.error.issues) found[issue.path[0] as keyof MemberErrors] ??= issue.message
      return setErrors(found)
    }
    const failed = await onSubmit(member)
    setErrors(failed ?? {})
    if (!failed && resetAfterSubmit) {
      setName('')
      setEmail('')
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
