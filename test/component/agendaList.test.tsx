import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { noAgendaFilter, type AgendaFilter } from '../../src/agenda/agendaFilter'
import type { CaseSummary } from '../../src/cases/summary'
import type { DeskApi } from '../../src/ipc/contract'
import type { TeamMember } from '../../src/settings/settings'
import { AgendaFilters } from '../../renderer/agenda/AgendaFilters'
import { AgendaList } from '../../renderer/agenda/AgendaList'
import type { AgendaItem } from '../../renderer/queries/agenda'
import { createDeskQueryClient } from '../../renderer/queries/queryClient'
import { deskPerTest, giveElementsTheListViewportSize, value } from './renderApp'

const desks = deskPerTest()
const team: TeamMember[] = [
  { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' },
  { id: 'm-bram', name: 'Bram de Vries', email: 'bram@example.org', removed: true },
]

// Tuesday 1 December 2026, in a team on Amsterdam's clock (the test desk's calendar: the Netherlands).
const today = '2026-12-01'
const teamZone = 'Europe/Amsterdam'

function summary(key: string, overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: `case-${key}`,
    key,
    title: `Title of ${key}`,
    reporterName: 'Ada Researcher',
    reporterEmail: 'ada@example.org',
    status: 'acknowledged',
    policyId: 'nl-cvd',
    tags: [],
    receivedAt: '2026-11-20T10:00:00+01:00',
    sample: false,
    ...overrides,
  }
}

/** An entry due by the end of `date` in Amsterdam (23:00 UTC in winter), of the case with that key. */
function item(key: string, date: string, entry: Partial<AgendaEntry> = {}, row: Partial<CaseSummary> = {}): AgendaItem {
  const kind = entry.kind ?? 'evaluation'
  return {
    uid: `case-${key}/${kind === 'publication' ? 'publication' : `rule-${kind}/1`}`,
    caseId: `case-${key}`,
    kind,
    ruleId: kind === 'publication' ? null : `rule-${kind}`,
    occurrence: 1,
    state: 'upcoming',
    date,
    at: `${date}T22:59:59.999Z`,
    zone: teamZone,
    ...entry,
    summary: summary(key, row),
  }
}

