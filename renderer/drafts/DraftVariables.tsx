import { memo } from 'react'
import { variableList, type DraftVariables as Variables } from '../../src/drafts/variables'
import type { Language } from '../../src/i18n/language'
import { VariableTable } from './VariableTable'

/** What the source can use, with this case's values in the language drafted: folded away until asked for, so the editor keeps its room. */
export const DraftVariables = memo(function DraftVariables({ variables, language }: { variables: Variables; language: Language }) {
  return (
    <details className="draft-variables">
      <summary>Variables for this case</summary>
      <VariableTable className="draft-variables-table" rows={variableList(variables, language)} />
    </details>
  )
})
