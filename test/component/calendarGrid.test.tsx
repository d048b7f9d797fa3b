import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AgendaRow } from '../../src/agenda/agendaEntry'
import type { Case } from '../../src/cases/case'
import type { DeskApi } from '../../src/ipc/contract'
import { calendarParams, calendarStateFrom, filteredAgenda, isoWeekNumber, periodLabel } from '../../renderer/agenda/calendarView'
import type { AgendaItem } from '../../renderer/queries/agenda'
import { caseInput, deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()

// The agenda view's list is virtualized: without a height it would draw no rows.
beforeAll(giveElementsTheListViewportSize)

// Mon 21 Dec 2026, 10:00 in Amsterdam (the default calendar's zone): Christmas falls in this week.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-21T09:00:00Z'))
})
afterEach(() => vi.useRealTimers())

/**
 * Five cases, and their calendar entries as agenda:list sends them, chosen so that every tone shows, one day holds
 * more than three entries and one entry was counted on another zone's clock.
 */
async function deskWithEntries(): Promise<{ desk: DeskApi; cases: Case[] }> {
  const { desk } = await desks.open()
  const settings = await value(desk.settings.get({}))
  await value(desk.settings.update({ settings: { ...settings, team: [{ id: 'm-1', name: 'Iris Jansen', email: 'iris@example.com' }] }, base: settings }))
  const cases: Case[] = []
  for (const title of ['Open redirect on login', 'SQL injection in search', 'Clickjacking', 'Weak TLS', 'Token leak']) {
    cases.push(await value(desk.cases.create(caseInput({ title, assigneeId: title === 'Open redirect on login' ? 'm-1' : undefined }))))
  }
  const [c1, c2, c3, c4, c5] = cases.map((c) => c.id) as [string, string, string, string, string]
  const ams = 'Europe/Amsterdam'
  const deadline = (caseId: string, kind: AgendaRow[2], state: AgendaRow[5], date: string): AgendaRow => [
    `${caseId}/${kind}/1`,
    caseId,
    kind,
    kind,
    1,
    state,
    date,
    `${date}T22:59:59.999Z`,
    ams,
  ]
  const rows: AgendaRow[] = [
    // Fri 18 Dec: five entries; met ones last, so the three shown are the overdue ones.
    deadline(c4, 'acknowledgement', 'met_on_time', '2026-12-18'),
    deadline(c1, 'acknowledgement', 'overdue', '2026-12-18'),
    deadline(c3, 'acknowledgement', 'met_late', '2026-12-18'),
    deadline(c2, 'evaluation', 'overdue', '2026-12-18'),
    deadline(c5, 'acknowledgement', 'overdue', '2026-12-18'),
    deadline(c3, 'evaluation', 'due_today', '2026-12-21'),
    deadline(c4, 'evaluation', 'upcoming', '2026-12-23'),
    deadline(c2, 'progress_update', 'paused', '2026-12-28'),
    deadline(c1, 'evaluation', 'upcoming', '2026-12-30'),
    // Proposed on the reporter's clock in New York: noon there on the 24th is 18:00 in Amsterdam, the same day.
    [`${c5}/publication`, c5, 'publication', null, 1, 'upcoming', '2026-12-24', '2026-12-24T17:00:00.000Z', 'America/New_York'],
  ]
  return { desk: { ...desk, agenda: { ...desk.agenda, list: async () => ({ ok: true as const, value: rows }) } }, cases }
}

const grid = () => screen.getByRole('grid')
const cell = (label: RegExp) => within(grid()).getByRole('gridcell', { name: label })
/** A chip's words: key, what is due (in full and short; the grid's width shows one), assignee initials. */
const chipText = (chip: HTMLElement) => [...chip.children].map((c) => c.textContent)
const chipsOf = (day: HTMLElement) => within(day).queryAllByRole('link').filter((l) => l.classList.contains('chip-open'))