/** The list alone over a test desk (days off and the team come from it), with a case page to land on. */
async function renderList(props: { items: AgendaItem[]; from?: string; focusDay?: string; buckets?: Map<string, AgendaItem[]> }) {
  const { desk } = await desks.open()
  const settings = await value(desk.settings.get({}))
  await value(desk.settings.update({ settings: { ...settings, team }, base: settings }))
  window.desk = desk as DeskApi
  const user = userEvent.setup({ delay: null })
  render(
    <QueryClientProvider client={createDeskQueryClient()}>
      <MemoryRouter initialEntries={['/calendar?view=agenda']}>
        <Routes>
          <Route path="/calendar" element={<AgendaList from={props.from ?? today} focusDay={props.focusDay} teamZone={teamZone} today={today} items={props.items} buckets={props.buckets} />} />
          <Route path="/cases/:id/draft" element={<Landed />} />
          <Route path="/cases/:id" element={<Landed />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return { user }
}

function Landed() {
  const location = useLocation()
  return <h1>Landed on {location.pathname + location.search}</h1>
}

const headings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
const row = (name: string | RegExp) => screen.getByRole('article', { name })

describe('agenda list', { timeout: 20_000 }, () => {
  beforeAll(() => {
    giveElementsTheListViewportSize()
    // jsdom neither lays out nor scrolls: the list's content is as high as its canvas says, and scrollTo moves it
    // and reports the scroll, as the virtualizer expects of a browser.
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return Number.parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '') || 0
      },
    })
    HTMLElement.prototype.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number) {
      this.scrollTop = typeof options === 'object' ? (options.top ?? 0) : 0
      this.dispatchEvent(new Event('scroll'))
    } as HTMLElement['scrollTo']
  })

  it('shows what is overdue first, then each day from today with its name, and the holidays up to the last entry', async () => {
    await renderList({
      items: [
        item('VD-2026-004', '2027-01-04'),
        item('VD-2026-003', '2026-12-25', { kind: 'publication' }),
        item('VD-2026-002', '2026-12-02', { kind: 'acknowledgement' }),
        item('VD-2026-001', today, { state: 'due_today', kind: 'acknowledgement' }),
        item('VD-2026-007', '2026-11-27', { state: 'overdue' }),
      ],
    })

    // The holiday names come from the desk's Dutch calendar, after the entries are on screen.
    await screen.findByRole('heading', { name: /Christmas Day/ })
    expect(headings()).toEqual([
      'Overdue',
      'Today · Tuesday 1 December',
      'Tomorrow · Wednesday 2 December',
      'Friday 25 December · Christmas Day',
      'Saturday 26 December · Boxing Day',
      "Friday 1 January 2027 · New Year's Day",
      'Monday 4 January 2027',
    ])
    expect(screen.getByRole('heading', { name: /^Today/ })).toHaveAttribute('aria-current', 'date')
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'VD-2026-007 Evaluation, Overdue',
      'VD-2026-001 Acknowledgement, Due today',
      'VD-2026-002 Acknowledgement, Due this week',
      'VD-2026-003 Publication, Later',
      'VD-2026-004 Evaluation, Later',
    ])
  })

  it('an overdue row says when it was due, who has it and how severe it is, and offers its draft and its case', async () => {
    const { user } = await renderList({
      items: [
        item('VD-2026-007', '2026-11-27', { state: 'overdue' }, { assigneeId: 'm-ana', rating: 'critical', score: 9.8, title: 'SQL injection in login' }),
        item('VD-2026-008', '2026-12-03', {}, { assigneeId: 'm-bram' }),
        item('VD-2026-009', '2026-12-03', { kind: 'publication' }),
      ],
    })

    const overdue = row('VD-2026-007 Evaluation, Overdue')
    await within(overdue).findByText('Ana Silva')
    expect(within(overdue).getByText('Overdue')).toHaveClass('tone-pill', 'tone-overdue')
    expect(overdue).toHaveTextContent('Evaluation · was due Fri 27 Nov')
    expect(overdue).toHaveTextContent('SQL injection in login')
    expect(overdue).toHaveTextContent('9.8 Critical')
    expect(row('VD-2026-008 Evaluation, Due this week')).toHaveTextContent('Bram de Vries (removed)')
    expect(row('VD-2026-009 Publication, Due this week')).toHaveTextContent('Unassigned')
    expect(row('VD-2026-009 Publication, Due this week')).toHaveTextContent('Unrated')
    // A publication is published, not written: no draft to offer.
    expect(within(row('VD-2026-009 Publication, Due this week')).queryByRole('link', { name: /^Draft/ })).not.toBeInTheDocument()

    await user.click(within(overdue).getByRole('link', { name: 'Draft the evaluation for VD-2026-007' }))
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Landed on /cases/case-VD-2026-007/draft?deadline=rule-evaluation%3A1')
  })

  it('Open and the case key both open the case', async () => {
    const { user } = await renderList({ items: [item('VD-2026-010', '2026-12-04')] })
    const entry = row(/^VD-2026-010/)
    expect(within(entry).getByRole('link', { name: 'VD-2026-010' })).toHaveAttribute('href', '/cases/case-VD-2026-010')
    await user.click(within(entry).getByRole('link', { name: 'Open VD-2026-010' }))
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Landed on /cases/case-VD-2026-010')
  })

  it('a deadline counted on another clock sits on the team’s day its end falls in and says which clock', async () => {
    // Due by the end of Thu 3 Dec in New York: 05:59 on Fri 4 Dec in Amsterdam.
    await renderList({ items: [item('VD-2026-011', '2026-12-03', { zone: 'America/New_York', at: '2026-12-04T04:59:59.999Z' })] })
    expect(headings()).toEqual(['Today · Tuesday 1 December', 'Friday 4 December'])
    expect(row(/^VD-2026-011/)).toHaveTextContent('due by end of day in America/New_York')
  })

  it('a title is text, never markup', async () => {
    await renderList({ items: [item('VD-2026-012', '2026-12-04', {}, { title: '<img src=x onerror="alert(1)">Hi' })] })
    const entry = row(/^VD-2026-012/)
    expect(entry).toHaveTextContent('<img src=x onerror="alert(1)">Hi')
    expect(entry.querySelector('img')).toBeNull()
  })

  it('keeps what was met before the first day out of the way until "Show earlier entries" is pressed', async () => {
    const { user } = await renderList({
      items: [
        item('VD-2026-013', '2026-11-20', { state: 'met_on_time', kind: 'acknowledgement' }),
        item('VD-2026-013', '2026-11-24', { state: 'met_late' }),
        item('VD-2026-014', '2026-12-04'),
      ],
    })
    // Today has its heading even with nothing due: it is where a reader looks first.
    expect(headings()).toEqual(['Today · Tuesday 1 December', 'Friday 4 December'])
    expect(screen.getByRole('heading', { name: /^Today/ }).parentElement).toHaveTextContent('Nothing due')

    await user.click(screen.getByRole('button', { name: 'Show 2 earlier entries' }))

    expect(headings()).toEqual(['Friday 20 November', 'Tuesday 24 November', 'Today · Tuesday 1 December', 'Friday 4 December'])
    expect(row('VD-2026-013 Acknowledgement, Met')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /earlier/ })).not.toBeInTheDocument()
  })

  it('starts at a focused day far down a long list, the way "+N more" in the month opens it', async () => {
    const items = Array.from({ length: 120 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 11, 2 + Math.floor(i / 2))).toISOString().slice(0, 10)
      return item(`VD-2026-${String(100 + i)}`, date)
    })
    await renderList({ items, focusDay: '2027-01-20' })
    expect(await screen.findByRole('heading', { name: 'Wednesday 20 January 2027' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Wednesday 20 January 2027' }).parentElement).toHaveClass('agenda-day-focus')
    expect(screen.queryByRole('heading', { name: /^Today/ })).not.toBeInTheDocument()
  })

  it('takes the days the calendar already bucketed instead of sorting the entries again', async () => {
    const entry = item('VD-2026-015', '2026-12-03')
    await renderList({ items: [entry], buckets: new Map([['2026-12-04', [entry]]]) })
    expect(headings()).toEqual(['Today · Tuesday 1 December', 'Friday 4 December'])
    expect(row(/^VD-2026-015/)).toBeInTheDocument()
  })

  it('says so when nothing is due from the first day on', async () => {
    await renderList({ items: [] })
    expect(screen.getByText('Nothing is due from Tue 1 Dec on.')).toBeInTheDocument()
  })
})

