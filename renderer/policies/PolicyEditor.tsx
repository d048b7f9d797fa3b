import { useRef, useState, type FormEvent } from 'react'
import { fieldIssues, userWords } from '../../src/errors'
import { sameValue } from '../../src/merge/parts'
import { dueLabels, onDayOffLabels, unitLabels } from '../../src/i18n/labels'
import { comparePolicy, mergedPolicy } from '../../src/policies/mergePolicy'
import { Anchor, DueKind, Milestone, type Policy, type PolicyRule } from '../../src/policies/policy'
import { UserPolicy } from '../../src/policies/validatePolicy'
import { call, DeskFailure, type FieldIssue } from '../desk'
import { Field, focusFirstInvalid } from '../forms/Field'
import { FormButtons } from '../forms/FormButtons'
import { useProblems } from '../shell/Problems'
import { useUnsavedChangesGuard } from '../shell/UnsavedChanges'
import { AnchorOptions, MilestoneOptions } from './MilestoneOptions'
import { PolicyConflict, storedPolicy } from './PolicyConflict'
import { placeIssues, policyFieldLabels, ruleFieldLabels, type PolicyProblem } from './policyIssues'
import './policyEditor.css'

/** Input key ('name', 'rules.0.amount') → why it is wrong, in the user's words. */
type Errors = Record<string, string>

// A random id, not the next number: two people adding a rule to the same policy at once add two rules, not one id twice
// (the merge tells rules apart by id).
function newRule(): PolicyRule {
  return { id: crypto.randomUUID(), due: 'acknowledgement', quote: '', reading: '', from: 'received', metBy: 'acknowledgement_sent', amount: 5, unit: 'business_days', onDayOff: 'next_business_day' }
}

