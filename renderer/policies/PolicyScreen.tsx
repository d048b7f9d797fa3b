import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { PolicyEntry } from '../../src/ipc/contract'
import { copyPolicy } from '../../src/policies/catalog'
import type { Policy } from '../../src/policies/policy'
import { call } from '../desk'
import { usePolicyCache } from '../queries/policies'
import { useSettings } from '../queries/settings'
import { Loading } from '../shell/Loading'
import { useAction } from '../shell/useAction'
import { PolicyEditor } from './PolicyEditor'
import { PolicyRules, PolicyText } from './PolicyView'
import { usePolicies } from './usePolicies'
import '../deadlines.css'

/** The first free id of the form `aimms-copy-1`, `aimms-copy-2`, … */
function copyId(source: Policy, existing: readonly Policy[]): string {
  const ids = new Set(existing.map((p) => p.id))
  let n = 1
  while (ids.has(`${source.id}-copy-${n}`)) n++
  return `${source.id}-copy-${n}`
}

const withoutPresetFlag = ({ preset: _, ...policy }: PolicyEntry): Policy => policy

/** The disclosure policies: shipped presets (read-only) and the team's own, with the rules each sentence makes. */
export function PolicyScreen() {
  const { id } = useParams()
  const navigate = useNavigate()
  const { policies } = usePolicies()
  const cache = usePolicyCache()
  const [editing, setEditing] = useState<string | null>(null)

  if (!policies) return <Loading what="policies" />
  const selected = policies.find((p) => p.id === id) ?? (id === undefined ? policies[0] : undefined)

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
          <PolicyEditor key={selected.id} initial={withoutPresetFlag(selected)} onSaved={afterSave} onCancel={() => setEditing(null)} />
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
  const { settings, save } = useSettings()
  const { busy, run } = useAction()
  const [removing, setRemoving] = useState(false)
  const isDefault = settings?.defaultPolicyId === policy.id

  const copy = () =>
    run(async () => {
      const draft = copyPolicy(withoutPresetFlag(policy), copyId(policy, all), `${policy.name} (copy)`)
      onCopied(await call((desk) => desk.policies.save({ policy: draft, base: null })))
    })
  const makeDefault = () =>
    run(async () => {
      if (settings) await save({ ...settings, defaultPolicyId: policy.id }, settings)
    })
  const remove = () =>
    run(async () => {
      await call((desk) => desk.policies.remove({ id: policy.id, base: withoutPresetFlag(policy) }))
      onRemoved(policy.id)
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
              <button type="button" className="button button-danger" disabled={busy || isDefault} onClick={() => setRemoving(true)}>
                Delete
              </button>
            </>
          )}
        </div>
      </header>
      {removing && (
        <div className="conflict" role="alert">
          <p>
            <strong>Delete “{policy.name}”?</strong> This cannot be undone. A policy that cases follow cannot be deleted: move
            those cases to another policy first.
          </p>
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
            Delete policy
          </button>
          <button type="button" className="button" onClick={() => setRemoving(false)}>
            Keep
          </button>
        </div>
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
