import { memo } from 'react'
import { variableList, type DraftVariables as Variables } from '../../src/drafts/variables'
import type { Language } from '../../src/i18n/language'

/**
 * What the source can use, with this case's values in the language drafted: folded away until asked for, so the
 * editor keeps its room. Values are text, a reporter's name holding markup shows as the characters it is.
 */
export const DraftVariables = memo(function DraftVariables({ variables, language }: { variables: Variables; language: Language }) {
  return (
    <details className="draft-variables">
      <summary>Variables for this case</summary>
      <table className="draft-variables-table">
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {variableList(variables, language).map((v) => (
            <tr key={v.name}>
              <td className="mono">{`{{ ${v.name} }}`}</td>
              <td>{v.value === '' ? <span className="muted">(empty)</span> : v.value}</td>
              <td className="small muted">{v.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
})
