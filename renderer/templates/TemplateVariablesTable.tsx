import { memo, useId } from 'react'
import type { CaseSummary } from '../../src/ipc/contract'
import { variableList } from '../../src/drafts/variables'
import type { Language } from '../../src/i18n/language'
import { VariableTable } from '../drafts/VariableTable'
import type { TemplateVariables } from './useTemplateVariables'

/**
 * Every variable a template can use, with its value for the chosen case in the language being edited and what it
 * means. Values are text: a reporter's name holding markup shows as the characters it is.
 */
export const TemplateVariablesTable = memo(function TemplateVariablesTable({
  variables,
  language,
  caseId,
  onCase,
  summaries,
}: {
  variables: TemplateVariables | null
  language: Language
  caseId: string
  onCase(id: string): void
  summaries: CaseSummary[] | null
}) {
  const pickerId = useId()
  const list = variables ? variableList(variables.byLanguage[language], language) : []
  return (
    <section className="card template-variables" aria-labelledby={`${pickerId}-title`}>
      <div className="template-variables-head">
        <h2 id={`${pickerId}-title`}>Variables</h2>
        <div className="field field-narrow">
          <label className="field-label" htmlFor={pickerId}>
            Values for case
          </label>
          {summaries && summaries.length > 0 ? (
            <select id={pickerId} value={caseId} onChange={(e) => onCase(e.target.value)}>
              {summaries.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.key} · {s.title}
                </option>
              ))}
            </select>
          ) : (
            <span className="muted">An example case: there are no cases in this store yet.</span>
          )}
        </div>
      </div>
      {variables?.example && (
        <p className="small muted">The example has no deadlines, so the dates counted from them are empty here.</p>
      )}
      <VariableTable className="template-variables-table" rows={list} />
    </section>
  )
})
