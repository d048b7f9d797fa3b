import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { PolicyEntry } from '../../src/ipc/contract'
import { copyPolicy } from '../../src/policies/catalog'
import type { Policy } from '../../src/policies/policy'
import { policyPartLabel } from '../../src/i18n/partLabels'
import type { PartEdit } from '../../src/merge/parts'
import { comparePolicy, type PolicyPart } from '../../src/policies/mergePolicy'
import { call, DeskFailure } from '../desk'
import { TheirChanges } from '../forms/TheirChanges'
import { usePolicyCache } from '../queries/policies'
import { useSettings } from '../queries/settings'
import { useSettingsEdit } from '../settings/SettingsConflict'
import { Loading } from '../shell/Loading'
import { useAction } from '../shell/useAction'
import { storedPolicy, withoutPresetFlag } from './PolicyConflict'
import { PolicyEditor } from './PolicyEditor'
import { longPolicyPart, policyValueText } from './policyPartText'
import { PolicyRules, PolicyText } from './PolicyView'
import { usePolicies } from './usePolicies'
import '../deadlines.css'

/** The first free id of the form `aimms-copy-1`, `aimms-copy-2`, … */
function copyId(source: Policy, existing: readonly Pick<Policy, 'id'>[]): string {
  const ids = new Set(existing.map((p) => p.id))
  let n = 1
  while (ids.has(`${source.id}-copy-${n}`)) n++
  return `${source.id}-copy-${n}`
}