describe('the calendar grid', { timeout: 20_000 }, () => {
  it('shows the month in weeks from Monday, today marked, days off shaded and named, and each day’s most urgent three chips', async () => {
    const { desk, cases } = await deskWithEntries()
    renderApp(desk, '/calendar')

    await waitFor(() => expect(grid()).toHaveAccessibleName('December 2026'))
    const weeks = within(grid()).getAllByRole('row').slice(1)
    // Mon 30 Nov to Sun 3 Jan.
    expect(weeks.map((w) => within(w).getAllByRole('gridcell')[0]!.dataset['day'])).toEqual([
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
    ])
    const today = cell(/^Mon 21 Dec 2026, today/)
    expect(today).toHaveAttribute('aria-current', 'date')
    expect(today).toHaveAttribute('aria-selected', 'true')
    expect(today).toHaveAttribute('tabindex', '0')

    await waitFor(() => expect(cell(/^Fri 25 Dec 2026/)).toHaveTextContent('Christmas Day'))
    expect(cell(/^Fri 25 Dec 2026/)).toHaveClass('day-off-holiday')
    expect(cell(/^Sat 19 Dec 2026/)).toHaveClass('day-off-weekend')
    expect(cell(/^Sat 19 Dec 2026/)).toHaveAccessibleName('Sat 19 Dec 2026, weekend, nothing due')
    expect(cell(/^Tue 22 Dec 2026/)).not.toHaveClass('day-off')
    expect(cell(/^Mon 30 Nov 2026/)).toHaveClass('day-other-month')

    const busy = cell(/^Fri 18 Dec 2026, 5 entries$/)
    const key = (i: number) => cases[i]!.key
    expect(chipsOf(busy).map((c) => c.getAttribute('aria-label'))).toEqual([
      `Overdue: ${key(0)}, Acknowledgement, Iris Jansen`,
      `Overdue: ${key(1)}, Evaluation, Unassigned`,
      `Overdue: ${key(4)}, Acknowledgement, Unassigned`,
    ])
    expect(within(busy).getByRole('button', { name: '+2 more' })).toBeInTheDocument()
    expect(chipText(chipsOf(busy)[0]!)).toEqual([key(0), 'Acknowledgement', 'Ack.', 'IJ'])

    expect(chipsOf(cell(/^Mon 21 Dec/))[0]).toHaveAccessibleName(`Due today: ${key(2)}, Evaluation, Unassigned`)
    expect(chipsOf(cell(/^Wed 23 Dec/))[0]).toHaveAccessibleName(`Due this week: ${key(3)}, Evaluation, Unassigned`)
    expect(chipsOf(cell(/^Mon 28 Dec/))[0]).toHaveAccessibleName(`Waiting for the reporter: ${key(1)}, Progress update, Unassigned`)
    expect(chipsOf(cell(/^Wed 30 Dec/))[0]).toHaveAccessibleName(`Later: ${key(0)}, Evaluation, Iris Jansen`)
    expect(chipsOf(cell(/^Thu 24 Dec/))[0]).toHaveAccessibleName(
      `Due this week: ${key(4)}, Publication, Unassigned, due by end of day in America/New_York`,
    )
  })

  it('opens the case from a chip, and offers the draft of the deadline beside it', async () => {
    const { desk, cases } = await deskWithEntries()
    const { user } = renderApp(desk, '/calendar')
    await waitFor(() => expect(chipsOf(cell(/^Wed 23 Dec/))).toHaveLength(1))

    const draft = within(cell(/^Wed 23 Dec/)).getByRole('link', { name: `Draft the evaluation for ${cases[3]!.key}` })
    expect(draft).toHaveAttribute('href', `/cases/${cases[3]!.id}/draft?deadline=evaluation%3A1`)
    // Kept promises and publications ask for no email.
    expect(within(cell(/^Thu 24 Dec/)).queryByRole('link', { name: /^Draft/ })).toBeNull()

    await user.click(chipsOf(cell(/^Wed 23 Dec/))[0]!)
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Weak TLS'))
  })

  it('moves the focused day with the arrows, Home and End, the month with Page Up and Page Down, and t back to today', async () => {
    const { desk } = await deskWithEntries()
    const { user } = renderApp(desk, '/calendar')
    await waitFor(() => expect(grid()).toHaveAccessibleName('December 2026'))
    const focused = () => document.activeElement as HTMLElement
    cell(/^Mon 21 Dec 2026/).focus()

    await user.keyboard('{ArrowRight}')
    await waitFor(() => expect(focused().dataset['day']).toBe('2026-12-22'))
    expect(focused()).toHaveAttribute('aria-selected', 'true')
    expect(cell(/^Mon 21 Dec 2026/)).toHaveAttribute('tabindex', '-1')
    await user.keyboard('{ArrowDown}')
    await waitFor(() => expect(focused().dataset['day']).toBe('2026-12-29'))
    await user.keyboard('{End}')
    await waitFor(() => expect(focused().dataset['day']).toBe('2027-01-03'))
    // A day of the next month in this grid moves the grid to that month.
    expect(grid()).toHaveAccessibleName('January 2027')
    await user.keyboard('{Home}')
    await waitFor(() => expect(focused().dataset['day']).toBe('2026-12-28'))
    expect(grid()).toHaveAccessibleName('December 2026')
    await user.keyboard('{PageDown}')
    await waitFor(() => expect(focused().dataset['day']).toBe('2027-01-28'))
    expect(screen.getByText('January 2027', { selector: '.period-label' })).toBeInTheDocument()
    await user.keyboard('{ArrowUp}{ArrowLeft}')
    await waitFor(() => expect(focused().dataset['day']).toBe('2027-01-20'))
    await user.keyboard('{PageUp}{PageUp}')
    await waitFor(() => expect(focused().dataset['day']).toBe('2026-11-20'))
    await user.keyboard('t')
    await waitFor(() => expect(focused().dataset['day']).toBe('2026-12-21'))
    expect(grid()).toHaveAccessibleName('December 2026')

    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Agenda' })).toHaveAttribute('aria-selected', 'true'))
    expect(screen.getByText('From Mon 21 Dec 2026')).toBeInTheDocument()

    // The view switch is one tab stop; the arrows choose the view.
    screen.getByRole('tab', { name: 'Agenda' }).focus()
    await user.keyboard('{ArrowLeft}')
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Month' })).toHaveAttribute('aria-selected', 'true'))
    expect(screen.getByRole('tab', { name: 'Month' })).toHaveFocus()
    expect(screen.getByRole('tab', { name: 'Week' })).toHaveAttribute('tabindex', '-1')
    await user.keyboard('{ArrowLeft}')
    await waitFor(() => expect(grid()).toHaveAccessibleName('Week 52 · 21 – 27 Dec 2026'))
  })

  it('reads the view, day and filter from the address, and steps a week in the week view', async () => {
    const { desk, cases } = await deskWithEntries()
    const { user } = renderApp(desk, '/calendar?view=week&day=2026-12-24&kind=evaluation')
    await waitFor(() => expect(grid()).toHaveAccessibleName('Week 52 · 21 – 27 Dec 2026'))
    expect(screen.getByRole('tab', { name: 'Week' })).toHaveAttribute('aria-selected', 'true')
    expect(cell(/^Thu 24 Dec 2026/)).toHaveAttribute('aria-selected', 'true')
    // Evaluations only: the publication on the 24th is filtered out.
    const shown = within(grid()).getAllByRole('link').filter((l) => l.classList.contains('chip-open'))
    expect(shown.map(chipText)).toEqual([
      [cases[2]!.key, 'Evaluation', 'Eval.'],
      [cases[3]!.key, 'Evaluation', 'Eval.'],
    ])
    expect(cell(/^Thu 24 Dec 2026/)).toHaveTextContent('Nothing due')
    expect(cell(/^Fri 25 Dec 2026/)).toHaveTextContent('Christmas Day')

    // The filters write to the address too: Assignee → Iris Jansen leaves only her case's evaluation.
    await user.selectOptions(screen.getByLabelText('Kind'), 'all')
    await waitFor(() => expect(within(cell(/^Thu 24 Dec 2026/)).getAllByRole('link')).toHaveLength(1))
    // The week has room to say in words that the publication was counted on the reporter's clock.
    expect(cell(/^Thu 24 Dec 2026/)).toHaveTextContent('due by end of day in America/New_York')
    await user.selectOptions(screen.getByLabelText('Assignee'), 'Iris Jansen')
    await waitFor(() => expect(within(grid()).queryAllByRole('link')).toHaveLength(0))
    expect(screen.queryByText('No deadline matches these filters.')).toBeNull()
    await user.selectOptions(screen.getByLabelText('Kind'), 'reward_decision')
    expect(await screen.findByText('No deadline matches these filters.')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Kind'), 'evaluation')

    await user.click(screen.getByRole('button', { name: 'Next week' }))
    await waitFor(() => expect(grid()).toHaveAccessibleName('Week 53 · 28 Dec 2026 – 3 Jan 2027'))
    expect(within(grid()).getAllByRole('link').filter((l) => l.classList.contains('chip-open')).map(chipText)).toEqual([
      [cases[0]!.key, 'Evaluation', 'Eval.', 'IJ'],
    ])
    await user.click(screen.getByRole('button', { name: 'Today' }))
    await waitFor(() => expect(grid()).toHaveAccessibleName('Week 52 · 21 – 27 Dec 2026'))
    expect(cell(/^Mon 21 Dec 2026/)).toHaveAttribute('aria-selected', 'true')
  })

  it('"+N more" opens that day in the agenda view', async () => {
    const { desk, cases } = await deskWithEntries()
    const { user } = renderApp(desk, '/calendar')
    await waitFor(() => expect(within(cell(/^Fri 18 Dec 2026/)).getByRole('button', { name: '+2 more' })).toBeInTheDocument())
    await user.click(within(cell(/^Fri 18 Dec 2026/)).getByRole('button', { name: '+2 more' }))
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Agenda' })).toHaveAttribute('aria-selected', 'true'))
    expect(screen.getByText('From Fri 18 Dec 2026')).toBeInTheDocument()
    // The agenda list starts at that day, so the two met entries the month left out are there.
    expect(await screen.findByRole('heading', { name: /Friday 18 December/ })).toBeInTheDocument()
    expect(screen.getByRole('article', { name: `${cases[3]!.key} Acknowledgement, Met` })).toBeInTheDocument()
  })
})

describe('the calendar’s address and periods', () => {
  it('leaves defaults out of the address and reads a broken day as today', () => {
    const state = calendarStateFrom(new URLSearchParams('view=week&day=2026-12-24&kind=evaluation&assignee=mine'))
    expect(state).toEqual({ view: 'week', day: '2026-12-24', filter: { assignee: 'mine', severity: 'all', kind: 'evaluation', policy: 'all' } })
    expect(calendarParams(state).toString()).toBe('assignee=mine&kind=evaluation&view=week&day=2026-12-24')
    expect(calendarParams({ ...state, view: 'month', day: null, filter: { ...state.filter, assignee: 'all', kind: 'all' } }).toString()).toBe('')
    expect(calendarStateFrom(new URLSearchParams('view=year&day=2026-02-31'))).toMatchObject({ view: 'month', day: null })
  })

  it('numbers ISO weeks across the year end and writes each period', () => {
    expect(isoWeekNumber('2026-12-31')).toBe(53)
    expect(isoWeekNumber('2027-01-03')).toBe(53)
    expect(isoWeekNumber('2027-01-04')).toBe(1)
    expect(isoWeekNumber('2024-12-30')).toBe(1)
    expect(periodLabel('week', '2026-12-02')).toBe('Week 49 · 30 Nov – 6 Dec 2026')
    expect(periodLabel('week', '2027-01-01')).toBe('Week 53 · 28 Dec 2026 – 3 Jan 2027')
    expect(periodLabel('month', '2026-12-31')).toBe('December 2026')
    expect(periodLabel('agenda', '2026-12-01')).toBe('From Tue 1 Dec 2026')
  })

  it('filters and buckets a loaded list once per filter, person and zone', () => {
    const summary = { key: 'VD-2026-001', assigneeId: 'm-1', policyId: 'p' } as AgendaItem['summary']
    const item = (uid: string, kind: AgendaItem['kind'], date: string): AgendaItem => ({
      uid,
      caseId: 'c',
      kind,
      ruleId: kind,
      occurrence: 1,
      state: 'upcoming',
      date,
      at: `${date}T22:59:59.999Z`,
      zone: 'Europe/Amsterdam',
      summary,
    })
    const items = [item('a', 'evaluation', '2026-12-22'), item('b', 'acknowledgement', '2026-12-22')]
    const all = calendarStateFrom(new URLSearchParams()).filter
    const first = filteredAgenda(items, all, null, 'Europe/Amsterdam')
    expect(first.buckets.get('2026-12-22')!.map((e) => e.uid)).toEqual(['a', 'b'])
    expect(filteredAgenda(items, { ...all }, null, 'Europe/Amsterdam')).toBe(first)
    const evaluations = filteredAgenda(items, { ...all, kind: 'evaluation' }, null, 'Europe/Amsterdam')
    expect(evaluations.filtered.map((e) => e.uid)).toEqual(['a'])
    expect(filteredAgenda(items, { ...all, assignee: 'mine' }, 'm-1', 'Europe/Amsterdam').filtered).toHaveLength(2)
    expect(filteredAgenda([...items], all, null, 'Europe/Amsterdam')).not.toBe(first)
  })
})