/** Edits one of the team's own policies; the backend checks it (every quote in the text, ...) and names each field to fix. */
export function PolicyEditor({
  initial,
  gone = false,
  onSaved,
  onCancel,
}: {
  initial: Policy
  /** Someone else deleted it while it was open: a save stores it again. */
  gone?: boolean
  onSaved(policy: Policy): void
  onCancel(): void
}) {
  const { report } = useProblems()
  const [draft, setDraft] = useState<Policy>(initial)
  // The stored policy the draft was made on: the save says it started from it, whatever a colleague saved meanwhile.
  const [base, setBase] = useState<Policy>(initial)
  // A colleague's save while nothing is typed here: the editor follows it, so the draft is made on what is shown.
  const [shown, setShown] = useState<Policy>(initial)
  if (!sameValue(shown, initial)) {
    setShown(initial)
    if (sameValue(draft, base) || sameValue(draft, initial)) {
      setDraft(initial)
      setBase(initial)
    }
  }
  // A save refused because someone else saved this policy meanwhile: the two are compared instead of the form.
  const [clash, setClash] = useState<{ base: Policy; mine: Policy } | null>(null)
  const [problems, setProblems] = useState<PolicyProblem[]>([])
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const errors: Errors = Object.fromEntries(problems.map((p) => [p.key, p.message]))
  const guard = useUnsavedChangesGuard(!sameValue(draft, base), `“${initial.name}”`)

  // A field the user changes stops showing its old complaint.
  const forget = (keys: string[]) => setProblems((ps) => ps.filter((p) => !keys.includes(p.key)))
  const change = (c: Partial<Policy>) => {
    setDraft((d) => ({ ...d, ...c }))
    forget(Object.keys(c))
  }
  const changeRule = (index: number, c: Partial<PolicyRule>) => {
    setDraft((d) => ({ ...d, rules: d.rules.map((r, i) => (i === index ? { ...r, ...c } : r)) }))
    forget(Object.keys(c).map((field) => `rules.${index}.${field}`))
  }

  function refuse(found: PolicyProblem[]) {
    setProblems(found)
    focusFirstInvalid(formRef.current)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    // The backend runs the same schema with the same words; checking here first answers at once and saves a round trip.
    const checked = UserPolicy.safeParse(draft, { error: userWords })
    if (!checked.success) return refuse(placeIssues(fieldIssues(checked.error)))
    setBusy(true)
    try {
      saved(await call((desk) => desk.policies.save({ policy: draft, base: gone ? null : base })))
    } catch (error) {
      // A refusal that names fields is shown at those fields; anything else (the store is gone) goes to the banner.
      if (error instanceof DeskFailure && error.code === 'conflict') setClash({ base, mine: draft })
      else if (error instanceof DeskFailure && error.issues.length > 0) await refusedMerged(error.issues)
      else report(error)
    } finally {
      setBusy(false)
    }
  }

  /**
   * The draft passed the same check here, so the backend refused it merged with a colleague's save (a new rule quoting
   * a sentence they took out of the text): the refusal is shown on their version with this person's edits, as the
   * comparison does, since its fields are those of the merged policy.
   */
  async function refusedMerged(issues: FieldIssue[]) {
    // Not loaded (the store is gone): the refusal is still shown, on this person's draft.
    const theirs = gone ? null : await storedPolicy(draft.id).then((found) => found.theirs, (failure: unknown) => (report(failure), null))
    if (!theirs || sameValue(theirs, base)) return refuse(placeIssues(issues))
    const edits = comparePolicy(base, draft, theirs)
    // They saved again since, and now on the same part: the two are compared.
    if (edits.some((e) => e.side === 'both')) return setClash({ base, mine: draft })
    setBase(theirs)
    setDraft(mergedPolicy(edits, theirs))
    refuse(placeIssues(issues))
  }

  function saved(policy: Policy) {
    // Saved: the screen may now go to the policy's own address without asking.
    guard.release()
    onSaved(policy)
  }

  return (
    // One place in the screen's layout for the editor and what is said above it or shown instead of it.
    <div className="policy-editing">
      {clash && (
        <PolicyConflict
          base={clash.base}
          mine={clash.mine}
          onSaved={saved}
          onBack={() => setClash(null)}
          onRefused={(theirs, merged, issues) => {
            setClash(null)
            setBase(theirs)
            setDraft(merged)
            refuse(placeIssues(issues))
          }}
        />
      )}
      {gone && (
        <div className="conflict" role="status">
          <p>Someone else deleted this policy. What you typed is still here: save it to keep the policy, or cancel to let it go.</p>
        </div>
      )}
      {/* Hidden, not gone, while the two versions are compared: everything typed waits here until a save goes through. */}
      <form ref={formRef} className="policy-editor" noValidate aria-label={`Edit ${initial.name}`} onSubmit={(e) => void submit(e)} hidden={clash !== null}>
        {problems.length > 0 && (
          <div className="form-summary" role="alert">
            <p>The policy was not saved. Fix the fields marked below:</p>
            <ul>
              {problems.map((p) => (
                <li key={p.key}>
                  {p.where}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="form-section">
          <legend>Policy</legend>
          <div className="field-grid">
            <Field label={policyFieldLabels.name} error={errors.name} wide>
              {(a) => <input {...a} type="text" value={draft.name} onChange={(e) => change({ name: e.target.value })} />}
            </Field>
            <Field label={policyFieldLabels.text} error={errors.text} hint="As published; each rule quotes a sentence from it word for word." wide>
              {(a) => (
                <textarea {...a} rows={12} className="policy-text-input" value={draft.text} onChange={(e) => change({ text: e.target.value })} />
              )}
            </Field>
          </div>
        </fieldset>

        {draft.rules.map((rule, i) => (
          <RuleFields
            key={rule.id}
            index={i}
            rule={rule}
            errors={errors}
            onChange={(change) => changeRule(i, change)}
            onRemove={() => {
              setDraft((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) }))
              // The rules after it move up a place, so their complaints no longer match their rows.
              setProblems([])
            }}
          />
        ))}
        <div>
          <button type="button" className="button" onClick={() => setDraft((d) => ({ ...d, rules: [...d.rules, newRule()] }))}>
            Add rule
          </button>
        </div>

        <FormButtons submit="Save policy" onCancel={onCancel} busy={busy} className="form-actions form-actions-sticky" />
      </form>
    </div>
  )
}

function RuleFields({
  index,
  rule,
  errors,
  onChange,
  onRemove,
}: {
  index: number
  rule: PolicyRule
  errors: Errors
  onChange(change: Partial<PolicyRule>): void
  onRemove(): void
}) {
  const error = (field: string) => errors[`rules.${index}.${field}`]
  const name = `Rule ${index + 1}`
  return (
    <fieldset className="form-section" aria-label={`${name}: ${dueLabels.en[rule.due]}`}>
      <legend>
        {name}: {dueLabels.en[rule.due]}
      </legend>
      <div className="rule-grid">
        <Field label={ruleFieldLabels.due} error={error('due')}>
          {(a) => (
            <select {...a} value={rule.due} onChange={(e) => onChange({ due: DueKind.parse(e.target.value) })}>
              {DueKind.options.map((d) => (
                <option key={d} value={d}>
                  {dueLabels.en[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={ruleFieldLabels.from} error={error('from')}>
          {(a) => (
            <select {...a} value={rule.from} onChange={(e) => onChange({ from: Anchor.parse(e.target.value) })}>
              <AnchorOptions />
            </select>
          )}
        </Field>
        <Field label={ruleFieldLabels.metBy} error={error('metBy')}>
          {(a) => (
            <select {...a} value={rule.metBy} onChange={(e) => onChange({ metBy: Milestone.parse(e.target.value) })}>
              <MilestoneOptions />
            </select>
          )}
        </Field>
        <Field label={ruleFieldLabels.amount} error={error('amount')} hint="Empty: no time limit.">
          {(a) => (
            <input
              {...a}
              type="number"
              min={0}
              max={3650}
              value={rule.amount ?? ''}
              onChange={(e) => onChange({ amount: e.target.value === '' ? null : Math.trunc(Number(e.target.value)) })}
            />
          )}
        </Field>
        <Field label={ruleFieldLabels.unit} error={error('unit')}>
          {(a) => (
            <select {...a} value={rule.unit} onChange={(e) => onChange({ unit: e.target.value as PolicyRule['unit'] })}>
              {(Object.keys(unitLabels.en) as PolicyRule['unit'][]).map((u) => (
                <option key={u} value={u}>
                  {unitLabels.en[u].charAt(0).toUpperCase() + unitLabels.en[u].slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {rule.unit === 'calendar_days' && (
          <Field
            label={ruleFieldLabels.onDayOff}
            error={error('onDayOff')}
            hint="A weekend day, holiday or closure."
          >
            {(a) => (
              <select {...a} value={rule.onDayOff} onChange={(e) => onChange({ onDayOff: e.target.value as PolicyRule['onDayOff'] })}>
                {(Object.keys(onDayOffLabels.en) as PolicyRule['onDayOff'][]).map((choice) => (
                  <option key={choice} value={choice}>
                    {onDayOffLabels.en[choice]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={ruleFieldLabels.repeatsUntil} error={error('repeatsUntil')}>
          {(a) => (
            <select
              {...a}
              value={rule.repeatsUntil ?? ''}
              onChange={(e) => onChange({ repeatsUntil: e.target.value ? Anchor.parse(e.target.value) : undefined })}
            >
              <option value="">Does not repeat</option>
              <AnchorOptions />
            </select>
          )}
        </Field>
        <Field label={ruleFieldLabels.before} error={error('before')} hint="Only for a promise without a time limit.">
          {(a) => (
            <select {...a} value={rule.before ?? ''} onChange={(e) => onChange({ before: e.target.value ? Milestone.parse(e.target.value) : undefined })}>
              <option value="">No event</option>
              <MilestoneOptions />
            </select>
          )}
        </Field>
        <Field label={ruleFieldLabels.quote} error={error('quote')} hint="Copied word for word from the policy text." wide>
          {(a) => <textarea {...a} rows={2} value={rule.quote} onChange={(e) => onChange({ quote: e.target.value })} />}
        </Field>
        <Field label={ruleFieldLabels.reading} error={error('reading')} hint="How a vague sentence is read; leave empty when it is exact." optional wide>
          {(a) => <textarea {...a} rows={2} value={rule.reading} onChange={(e) => onChange({ reading: e.target.value })} />}
        </Field>
      </div>
      <button type="button" className="button button-danger rule-remove" onClick={onRemove}>
        Remove rule {index + 1}
      </button>
    </fieldset>
  )
}