/** The disclosure policies: shipped presets (read-only) and the team's own, with the rules each sentence makes. */
export function PolicyScreen() {
  const { id } = useParams()
  const navigate = useNavigate()
  const { policies } = usePolicies()
  const cache = usePolicyCache()
  const [editing, setEditing] = useState<string | null>(null)
  // The policy being edited, as last listed: kept in its editor when someone else deletes it, so nothing typed is lost.
  const [edited, setEdited] = useState<PolicyEntry | undefined>()

  if (!policies) return <Loading what="policies" />
  const found = policies.find((p) => p.id === id) ?? (id === undefined ? policies[0] : undefined)
  if (found && found.id === editing && found !== edited) setEdited(found)
  const gone = !found && editing !== null && editing === id && edited?.id === id
  const selected = found ?? (gone ? edited : undefined)

  function afterSave(saved: Policy) {
    cache.saved(saved)
    setEditing(null)
    navigate(`/policies/${encodeURIComponent(saved.id)}`)
  }

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Policies</h1>
        <p className="screen-lead">
          The promises your disclosure policy makes, and how Disclosure Desk counts each one. Presets are the policies as
          published; copy one to change how a sentence is read.
        </p>
      </header>
      <div className="policy-layout">
        <nav className="policy-nav" aria-label="Policies">
          <ul>
            {policies.map((p) => (
              <li key={p.id}>
                <Link
                  to={`/policies/${encodeURIComponent(p.id)}`}
                  className={p.id === selected?.id ? 'policy-link active' : 'policy-link'}
                  aria-current={p.id === selected?.id ? 'page' : undefined}
                >
                  <span className="policy-link-name">{p.name}</span>
                  <span className="policy-link-meta">
                    {p.preset ? 'Preset' : 'Your policy'} · {p.rules.length} rule{p.rules.length === 1 ? '' : 's'}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {!selected ? (
          <div className="card">
            <p>There is no policy “{id}”. It may have been deleted; choose one from the list.</p>
          </div>
        ) : editing === selected.id && !selected.preset ? (
          <PolicyEditor key={selected.id} initial={withoutPresetFlag(selected)} gone={gone} onSaved={afterSave} onCancel={() => setEditing(null)} />
        ) : (
          <PolicyDetail
            key={selected.id}
            policy={selected}
            all={policies}
            onEdit={() => setEditing(selected.id)}
            onCopied={(copy) => {
              afterSave(copy)
              setEditing(copy.id)
            }}
            onRemoved={(removedId) => {
              cache.removed(removedId)
              navigate('/policies')
            }}
          />
        )}
      </div>
    </div>
  )
}

/**
 * A deletion as asked: `base` is the policy as the person saw it. Refused because someone changed it since, `changed`
 * holds what they changed (`was` the policy as seen before) and `base` the policy as it is now, for asking again.
 */
interface Removal {
  base: Policy
  changed?: { was: Policy; changes: PartEdit<PolicyPart>[]; all: Policy[] }
}

function PolicyDetail({
  policy,
  all,
  onEdit,
  onCopied,
  onRemoved,
}: {
  policy: PolicyEntry
  all: PolicyEntry[]
  onEdit(): void
  onCopied(copy: Policy): void
  onRemoved(id: string): void
}) {
  const { settings } = useSettings()
  // No form to go back to: going back is not changing the default.
  const { save: saveSettings, conflict: defaultConflict } = useSettingsEdit({ backLabel: 'Cancel' })
  const { busy, run } = useAction()
  const [removing, setRemoving] = useState<Removal | null>(null)
  const isDefault = settings?.defaultPolicyId === policy.id

  const copy = () =>
    run(async () => {
      const source = withoutPresetFlag(policy)
      const saveCopy = (existing: readonly Pick<Policy, 'id'>[]) =>
        call((desk) => desk.policies.save({ policy: copyPolicy(source, copyId(source, existing), `${policy.name} (copy)`), base: null }))
      try {
        onCopied(await saveCopy(all))
      } catch (error) {
        if (!(error instanceof DeskFailure && error.code === 'conflict')) throw error
        // A colleague's copy took that id meanwhile: the next one free in the store as it is now.
        onCopied(await saveCopy((await storedPolicy(source.id)).all))
      }
    })
  const makeDefault = () =>
    run(async () => {
      if (settings) await saveSettings({ ...settings, defaultPolicyId: policy.id }, settings)
    })
  const remove = ({ base }: Removal) =>
    run(async () => {
      try {
        await call((desk) => desk.policies.remove({ id: base.id, base }))
      } catch (error) {
        if (!(error instanceof DeskFailure && error.code === 'conflict')) throw error
        // Someone changed it since it was shown: what they changed is shown, and the question asked again on it.
        const { theirs, all: now } = await storedPolicy(base.id)
        if (!theirs) throw error
        return setRemoving({ base: theirs, changed: { was: base, changes: comparePolicy(base, theirs, theirs), all: now } })
      }
      onRemoved(base.id)
    })

  const basedOn = policy.basedOn && all.find((p) => p.id === policy.basedOn)
  return (
    <article className="policy-detail" aria-labelledby="policy-title">
      <header className="card policy-header">
        <div className="policy-heading">
          <h2 id="policy-title" className="policy-title">
            {policy.name}
          </h2>
          <div className="detail-badges">
            <span className="pill">{policy.preset ? 'Preset · read-only' : 'Your policy'}</span>
            {isDefault && <span className="pill pill-accent">Default for new cases</span>}
            {basedOn && <span className="small muted">Copied from {basedOn.name}</span>}
          </div>
        </div>
        <div className="button-row">
          {!isDefault && (
            <button type="button" className="button" disabled={busy || !settings} onClick={() => void makeDefault()}>
              Use as default for new cases
            </button>
          )}
          {policy.preset ? (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void copy()}>
              Copy to edit
            </button>
          ) : (
            <>
              <button type="button" className="button" disabled={busy} onClick={() => void copy()}>
                Copy
              </button>
              <button type="button" className="button button-primary" disabled={busy} onClick={onEdit}>
                Edit
              </button>
              <button type="button" className="button button-danger" disabled={busy || isDefault} onClick={() => setRemoving({ base: withoutPresetFlag(policy) })}>
                Delete
              </button>
            </>
          )}
        </div>
      </header>
      {defaultConflict}
      {removing?.changed ? (
        <section className="card clash-choices" role="alert" aria-labelledby="policy-remove-changed">
          <h2 id="policy-remove-changed">Someone else changed “{removing.changed.was.name}” since you opened it</h2>
          <p className="clash-lead">Nothing was deleted. Look at their change first: deleting the policy removes it too.</p>
          <TheirChanges
            changes={removing.changed.changes}
            partLabel={(part) => policyPartLabel(part, [removing.base.rules, removing.changed!.was.rules])}
            valueText={policyValueText(removing.changed.all)}
            long={longPolicyPart}
          />
          <div className="form-actions clash-actions">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove(removing)}>
              Delete anyway
            </button>
            <button type="button" className="button" onClick={() => setRemoving(null)}>
              Keep
            </button>
          </div>
        </section>
      ) : (
        removing && (
          <div className="conflict" role="alert">
            <p>
              <strong>Delete “{policy.name}”?</strong> This cannot be undone. A policy that cases follow cannot be deleted: move
              those cases to another policy first.
            </p>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove(removing)}>
              Delete policy
            </button>
            <button type="button" className="button" onClick={() => setRemoving(null)}>
              Keep
            </button>
          </div>
        )
      )}
      {isDefault && !policy.preset && (
        <p className="small muted">The default policy cannot be deleted; choose another default first.</p>
      )}
      <section className="card" aria-labelledby="policy-rules-title">
        <h2 id="policy-rules-title">Rules</h2>
        <PolicyRules policy={policy} />
      </section>
      <section className="card" aria-labelledby="policy-text-title">
        <h2 id="policy-text-title">Policy text</h2>
        <p className="small muted policy-text-lead">
          Marked: the sentences the rules above are counted from.
        </p>
        <PolicyText policy={policy} />
      </section>
    </article>
  )
}
