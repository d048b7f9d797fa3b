import { AgendaKind } from '../../src/agenda/agendaEntry'
import { noAgendaFilter, type AgendaFilter } from '../../src/agenda/agendaFilter'
import { agendaKindLabel } from '../../src/i18n/agendaText'
import type { Policy } from '../../src/policies/policy'
import type { TeamMember } from '../../src/settings/settings'
import { SeverityOptions } from '../forms/SeverityOptions'
import { FilterSelect } from '../forms/FilterSelect'
import { memberLabel } from '../settings/members'
import './agendaList.css'

const isFiltered = (f: AgendaFilter) => (Object.keys(noAgendaFilter) as (keyof AgendaFilter)[]).some((k) => f[k] !== noAgendaFilter[k])

/**
 * The calendar's filters: whose cases, how severe, which kind of deadline, which policy. Controlled: the calendar
 * keeps the value in its address, so back and reload show the same entries.
 */
export function AgendaFilters({
  value,
  onChange,
  policies,
  team,
  me,
}: {
  value: AgendaFilter
  onChange(f: AgendaFilter): void
  policies: readonly Pick<Policy, 'id' | 'name'>[]
  /** Everyone, removed members too: their cases still show under their name. */
  team: readonly TeamMember[]
  /** The member chosen under "I am" on this computer; null for nobody. */
  me: string | null
}) {
  const set = (change: Partial<AgendaFilter>) => onChange({ ...value, ...change })
  // An address can name a member or policy that is gone; it stays selectable so the select does not show another.
  const unknownMember = !['all', 'mine', 'unassigned'].includes(value.assignee) && !team.some((m) => m.id === value.assignee)
  const unknownPolicy = value.policy !== 'all' && !policies.some((p) => p.id === value.policy)
  return (
    <div className="agenda-filters" role="group" aria-label="Filters">
      <FilterSelect label="Assignee" value={value.assignee} onChange={(assignee) => set({ assignee })}>
        <option value="all">Everyone</option>
        <option value="mine" disabled={me === null && value.assignee !== 'mine'}>
          Mine
        </option>
        <option value="unassigned">Unassigned</option>
        {team.map((m) => (
          <option key={m.id} value={m.id}>
            {memberLabel(m)}
          </option>
        ))}
        {unknownMember && <option value={value.assignee}>A former member</option>}
      </FilterSelect>
      <FilterSelect label="Severity" value={value.severity} onChange={(severity) => set({ severity: severity as AgendaFilter['severity'] })}>
        <SeverityOptions all="all" />
      </FilterSelect>
      <FilterSelect label="Kind" value={value.kind} onChange={(kind) => set({ kind: kind as AgendaFilter['kind'] })}>
        <option value="all">All deadlines</option>
        {AgendaKind.options.map((k) => (
          <option key={k} value={k}>
            {agendaKindLabel(k, 'en')}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Policy" value={value.policy} onChange={(policy) => set({ policy })}>
        <option value="all">All</option>
        {policies.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        {unknownPolicy && <option value={value.policy}>A removed policy</option>}
      </FilterSelect>
      {isFiltered(value) && (
        <button type="button" className="button button-quiet" onClick={() => onChange(noAgendaFilter)}>
          Clear filters
        </button>
      )}
      {value.assignee === 'mine' && me === null && (
        <p className="field-hint agenda-filter-note" role="status">
          Nobody is chosen under “I am” in Settings, so no case is yours yet.
        </p>
      )}
    </div>
  )
}
