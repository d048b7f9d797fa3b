import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import type { Case, CasePatch } from '../../src/cases/case'
import { withPatch } from '../../src/cases/mergeEdit'
import { nextDeadline } from '../../src/deadlines/nextDeadline'
import { CaseDeadlines } from '../deadlines/CaseDeadlines'
import { NextDeadlineCell } from '../deadlines/NextDeadlineCell'
import { call, DeskFailure, type FieldIssue } from '../desk'
import { draftPath } from '../drafts/draftState'
import { focusFirstInvalid } from '../forms/Field'
import { FormButtons } from '../forms/FormButtons'
import { useSettings } from '../queries/settings'
import { useCase, useCaseChange, useDeadlines, useNextMilestones } from '../queries/cases'
import { Loading } from '../shell/Loading'
import { useFailureShown } from '../shell/Problems'
import { UnsavedParts, useUnsavedChangesGuard, useUnsavedParts } from '../shell/UnsavedChanges'
import {
  creditDraftOf,
  draftFromCase,
  editableFieldPaths,
  editOf,
  fieldsToFix,
  issuesToFieldErrors,
  rewardDraftOf,
  withoutFields,
  type CaseDraft,
  type CreditDraft,
  type FieldErrors,
  type RewardDraft,
} from './caseDraft'
import { CaseConflict } from './CaseConflict'
import { CreditRewardCard, DetailsCard, ReporterCard } from './CaseFacts'
import { CaseFields } from './CaseFields'
import { ConfirmMoveDialog } from './ConfirmMoveDialog'
import { CreditRewardFields } from './CreditRewardFields'
import { MilestoneRecorder } from './MilestoneRecorder'
import { NoteComposer } from './NoteComposer'
import { SeverityBadge } from './SeverityBadge'
import { StatusActions } from './StatusActions'
import { StatusBadge } from './StatusBadge'
import { Timeline } from './Timeline'
import { useCaseActions } from './useCaseActions'

/**
 * The edit form, with the case as it was when editing began: a colleague's save meanwhile updates the shown case, but
 * the form saves against the revision it started from, so their change is not overwritten unseen (it conflicts).
 */
type Edit = { base: Case; draft: CaseDraft; credit: CreditDraft; reward: RewardDraft; errors: FieldErrors }

