import { useCallback, useMemo, useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import type { Case } from '../../src/cases/case'
import type { TemplateEntry } from '../../src/drafts/catalog'
import { unreplacedPlaceholders } from '../../src/drafts/draftChecks'
import { renderDraft, type Rendered } from '../../src/drafts/engine'
import { mailboxText } from '../../src/drafts/mailbox'
import type { TemplateText } from '../../src/drafts/template'
import { draftLanguage, templateForDeadline } from '../../src/drafts/templateFor'
import { draftVariables, senderOf } from '../../src/drafts/variables'
import type { Deadline } from '../../src/deadlines/deadline'
import { deadlineText, formatForZone, languageNames, undatedText } from '../../src/i18n'
import { purposeLabels } from '../../src/i18n/draftWords'
import { Language } from '../../src/i18n/language'
import type { Policy } from '../../src/policies/policy'
import type { Settings, TeamMember } from '../../src/settings/settings'
import { DeadlineBadge } from '../deadlines/DeadlineBadge'
import { DeskFailure, messageOf } from '../desk'
import { Field } from '../forms/Field'
import { usePolicies } from '../policies/usePolicies'
import { useCase, useDeadlines } from '../queries/cases'
import { useRecordEmail, useReporterKey } from '../queries/drafts'
import { useSettings } from '../queries/settings'
import { useTemplates } from '../queries/templates'
import { Loading } from '../shell/Loading'
import { useFailureShown } from '../shell/Problems'
import { useUnsavedChangesGuard } from '../shell/UnsavedChanges'
import { DraftInputFields, inputProblem, useDraftInputs } from './DraftInputFields'
import { DraftOutputs, fingerprintText, keyUsable } from './DraftOutputs'
import { DraftPreview } from './DraftPreview'
import { DraftVariables } from './DraftVariables'
import { caseTeamZone, editKey, findDeadline, parseDeadlineParam } from './draftState'
import { MarkSentDialog, whatSendingRecords } from './MarkSentDialog'
import { TemplateSourceField } from './TemplateSourceField'
import './drafts.css'

/** `/cases/:id/draft?template=…&deadline=<ruleId>:<occurrence>&language=…`: everything the draft needs, loaded. */
export function DraftScreen() {
  const { id = '' } = useParams()
  const caseQuery = useCase(id)
  const deadlines = useDeadlines(id)
  const templates = useTemplates()
  const { policies } = usePolicies()
  const { settings, currentMember } = useSettings()
  const missing = caseQuery.error instanceof DeskFailure && caseQuery.error.code === 'not_found' ? caseQuery.error.message : null
  useFailureShown(missing ? null : caseQuery.error)
  useFailureShown(templates.error)
  const kase = caseQuery.data
  // A case whose deadlines cannot be counted can still be written to; the deadline box then stays empty.
  const counted = deadlines.data ?? (deadlines.error ? [] : undefined)

  if (missing) {
    return (
      <div className="screen">
        <h1>Case not found</h1>
        <p>{missing}</p>
        <p>
          <Link to="/cases">Back to the cases</Link>
        </p>
      </div>
    )
  }
  if (!kase || !counted || !templates.data || !policies || !settings) {
    return caseQuery.error || templates.error ? null : <Loading what="draft" />
  }
  if (templates.data.length === 0) {
    return (
      <div className="screen">
        <h1>No templates</h1>
        <p>There is no template to draft from. Add one under Settings → Templates.</p>
      </div>
    )
  }
  return (
    <DraftEditor
      key={kase.id}
      kase={kase}
      deadlines={counted}
      templates={templates.data}
      policy={policies.find((p) => p.id === kase.policyId)}
      settings={settings}
      member={currentMember}
    />
  )
}

type EditedText = { base: TemplateText; text: TemplateText }

function DraftEditor({
  kase,
  deadlines,
  templates,
  policy,
  settings,
  member,
}: {
  kase: Case
  deadlines: readonly Deadline[]
  templates: readonly TemplateEntry[]
  policy: Policy | undefined
  settings: Settings
  member: TeamMember | undefined
}) {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const deadline = findDeadline(deadlines, parseDeadlineParam(params.get('deadline')))
  const template =
    templates.find((t) => t.id === params.get('template')) ?? (deadline && templateForDeadline(deadline, templates)) ?? templates[0]!
  const language = Language.safeParse(params.get('language')).data ?? draftLanguage(kase)
  // Another kind of email written while looking at a deadline (a request for information instead of the evaluation)
  // does not keep that deadline's promise.
  const keeps = deadline && templateForDeadline(deadline, templates)?.purpose === template.purpose ? deadline : undefined
  const choose = (change: { template?: string; language?: Language }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (change.template) next.set('template', change.template)
        if (change.language) next.set('language', change.language)
        return next
      },
      { replace: true },
    )

  // Each template and language keeps its own edits, so switching to look at another loses nothing.
  const [edits, setEdits] = useState<Record<string, EditedText>>({})
  const key = editKey(template.id, language)
  const source = edits[key]?.text ?? template.texts[language]
  const edit = useCallback(
    (change: Partial<TemplateText>) =>
      setEdits((all) => {
        const before = all[key] ?? { base: template.texts[language], text: template.texts[language] }
        return { ...all, [key]: { ...before, text: { ...before.text, ...change } } }
      }),
    [key, template, language],
  )
  const editSubject = useCallback((subject: string) => edit({ subject }), [edit])
  const editBody = useCallback((body: string) => edit({ body }), [edit])

  const teamZone = caseTeamZone(kase)
  // A draft written for a promised date that slipped must give the reporter the new date.
  const draftInputs = useDraftInputs(kase, template.purpose, {
    teamZone,
    needResolution: keeps !== undefined && deadlineText(keeps, 'en').slipped,
  })
  const { inputs, changed: newInputs } = draftInputs

  const sender = useMemo(() => senderOf(member), [member])
  // Everything but the source: worked out once per case, language and input, not on every keystroke.
  const variables = useMemo(
    () =>
      draftVariables({
        case: kase,
        deadlines,
        policy,
        sender,
        organisation: settings.organisation,
        language,
        inputs,
        now: new Date(),
      }),
    [kase, deadlines, policy, sender, settings.organisation, language, inputs],
  )
  // Per keystroke, here in the renderer: no call to main, so the preview keeps up with typing.
  const rendered = useMemo(() => renderDraft(source, variables), [source, variables])

  const keyInfo = useReporterKey(kase).data
  const [encrypt, setEncrypt] = useState(false)
  const encrypted = encrypt && keyUsable(keyInfo)

  const from = member ? mailboxText({ name: member.name, address: member.email }) : null
  // The reporter by name and address, the same in the preview, the .eml and the record (a mailto: link carries the
  // address alone, as RFC 6068 has it).
  const reporterMailbox = mailboxText({ name: kase.reporter.name, address: kase.reporter.email })
  const to = useMemo(() => [reporterMailbox], [reporterMailbox])
  const placeholders = useMemo(
    () => unreplacedPlaceholders(`${rendered.subject.ok ? rendered.subject.text : ''}\n${rendered.body.ok ? rendered.body.text : ''}`),
    [rendered],
  )
  const encryptedTo =
    encrypted && keyInfo && 'fingerprint' in keyInfo ? (keyInfo.userIds[0] ?? fingerprintText(keyInfo.fingerprint)) : null
  const blocked = templateProblem(rendered) ?? inputProblem(draftInputs)
  const dirty = Object.values(edits).some((e) => e.text.subject !== e.base.subject || e.text.body !== e.base.body)
  const guard = useUnsavedChangesGuard(dirty || Object.keys(newInputs).length > 0, `the draft for ${kase.key}`)

  const [marking, setMarking] = useState(false)
  const [markBusy, setMarkBusy] = useState(false)
  const [markError, setMarkError] = useState<{ message: string; atField: boolean } | null>(null)
  const recordEmail = useRecordEmail()
  const deadlineWords = deadline && deadlineText(deadline, 'en')

  async function markSent(on: string) {
    if (!rendered.subject.ok || !rendered.body.ok || !from) return
    setMarkBusy(true)
    setMarkError(null)
    try {
      await recordEmail({
        id: kase.id,
        revision: kase.revision,
        email: {
          templateId: template.id,
          purpose: template.purpose,
          language,
          from,
          to,
          cc: [],
          subject: rendered.subject.text,
          body: rendered.body.text,
          encrypted,
        },
        on,
        ...(keeps ? { forDeadline: { ruleId: keeps.ruleId, occurrence: keeps.occurrence } } : {}),
        ...(Object.keys(newInputs).length > 0 ? { inputs: newInputs } : {}),
      })
      guard.release()
      navigate(`/cases/${encodeURIComponent(kase.id)}`)
    } catch (error) {
      // A refused sent time shows at its field; anything else for the whole.
      const atOn = error instanceof DeskFailure ? error.issues.find((i) => i.path === 'on') : undefined
      setMarkError(atOn ? { message: atOn.message, atField: true } : { message: messageOf(error), atField: false })
      setMarkBusy(false)
    }
  }

  return (
    <div className="screen draft-screen">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/cases">Cases</Link>
        <span aria-hidden="true">/</span>
        <Link className="mono" to={`/cases/${encodeURIComponent(kase.id)}`}>
          {kase.key}
        </Link>
        <span aria-hidden="true">/</span>
        <span>Draft</span>
      </nav>
      <header className="screen-header">
        <h1>Draft email</h1>
        <p className="screen-lead">{kase.title}</p>
      </header>

      {deadline && deadlineWords && (
        <section className="card draft-deadline" aria-label="Drafted for">
          <div className="draft-deadline-head">
            <h2>{deadline.repeats ? `${deadlineWords.label} #${deadline.occurrence}` : deadlineWords.label}</h2>
            <DeadlineBadge state={deadline.state}>{deadlineWords.stateLabel}</DeadlineBadge>
            <span className="draft-deadline-due">
              {deadline.dueAt === null ? undatedText(deadline.state, 'en') : `Due ${formatForZone(deadline.dueAt, deadline.teamZone, 'en')}`}
            </span>
          </div>
          <blockquote className="policy-quote">{deadline.quote}</blockquote>
        </section>
      )}

      <div className="draft-grid">
        <div className="draft-editor">
          <div className="draft-choices">
            <Field label="Template">
              {(a) => (
                <select {...a} value={template.id} onChange={(e) => choose({ template: e.target.value })}>
                  {templates.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.shipped ? purposeLabels.en[t.purpose] : t.name}
                      {t.edited ? ' (edited)' : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="field">
              <span className="field-label" id="draft-language-label">
                Language
              </span>
              <div className="segmented" role="group" aria-labelledby="draft-language-label">
                {Language.options.map((l) => (
                  <button
                    key={l}
                    type="button"
                    className={l === language ? 'segment segment-on' : 'segment'}
                    aria-pressed={l === language}
                    onClick={() => choose({ language: l })}
                  >
                    {languageNames[l]}
                    {l === kase.reporter.language ? ' (reporter’s)' : ''}
                  </button>
                ))}
              </div>
            </div>
          </div>

          <DraftInputFields kase={kase} state={draftInputs} />

          <TemplateSourceField
            label="Subject"
            singleLine
            value={source.subject}
            onChange={editSubject}
            error={rendered.subject.ok ? null : rendered.subject.error}
          />
          <TemplateSourceField
            label="Body"
            value={source.body}
            onChange={editBody}
            error={rendered.body.ok ? null : rendered.body.error}
            hint="Liquid: {{ variable }}, {% if … %}…{% endif %}. Edits here are for this email only; the template stays as it is."
          />
          <DraftVariables variables={variables} language={language} />
        </div>

        <div className="draft-side">
          {!from && <NoSender />}
          <DraftPreview from={from} to={to.join(', ')} subject={rendered.subject} body={rendered.body} encryptedTo={encryptedTo} />
          <DraftOutputs
            kase={kase}
            purpose={template.purpose}
            message={rendered.subject.ok && rendered.body.ok ? { from, to, subject: rendered.subject.text, text: rendered.body.text } : null}
            blocked={blocked}
            placeholders={placeholders}
            encrypt={encrypted}
            onEncrypt={setEncrypt}
          />
          <div className="draft-mark">
            <button
              type="button"
              className="button button-primary"
              disabled={blocked !== null || !from}
              onClick={() => {
                setMarkError(null)
                setMarking(true)
              }}
            >
              Mark as sent…
            </button>
            <p className="small muted">Once it has gone out from your mail app: this records it on the case.</p>
          </div>
        </div>
      </div>

      {marking && rendered.subject.ok && (
        <MarkSentDialog
          kase={kase}
          zone={teamZone}
          placeholders={placeholders}
          busy={markBusy}
          error={markError}
          onCancel={() => setMarking(false)}
          onConfirm={(on) => void markSent(on)}
          records={whatSendingRecords({
            kase,
            policy,
            purpose: template.purpose,
            language,
            subject: rendered.subject.text,
            to,
            encrypted,
            deadlineLabel: keeps && deadlineWords?.label,
            inputs: newInputs,
          })}
        />
      )}
    </div>
  )
}

/** Why nothing can go out while the template has an error, with where; null when both parts render. */
function templateProblem(rendered: { subject: Rendered; body: Rendered }): string | null {
  for (const [where, r] of [['subject', rendered.subject], ['body', rendered.body]] as const) {
    if (!r.ok) return `Fix the error in the ${where} first (line ${r.error.line}, column ${r.error.column}).`
  }
  return null
}

function NoSender() {
  return (
    <p className="notice draft-no-sender" role="status">
      Nobody is chosen as the sender. Choose who you are under “I am” in <Link to="/settings">Settings</Link>: that person’s
      name, role and signature sign the email.
    </p>
  )
}
