import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import type { Case } from '../../src/cases/case'
import type { Transition } from '../../src/cases/lifecycle'
import { CaseDeadlines } from '../deadlines/CaseDeadlines'
import { NextDeadlineCell } from '../deadlines/NextDeadlineCell'
import { call, DeskFailure } from '../desk'
import { focusFirstInvalid } from '../forms/Field'
import { FormButtons } from '../forms/FormButtons'
import { useSettings } from '../queries/settings'
import { Loading } from '../shell/Loading'
import { useProblems } from '../shell/Problems'
import {
  creditDraftOf,
  draftFromCase,
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
import { CreditRewardCard, DetailsCard, ReporterCard } from './CaseFacts'
import { CaseFields } from './CaseFields'
import { useCaseSummaries } from './CaseSummaries'
import { CreditRewardFields } from './CreditRewardFields'
import { MilestoneRecorder, type MilestoneRecord } from './MilestoneRecorder'
import { NoteComposer } from './NoteComposer'
import { SeverityBadge } from './SeverityBadge'
import { StatusActions } from './StatusActions'
import { StatusBadge } from './StatusBadge'
import { Timeline } from './Timeline'

type Edit = { draft: CaseDraft; credit: CreditDraft; reward: RewardDraft; errors: FieldErrors }

export function CaseDetail() {
  const { id = '' } = useParams()
  const { team } = useSettings()
  const { summaries, reload: reloadSummaries } = useCaseSummaries()
  const { report } = useProblems()
  const [kase, setKase] = useState<Case | null>(null)
  const [missing, setMissing] = useState<string | null>(null)
  const [edit, setEdit] = useState<Edit | null>(null)
  const [conflict, setConflict] = useState(false)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  const changeDraft = useCallback(
    (c: Partial<CaseDraft>) => setEdit((e) => e && { ...e, draft: { ...e.draft, ...c }, errors: withoutFields(e.errors, c) }),
    [],
  )

  const load = useCallback(async () => {
    try {
      setKase(await call((desk) => desk.cases.get({ id })))
      setMissing(null)
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'not_found') setMissing(error.message)
      else report(error)
    }
  }, [id, report])

  useEffect(() => {
    setKase(null)
    setEdit(null)
    setConflict(false)
    void load()
  }, [load])

  /** Runs one change; the updated case replaces the shown one. False when it failed, so forms keep their input. */
  async function change(request: (c: Case) => Promise<Case>, onIssues?: (failure: DeskFailure) => void): Promise<boolean> {
    if (!kase) return false
    setBusy(true)
    try {
      setKase(await request(kase))
      setConflict(false)
      void reloadSummaries()
      return true
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'conflict') setConflict(true)
      else {
        if (error instanceof DeskFailure && error.issues.length > 0) onIssues?.(error)
        report(error)
      }
      return false
    } finally {
      setBusy(false)
    }
  }

  const transition = (t: Transition) =>
    change((c) => call((desk) => desk.cases.transition({ id: c.id, revision: c.revision, transition: t })))
  const addNote = (text: string) => change((c) => call((desk) => desk.cases.addNote({ id: c.id, text })))
  const recordMilestone = (r: MilestoneRecord) => change((c) => call((desk) => desk.cases.recordMilestone({ id: c.id, ...r })))

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!kase || !edit) return
    const { patch, errors } = editOf(kase, edit.draft, edit.credit, edit.reward)
    if (Object.keys(errors).length > 0) {
      setEdit({ ...edit, errors })
      return focusFirstInvalid(formRef.current)
    }
    if (Object.keys(patch).length === 0) return setEdit(null)
    const saved = await change(
      (c) => call((desk) => desk.cases.update({ id: c.id, revision: c.revision, patch })),
      (failure) => {
        setEdit((e) => e && { ...e, errors: issuesToFieldErrors(failure.issues, 'patch.') })
        focusFirstInvalid(formRef.current)
      },
    )
    if (saved) setEdit(null)
  }

  async function reloadAfterConflict() {
    setEdit(null)
    setConflict(false)
    await load()
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
  if (!kase) return <Loading what="case" />

  const severity = kase.severity
  const summary = summaries?.find((s) => s.id === kase.id)
  return (
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
            {summary?.nextDeadline && <NextDeadlineCell next={summary.nextDeadline} withLabel />}
          </div>
        </div>
        {!edit && (
          <button
            type="button"
            className="button"
            onClick={() =>
              setEdit({ draft: draftFromCase(kase), credit: creditDraftOf(kase), reward: rewardDraftOf(kase), errors: {} })
            }
          >
            Edit
          </button>
        )}
      </header>

      {conflict && (
        <div className="conflict" role="alert">
          <p>
            <strong>Someone else changed this case</strong> after you opened it, so your change was not saved.
            {edit ? ' Your edits are still in the form; reloading shows the latest version and discards them.' : ''}
          </p>
          <button type="button" className="button" onClick={() => void reloadAfterConflict()}>
            Reload case
          </button>
        </div>
      )}

      {edit ? (
        <form ref={formRef} className="case-form" noValidate onSubmit={(e) => void save(e)} aria-label="Edit case">
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
      ) : (
        <>
          <section className="card status-card" aria-label="Status">
            <div className="status-now">
              <span className="status-now-label">Status</span>
              <StatusBadge status={kase.status} />
            </div>
            <StatusActions kase={kase} busy={busy} onTransition={transition} />
          </section>
          <div className="detail-grid">
            <div className="detail-main">
              <CaseDeadlines
                kase={kase}
                onCaseChange={(next) => {
                  setKase(next)
                  void reloadSummaries()
                }}
              />
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
                <Timeline kase={kase} team={team} />
                <NoteComposer onAdd={addNote} />
              </section>
            </div>
            <div className="detail-side">
              <DetailsCard kase={kase} team={team} />
              <section className="card" aria-labelledby="milestone-title">
                <h2 id="milestone-title">Record milestone</h2>
                <MilestoneRecorder onRecord={recordMilestone} />
              </section>
              <ReporterCard kase={kase} />
              <CreditRewardCard kase={kase} />
            </div>
          </div>
        </>
      )}
    </div>
  )
}
