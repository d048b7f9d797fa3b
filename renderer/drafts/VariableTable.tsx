import type { variableList } from '../../src/drafts/variables'

/**
 * Each variable with its value and what it means, for the draft screen and the template editor. Values are text: a
 * reporter's name holding markup shows as the characters it is.
 */
export function VariableTable({ rows, className }: { rows: ReturnType<typeof variableList>; className: string }) {
  return (
    <table className={className}>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.name}>
            <td className="mono nowrap">{`{{ ${v.name} }}`}</td>
            <td className="variable-value">{v.value === '' ? <span className="muted">(empty)</span> : v.value}</td>
            <td className="small muted">{v.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