export function CaseDetail() {
  const { id = '' } = useParams()
  const { team } = useSettings()
  const caseQuery = useCase(id)
  const saveCase = useCaseChange()
  const nextMilestones = useNextMilestones(id)
  // The header's next deadline comes from the case's own deadlines, so it changes with the case, not with the list.
  const deadlines = useDeadlines(id)
  const next = deadlines.data && nextDeadline(deadlines.data)
  const kase = caseQuery.data ?? null
  const missing = caseQuery.error instanceof DeskFailure && caseQuery.error.code === 'not_found' ? caseQuery.error.message : null
  useFailureShown(missing ? null : caseQuery.error)
  const [edit, setEdit] = useState<Edit | null>(null)
  const actions = useCaseActions(kase)
  const { busy, conflict } = actions
  const formRef = useRef<HTMLFormElement>(null)
  const editing = edit !== null && Object.keys(editOf(edit.base, edit.draft, edit.credit, edit.reward).patch).length > 0
  // A half-typed note, milestone or correction counts as much as the edit form: one guard for the whole screen.
  const parts = useUnsavedParts()
  useUnsavedChangesGuard(editing || parts.unsaved, kase ? `${kase.key}` : 'the case')

  const changeDraft = useCallback(
    (c: Partial<CaseDraft>) => setEdit((e) => e && { ...e, draft: { ...e.draft, ...c }, errors: withoutFields(e.errors, c) }),
    [],
  )

  useEffect(() => setEdit(null), [id])

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!kase || !edit) return
    const { patch, errors } = editOf(edit.base, edit.draft, edit.credit, edit.reward)
    if (Object.keys(errors).length > 0) {
      setEdit({ ...edit, errors })
      return focusFirstInvalid(formRef.current)
    }
    if (Object.keys(patch).length === 0) return setEdit(null)
    const { revision } = edit.base
    const saved = await actions.change((c) => call((desk) => desk.cases.update({ id: c.id, revision, patch })), editableFieldPaths)
    if (saved === true) return setEdit(null)
    if (saved.length > 0) {
      setEdit((e) => e && { ...e, errors: issuesToFieldErrors(saved, 'patch.') })
      focusFirstInvalid(formRef.current)
    }
  }

  /** The merged edit a colleague's save led to was refused at some fields: the form shows it on their version. */
  function editAgainOn(current: Case, patch: CasePatch, issues: FieldIssue[]) {
    const merged = withPatch(current, patch)
    setEdit({
      base: current,
      draft: draftFromCase(merged),
      credit: creditDraftOf(merged),
      reward: rewardDraftOf(merged),
      errors: issuesToFieldErrors(issues, 'patch.'),
    })
    actions.clearConflict()
    requestAnimationFrame(() => focusFirstInvalid(formRef.current))
  }

  async function reloadAfterConflict() {
    setEdit(null)
    actions.clearConflict()
    await caseQuery.refetch()
  }

  if (missing) {
    return (
      <div className="screen">
        <header className="screen-header">
          <h1>Case not found</h1>
        </header>
        <p>{missing}</p>
        <p>
          <Link to="/cases">Back to the cases</Link>
        </p>
      </div>
    )
  }
  if (!kase) return caseQuery.error ? null : <Loading what="case" />

  const severity = kase.severity
  return (
    <UnsavedParts value={parts.mark}>
      <div className="screen">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link to="/cases">Cases</Link>
          <span aria-hidden="true">/</span>
          <span className="mono">{kase.key}</span>
          {kase.sample && <span className="pill">Sample</span>}
        </nav>
        <header className="detail-header">
          <div className="detail-heading">
            <h1>{kase.title}</h1>
            <div className="detail-badges">
              <StatusBadge status={kase.status} />
              <SeverityBadge
                rating={severity && severity.kind !== 'unrated' ? severity.rating : undefined}
                score={severity?.kind === 'cvss' ? severity.score : undefined}
              />
              {next && <NextDeadlineCell next={next} withLabel />}
            </div>
          </div>
          {!edit && (
            <div className="button-row">
              <Link className="button button-primary" to={draftPath(kase.id)}>
                Draft email
              </Link>
              <button
                type="button"
                className="button"
                onClick={() =>
                  setEdit({ base: kase, draft: draftFromCase(kase), credit: creditDraftOf(kase), reward: rewardDraftOf(kase), errors: {} })
                }
              >
                Edit
              </button>
            </div>
          )}
        </header>

        {/* While the edit form is open, only its save can conflict: the other actions are hidden. */}
        {conflict && edit && (
          <CaseConflict
            key={edit.base.revision}
            base={edit.base}
            mine={editOf(edit.base, edit.draft, edit.credit, edit.reward).patch}
            team={team}
            onSaved={() => {
              setEdit(null)
              actions.clearConflict()
            }}
            onBack={actions.clearConflict}
            onRefused={editAgainOn}
          />
        )}
        {conflict && !edit && (
          <div className="conflict" role="alert">
            <p>
              <strong>Someone else changed this case</strong> after you opened it, so your change was not saved.
            </p>
            <button type="button" className="button" onClick={() => void reloadAfterConflict()}>
              Reload case
            </button>
          </div>
        )}

        {edit && (
          // Hidden, not removed, while the two versions are compared: what was typed stays in the form.
          <form ref={formRef} className="case-form" noValidate onSubmit={(e) => void save(e)} aria-label="Edit case" hidden={conflict}>
            {Object.keys(edit.errors).length > 0 && (
              <p className="form-summary" role="alert">
                The changes were not saved. Check: {fieldsToFix(edit.errors)}.
              </p>
            )}
            <CaseFields
              draft={edit.draft}
              errors={edit.errors}
              team={team}
              onChange={changeDraft}
            />
            <CreditRewardFields
              credit={edit.credit}
              reward={edit.reward}
              errors={edit.errors}
              onCredit={(c) => setEdit((e) => e && { ...e, credit: { ...e.credit, ...c } })}
              onReward={(c) => setEdit((e) => e && { ...e, reward: { ...e.reward, ...c } })}
            />
            <FormButtons submit="Save" onCancel={() => setEdit(null)} busy={busy} className="form-actions form-actions-sticky" />
          </form>
        )}
        {/*
          Hidden, not removed, while the edit form is open: a half-typed note, milestone or correction below keeps its
          text across the edit (and still counts in the screen's guard) instead of being dropped with its form.
        */}
        <div hidden={edit !== null}>
          <section className="card status-card" aria-label="Status">
            <div className="status-now">
              <span className="status-now-label">Status</span>
              <StatusBadge status={kase.status} />
            </div>
            <StatusActions kase={kase} busy={busy} onTransition={actions.transition} onUndo={actions.undo} />
          </section>
          {actions.confirming && (
            <ConfirmMoveDialog
              to={actions.confirming.transition.to}
              preview={actions.confirming.preview}
              busy={busy}
              onCancel={actions.cancelMove}
              onConfirm={() => void actions.confirmMove()}
            />
          )}
          <div className="detail-grid">
            <div className="detail-main">
              <CaseDeadlines kase={kase} onCaseChange={(next) => void saveCase(async () => next)} />
              <section className="card" aria-labelledby="report-text-title">
                <h2 id="report-text-title">Report as received</h2>
                {kase.reportText ? (
                  <pre className="report-text">{kase.reportText}</pre>
                ) : (
                  <p className="muted">No report text was recorded.</p>
                )}
              </section>
              <section className="card" aria-labelledby="timeline-title">
                <h2 id="timeline-title">Timeline</h2>
                <Timeline kase={kase} team={team} onCorrect={actions.correct} onWithdraw={actions.withdraw} />
                <NoteComposer onAdd={actions.addNote} />
              </section>
            </div>
            <div className="detail-side">
              <DetailsCard kase={kase} team={team} />
              <section className="card" aria-labelledby="milestone-title">
                <h2 id="milestone-title">Record milestone</h2>
                <MilestoneRecorder kase={kase} milestones={nextMilestones.data} onRecord={actions.recordMilestone} />
              </section>
              <ReporterCard kase={kase} />
              <CreditRewardCard kase={kase} />
            </div>
          </div>
        </div>
      </div>
    </UnsavedParts>
  )
}