/** The filters as the calendar holds them: its state, shown back as the address would. */
function FiltersHost({ me, initial = noAgendaFilter }: { me: string | null; initial?: AgendaFilter }) {
  const [filter, setFilter] = useState<AgendaFilter>(initial)
  return (
    <>
      <AgendaFilters value={filter} onChange={setFilter} policies={[{ id: 'nl-cvd', name: 'Dutch CVD guideline' }, { id: 'iso', name: 'ISO 29147' }]} team={team} me={me} />
      <output aria-label="Filter">{JSON.stringify(filter)}</output>
    </>
  )
}

const shown = () => JSON.parse(screen.getByRole('status', { name: 'Filter' }).textContent!) as AgendaFilter

describe('agenda filters', () => {
  it('offers everyone, mine, unassigned and each member, the severities, kinds and policies, and clears them at once', async () => {
    const user = userEvent.setup({ delay: null })
    render(<FiltersHost me="m-ana" />)

    const assignee = screen.getByLabelText('Assignee')
    expect(within(assignee).getAllByRole('option').map((o) => o.textContent)).toEqual(['Everyone', 'Mine', 'Unassigned', 'Ana Silva', 'Bram de Vries (removed)'])
    expect(within(screen.getByLabelText('Severity')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'All',
      'Critical',
      'High',
      'Medium',
      'Low',
      'None',
      'Unrated',
    ])
    expect(within(screen.getByLabelText('Kind')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'All deadlines',
      'Acknowledgement',
      'Evaluation',
      'Progress update',
      'Expected resolution',
      'Publication consultation',
      'Credit confirmation',
      'Reward decision',
      'Publication',
    ])
    expect(within(screen.getByLabelText('Policy')).getAllByRole('option').map((o) => o.textContent)).toEqual(['All', 'Dutch CVD guideline', 'ISO 29147'])
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()

    await user.selectOptions(assignee, 'Mine')
    await user.selectOptions(screen.getByLabelText('Severity'), 'Unrated')
    await user.selectOptions(screen.getByLabelText('Kind'), 'Publication')
    await user.selectOptions(screen.getByLabelText('Policy'), 'ISO 29147')
    expect(shown()).toEqual({ assignee: 'mine', severity: 'unrated', kind: 'publication', policy: 'iso' })

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(shown()).toEqual(noAgendaFilter)
    expect(assignee).toHaveValue('all')
  })

  it('with nobody chosen under "I am", Mine cannot be picked, and an address holding it says why nothing shows', () => {
    const { unmount } = render(<FiltersHost me={null} />)
    expect(within(screen.getByLabelText('Assignee')).getByRole('option', { name: 'Mine' })).toBeDisabled()
    unmount()

    render(<FiltersHost me={null} initial={{ ...noAgendaFilter, assignee: 'mine' }} />)
    expect(screen.getByLabelText('Assignee')).toHaveValue('mine')
    expect(screen.getByText('Nobody is chosen under “I am” in Settings, so no case is yours yet.')).toBeInTheDocument()
  })

  it('an address naming a member or policy that is gone keeps it selected under a plain name', () => {
    render(<FiltersHost me="m-ana" initial={{ ...noAgendaFilter, assignee: 'm-gone', policy: 'p-gone' }} />)
    expect(screen.getByLabelText('Assignee')).toHaveDisplayValue('A former member')
    expect(screen.getByLabelText('Policy')).toHaveDisplayValue('A removed policy')
  })
})
