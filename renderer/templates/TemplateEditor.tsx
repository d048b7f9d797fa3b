import { useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { shippedTemplate, type TemplateEntry } from '../../src/drafts/catalog'
import { renderDraft, type TemplateError } from '../../src/drafts/engine'
import { compareTemplate } from '../../src/drafts/mergeTemplate'
import { mailboxText } from '../../src/drafts/mailbox'
import { DraftTemplate, TemplatePurpose, type TemplateText } from '../../src/drafts/template'
import { userWords } from '../../src/errors'
import { purposeLabels } from '../../src/i18n/draftWords'
import { languageNames } from '../../src/i18n/labels'
import type { CaseSummary } from '../../src/ipc/contract'
import type { Language } from '../../src/i18n/language'
import type { Settings, TeamMember } from '../../src/settings/settings'
import { useCaseSummaries } from '../cases/CaseSummaries'
import { DeskFailure } from '../desk'
import { DraftPreview } from '../drafts/DraftPreview'
import { TemplateSourceField } from '../drafts/TemplateSourceField'
import { Field } from '../forms/Field'
import { useSettings } from '../queries/settings'
import { useRemoveTemplate, useSaveTemplate } from '../queries/templates'
import { Loading } from '../shell/Loading'
import { useFailureShown } from '../shell/Problems'
import { useUnsavedChangesGuard } from '../shell/UnsavedChanges'
import { useAction } from '../shell/useAction'
import { RemoveTemplateDialog, type Removal } from './RemoveTemplateDialog'
import { copyOf, sameText, withoutEntryFlags } from './templateCopy'
import { storedTemplate, TemplateConflict } from './TemplateConflict'
import { TemplateVariablesTable } from './TemplateVariablesTable'
import { useTemplateVariables } from './useTemplateVariables'
import '../drafts/drafts.css'

const languages: readonly Language[] = ['en', 'nl']
const languageWords: Record<Language, string> = { en: 'English', nl: 'Dutch' }

type Problem = { language: Language; part: 'subject' | 'body'; error: TemplateError }

/**
 * One template: its name, purpose (the team's own only), and subject and body per language, checked and previewed
 * against a chosen case on every keystroke (in the renderer, as the draft screen does). It cannot be saved while either
 * language has an error, since every draft started from it would fail.
 */
export function TemplateEditor({
  entry,
  all,
  gone = false,
}: {
  entry: TemplateEntry
  all: TemplateEntry[]
  /** Someone else deleted it while it was open: a save stores it again as the team's own. */
  gone?: boolean
}) {
  const navigate = useNavigate()
  const { settings, currentMember } = useSettings()
  const { summaries } = useCaseSummaries()
  const saveTemplate = useSaveTemplate()
  const removeTemplate = useRemoveTemplate()
  const { busy, run } = useAction()
  const [name, setName] = useState(entry.name)
  const [purpose, setPurpose] = useState(entry.purpose)
  const [texts, setTexts] = useState(entry.texts)
  const [language, setLanguage] = useState<Language>('en')
  const [nameError, setNameError] = useState<string | undefined>()
  const [confirming, setConfirming] = useState<Removal | null>(null)
  // A save refused because someone else saved this template meanwhile: the two are compared instead of the editor.
  const [clash, setClash] = useState<{ base: DraftTemplate; mine: DraftTemplate } | null>(null)
  const [chosenCase, setChosenCase] = useState<string | null>(null)
  const caseId = chosenCase ?? summaries?.[0]?.id ?? ''

  const differsFrom = (t: DraftTemplate) => name !== t.name || purpose !== t.purpose || languages.some((l) => !sameText(texts[l], t.texts[l]))
  // A save, a reset or a colleague's edit: the editor follows the stored template unless something is typed over it.
  const [shown, setShown] = useState(entry)
  // The stored template the fields were made on: what a save says it started from.
  const [base, setBase] = useState(() => withoutEntryFlags(entry))
  if (shown !== entry) {
    setShown(entry)
    if (!differsFrom(shown)) {
      setName(entry.name)
      setPurpose(entry.purpose)
      setTexts(entry.texts)
    }
    if (!differsFrom(shown) || !differsFrom(entry)) setBase(withoutEntryFlags(entry))
  }
  // Unsaved is what differs from the version the edit started from, as in the policy editor: a colleague's save
  // meanwhile is not this person's change.
  const dirty = differsFrom(base)
  const guard = useUnsavedChangesGuard(dirty, `the template “${entry.name}”`)

  if (!settings) return <Loading what="settings" />

  const setText = (change: Partial<TemplateText>) => setTexts((t) => ({ ...t, [language]: { ...t[language], ...change } }))
  const template: DraftTemplate = { ...base, name, purpose, texts }
  /** The fields show `t` as stored, and the next save is made on it: after a save (merged with a colleague's), a reset, an undo. */
  const adopt = (t: DraftTemplate) => {
    setName(t.name)
    setPurpose(t.purpose)
    setTexts(t.texts)
    setBase(t)
    setNameError(undefined)
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    const checked = DraftTemplate.safeParse(template, { error: userWords })
    if (!checked.success) {
      const issue = checked.error.issues.find((i) => i.path[0] === 'name')
      if (issue) return setNameError(issue.message)
    }
    return run(async () => {
      try {
        // Saved as merged with what a colleague changed in other parts meanwhile: the editor shows that.
        adopt(await saveTemplate(template, gone ? null : base))
      } catch (error) {
        if (error instanceof DeskFailure && error.code === 'conflict') return setClash({ base, mine: template })
        const atName = error instanceof DeskFailure ? error.issues.find((i) => i.path.endsWith('name')) : undefined
        if (!atName) throw error
        setNameError(atName.message)
      }
    })
  }
  const duplicate = () =>
    run(async () => {
      const source = withoutEntryFlags(entry)
      let copy = copyOf(source, all)
      try {
        await saveTemplate(copy, null)
      } catch (error) {
        if (!(error instanceof DeskFailure && error.code === 'conflict')) throw error
        // A colleague's copy took that id meanwhile: the next one free in the store as it is now.
        copy = copyOf(source, (await storedTemplate(source.id)).all)
        await saveTemplate(copy, null)
      }
      navigate(`/settings/templates/${encodeURIComponent(copy.id)}`)
    })
  const remove = (removal: Removal) =>
    run(async () => {
      try {
        await removeTemplate(removal.base)
      } catch (error) {
        if (!(error instanceof DeskFailure && error.code === 'conflict')) throw error
        // Someone changed it since it was shown: what they changed is shown, and the question asked again on it.
        const { theirs } = await storedTemplate(removal.base.id)
        if (!theirs) throw error
        return setConfirming({ ...removal, base: theirs, changes: compareTemplate(removal.base, theirs, theirs), refused: removal.refused + 1 })
      }
      setConfirming(null)
      // A reset shipped template stays on this screen with its shipped text; the team's own is gone.
      if (entry.shipped) return adopt(shippedTemplate(entry.id)!)
      guard.release()
      navigate('/settings/templates')
    })

  return (
    <article className="template-editor" aria-labelledby="template-title">
      {clash && (
        <TemplateConflict
          base={clash.base}
          mine={clash.mine}
          onSaved={(saved) => {
            setClash(null)
            adopt(saved)
          }}
          onBack={() => setClash(null)}
        />
      )}
      {gone && (
        <div className="conflict" role="status">
          <p>
            Someone else deleted this template. What you typed is still here: save it to keep the template, or choose another
            one to let it go.
          </p>
        </div>
      )}
      {/* Hidden, not gone, while the two versions are compared: everything typed waits here until a save goes through. */}
      <form className="template-form" noValidate onSubmit={save} hidden={clash !== null}>
        <div className="card template-header">
          <div className="template-heading">
            <div>
              <h2 id="template-title">{entry.name}</h2>
              <p className="small muted">
                {entry.shipped ? (entry.edited ? 'Shipped, edited by your team' : 'Shipped with Disclosure Desk') : 'Your template'} ·{' '}
                {purposeLabels.en[entry.purpose]}
                {entry.basedOn && !entry.shipped && ` · copied from ${all.find((t) => t.id === entry.basedOn)?.name ?? entry.basedOn}`}
              </p>
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={busy || dirty}
                title={dirty ? 'Save or undo your changes first' : undefined}
                onClick={() => void duplicate()}
              >
                Duplicate
              </button>
              {entry.shipped && entry.edited && (
                <button type="button" className="button" disabled={busy} onClick={() => setConfirming({ kind: 'reset', name: entry.name, base, refused: 0 })}>
                  Reset to shipped text
                </button>
              )}
              {!entry.shipped && !gone && (
                <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirming({ kind: 'delete', name: entry.name, base, refused: 0 })}>
                  Delete
                </button>
              )}
            </div>
          </div>
          <div className="field-grid">
            <Field label="Template name" error={nameError}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  autoComplete="off"
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value)
                    setNameError(undefined)
                  }}
                />
              )}
            </Field>
            <Field
              label="Purpose"
              hint={entry.shipped ? 'A shipped template keeps its purpose; duplicate it for another.' : 'What sending it records on the case.'}
            >
              {(a) => (
                <select {...a} value={purpose} disabled={entry.shipped} onChange={(e) => setPurpose(TemplatePurpose.parse(e.target.value))}>
                  {TemplatePurpose.options.map((p) => (
                    <option key={p} value={p}>
                      {purposeLabels.en[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </div>
        <TemplateTexts
          template={template}
          language={language}
          onLanguage={setLanguage}
          onText={setText}
          caseId={caseId}
          onCase={setChosenCase}
          summaries={summaries}
          settings={settings}
          member={currentMember}
        >
          {(problems) => (
            <div className="template-actions">
              {problems.length > 0 && (
                <p className="form-summary" role="alert">
                  Not saved while {problems.length === 1 ? 'this has an error' : 'these have errors'}:{' '}
                  {problems.map((p) => `${languageWords[p.language]} ${p.part} (line ${p.error.line}, column ${p.error.column})`).join(', ')}.
                </p>
              )}
              <div className="button-row">
                <button type="submit" className="button button-primary" disabled={busy || !dirty || problems.length > 0}>
                  Save template
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={!dirty}
                  onClick={() => adopt(withoutEntryFlags(entry))}
                >
                  Undo changes
                </button>
                {!dirty && <span className="small muted">No unsaved changes.</span>}
              </div>
            </div>
          )}
        </TemplateTexts>
      </form>

      {confirming && (
        <RemoveTemplateDialog removal={confirming} all={all} busy={busy} onRemove={() => void remove(confirming)} onKeep={() => setConfirming(null)} />
      )}
    </article>
  )
}

/**
 * The subject and body of one language beside their preview for the chosen case, and the variables below. Rendered
 * here on every keystroke: both languages, so an error in the one not shown still holds the save back.
 */
function TemplateTexts({
  template,
  language,
  onLanguage,
  onText,
  caseId,
  onCase,
  summaries,
  settings,
  member,
  children,
}: {
  template: DraftTemplate
  language: Language
  onLanguage(language: Language): void
  onText(change: Partial<TemplateText>): void
  caseId: string
  onCase(id: string): void
  summaries: CaseSummary[] | null
  settings: Settings
  /** Who uses this installation: the sender of the drafts, as the draft screen takes it. */
  member: TeamMember | undefined
  children(problems: Problem[]): ReactNode
}) {
  const { variables, error } = useTemplateVariables(caseId, settings, member)
  useFailureShown(error)
  const rendered = useMemo(
    () =>
      variables &&
      ({
        en: renderDraft(template.texts.en, variables.byLanguage.en),
        nl: renderDraft(template.texts.nl, variables.byLanguage.nl),
      } as const),
    [template.texts, variables],
  )
  const problems: Problem[] = []
  if (rendered) {
    for (const l of languages) {
      for (const part of ['subject', 'body'] as const) {
        const r = rendered[l][part]
        if (!r.ok) problems.push({ language: l, part, error: r.error })
      }
    }
  }
  const errorOf = (part: 'subject' | 'body') => {
    const r = rendered?.[language][part]
    return r && !r.ok ? r.error : null
  }
  const text = template.texts[language]

  return (
    <>
      <div className="template-work">
        <section className="card template-sources" aria-label="Template text">
          <div className="segmented template-languages" role="radiogroup" aria-label="Language">
            {languages.map((l) => (
              <label key={l} className={`segment${language === l ? ' segment-on' : ''}`}>
                <input type="radio" name="template-language" value={l} checked={language === l} onChange={() => onLanguage(l)} />
                {languageNames[l]}
                {problems.some((p) => p.language === l) && <span className="template-language-error"> (error)</span>}
              </label>
            ))}
          </div>
          <TemplateSourceField label="Subject" singleLine value={text.subject} error={errorOf('subject')} onChange={(subject) => onText({ subject })} />
          <TemplateSourceField label="Body" rows={20} value={text.body} error={errorOf('body')} onChange={(body) => onText({ body })} />
          {children(problems)}
        </section>
        <div className="template-side">
          {rendered && variables ? (
            <DraftPreview
              from={member ? mailboxText({ name: member.name, address: member.email }) : null}
              to={mailboxText({ name: variables.kase.reporter.name, address: variables.kase.reporter.email })}
              encryptedTo={null}
              subject={rendered[language].subject}
              body={rendered[language].body}
            />
          ) : (
            <p className="muted">Loading the case…</p>
          )}
        </div>
      </div>
      <TemplateVariablesTable variables={variables} language={language} caseId={caseId} onCase={onCase} summaries={summaries} />
    </>
  )
}
