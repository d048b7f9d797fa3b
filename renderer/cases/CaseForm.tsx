import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import type { CaseInput } from '../../src/cases/case'
import { call, DeskFailure } from '../desk'
import { focusFirstInvalid } from '../forms/Field'
import { FormButtons } from '../forms/FormButtons'
import { useCaseChange } from '../queries/cases'
import { useSettings } from '../queries/settings'
import { useProblems } from '../shell/Problems'
import { useUnsavedChangesGuard } from '../shell/UnsavedChanges'
import { localTimeZone } from '../time/timeZones'
import {
  draftFromInput,
  emptyDraft,
  fieldsToFix,
  inputFromDraft,
  inputFromStartedDraft,
  issuesToFieldErrors,
  withoutFields,
  type CaseDraft,
  type FieldErrors,
} from './caseDraft'
import { CaseFields } from './CaseFields'

/**
 * Opens a new case: checked here first, then by the backend; nothing is saved unless every field is valid. `start`
 * fills the form (a report read from an email, whose mail goes with the case); that screen brings its own `header` and
 * shows `children` above the form.
 */
export function CaseForm({ start, header, children }: { start?: CaseInput; header?: ReactNode; children?: ReactNode } = {}) {
  const navigate = useNavigate()
  // Removed members keep their names on old cases, but new work goes to the team as it is.
  const { activeTeam } = useSettings()
  const saveCase = useCaseChange()
  const { report } = useProblems()
  const [blank] = useState<CaseDraft>(() => (start ? draftFromInput(start) : emptyDraft(new Date(), localTimeZone())))
  const [draft, setDraft] = useState<CaseDraft>(blank)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  // A report read from an email is unsaved work as it stands: leaving would drop it without a case.
  const guard = useUnsavedChangesGuard(
    start !== undefined || JSON.stringify(draft) !== JSON.stringify(blank),
    start ? 'the imported report' : 'the new case',
  )

  const change = useCallback((next: Partial<CaseDraft>) => {
    setDraft((d) => ({ ...d, ...next }))
    setErrors((e) => withoutFields(e, next))
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    const { input, errors: found } = start ? inputFromStartedDraft(start, draft) : inputFromDraft(draft)
    setErrors(found)
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current)
    setSaving(true)
    try {
      const created = await saveCase(() => call((desk) => desk.cases.create(input)))
      guard.release()
      navigate(`/cases/${created.id}`)
    } catch (error) {
      const atFields = error instanceof DeskFailure ? issuesToFieldErrors(error.issues) : {}
      // A refusal that names its fields is shown there; anything else in the screen's problem area.
      if (Object.keys(atFields).length > 0) {
        setErrors(atFields)
        focusFirstInvalid(formRef.current)
      } else report(error)
    } finally {
      setSaving(false)
    }
  }

  const errorCount = Object.keys(errors).length
  return (
    <div className="screen">
      {header ?? (
        <header className="screen-header">
          <h1>New case</h1>
          <p className="screen-lead">Record a vulnerability report as it came in. Deadlines count from the received time.</p>
        </header>
      )}
      {children}
      <form ref={formRef} className="case-form" noValidate onSubmit={(e) => void submit(e)}>
        {errorCount > 0 && (
          <p className="form-summary" role="alert">
            The case was not saved. Check {errorCount === 1 ? 'this field' : `these ${errorCount} fields`}: {fieldsToFix(errors)}.
          </p>
        )}
        <CaseFields draft={draft} errors={errors} team={activeTeam} onChange={change} />
        <FormButtons submit="Save" onCancel={() => navigate('/cases')} busy={saving} className="form-actions" />
      </form>
    </div>
  )
}
