import type { ControlProps } from '../forms/Field'
import { useSettings } from '../queries/settings'
import { usePolicies } from './usePolicies'

/**
 * The policy a case's deadlines are counted under. An empty value is the team's default, which the backend applies
 * when the case is created.
 */
export function PolicySelect({ value, onChange, ...control }: ControlProps & { value: string; onChange(policyId: string): void }) {
  const { policies } = usePolicies()
  const { settings } = useSettings()
  const defaultName = policies?.find((p) => p.id === settings?.defaultPolicyId)?.name
  const known = !value || policies === null || policies.some((p) => p.id === value)
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {!value && <option value="">{defaultName ? `Team default: ${defaultName}` : 'Team default'}</option>}
      {!known && <option value={value}>A policy that no longer exists</option>}
      {policies?.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  )
}
