import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { caseInput, deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()
afterEach(() => {
  vi.useRealTimers()
})

// Fri 18 Dec 2026 16:10 in Amsterdam: the weekend and then Christmas follow.
const friday = new Date('2026-12-18T15:10:00Z')

async function deskOnFriday() {
  return (await desks.open({ now: () => friday })).desk
}

const fridayReport = caseInput({
  title: 'Token leak in the build logs',
  received: { at: '2026-12-18T16:10:00+01:00', timeZone: 'America/New_York' },
  policyId: 'ikuu',
})

const deadline = (name: string) => within(screen.getByRole('list', { name: 'Deadlines' })).getByRole('listitem', { name })
// The case, then its deadlines, come from the desk one after the other; on a busy machine that can take seconds.
const slow = { timeout: 8_000 }

describe('deadlines on the case', { timeout: 20_000 }, () => {
  it('a report received Fri 18 Dec 16:10 under IKUU is to be acknowledged by Tue 22 Dec, with the weekend skipped', async () => {
    const desk = await deskOnFriday()
    const kase = await value(desk.cases.create(fridayReport))
    renderApp(desk, `/cases/${kase.id}`)

    const ack = await waitFor(() => deadline('Acknowledge receipt'), slow)
    expect(within(ack).getByText('Upcoming')).toBeInTheDocument()
    expect(within(ack).getByText('Tue 22 Dec 2026 23:59 (Europe/Amsterdam)')).toBeInTheDocument()
    expect(within(ack).getByText('Tue 22 Dec 2026 17:59 (America/New_York)')).toBeInTheDocument()
    expect(
      within(ack).getByText('Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec'),
    ).toBeInTheDocument()
    expect(ack.querySelector('blockquote')?.textContent).toBe('Our Information Desk will confirm receipt within two business days.')
    expect(within(ack).queryByText('Our reading:')).toBeNull()

    const evaluation = deadline('Send evaluation')
    expect(within(evaluation).getByText('Waiting')).toBeInTheDocument()
    expect(within(evaluation).getByText('Not counting yet')).toBeInTheDocument()
    expect(within(evaluation).getByText('Waits for Acknowledgement sent → then 3 business days')).toBeInTheDocument()
    expect(evaluation.querySelector('.deadline-reading')?.textContent).toBe(
      'Our reading: "Three days" does not say which days. Read as business days, like the two business days of the sentence before; ' +
        'switch to calendar days for the strict reading. Counted in calendar days, a last day on a weekend or holiday moves to the next ' +
        'business day, as the Dutch General Time Limits Act (Algemene termijnenwet) does.',
    )
    expect(within(deadline('Send progress update #1')).getByText('Waiting')).toBeInTheDocument()
    expect(within(deadline('Confirm credit')).getByText('No time limit — before Published')).toBeInTheDocument()
    // The country's name comes with the place list, which may arrive after the deadlines.
    await waitFor(() =>
      expect(screen.getByText('Counted on').closest('p')?.textContent).toBe(
        'Counted on Netherlands · Public holidays · Mon–Fri · 2 holiday overrides · Europe/Amsterdam · day ends 17:00',
      ),
    )
  })

  it('recording the acknowledgement meets that deadline and starts the evaluation count', async () => {
    // At 16:40 in Amsterdam, on the page's clock and the desk's: a milestone may not be recorded ahead of the clock.
    const later = new Date('2026-12-18T15:40:00Z')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(later)
    const { desk } = await desks.open({ now: () => later })
    const kase = await value(desk.cases.create(fridayReport))
    const { user } = renderApp(desk, `/cases/${kase.id}`)
    await waitFor(() => deadline('Acknowledge receipt'), slow)

    // The recorder reads the wall clock of this computer's zone; this instant is Fri 18 Dec 16:30 in Amsterdam.
    const instant = new Date('2026-12-18T15:30:00Z')
    const wall = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    fireEvent.change(screen.getByLabelText('Happened on'), { target: { value: wall } })
    await user.click(screen.getByRole('button', { name: 'Record milestone' }))

    await waitFor(() => expect(within(deadline('Acknowledge receipt')).getByText('Met on time')).toBeInTheDocument(), slow)
    expect(within(deadline('Acknowledge receipt')).getByText('Fri 18 Dec 2026 16:30 (Europe/Amsterdam)')).toBeInTheDocument()
    const evaluation = deadline('Send evaluation')
    expect(within(evaluation).getByText('Upcoming')).toBeInTheDocument()
    expect(within(evaluation).getByText('Wed 23 Dec 2026 23:59 (Europe/Amsterdam)')).toBeInTheDocument()
    expect(
      within(evaluation).getByText(
        'Acknowledgement sent Fri 18 Dec 16:30 → 3 business days → skipped Sat–Sun 19–20 Dec → due Wed 23 Dec',
      ),
    ).toBeInTheDocument()
  })

  it('a case pinned to an older calendar offers to re-pin, and re-pins only after confirmation', async () => {
    const desk = await deskOnFriday()
    const kase = await value(desk.cases.create(fridayReport))
    const settings = await value(desk.settings.get({}))
    await value(desk.settings.update({ settings: { ...settings, calendar: { ...settings.calendar, spec: { ...settings.calendar.spec, closures: ['2026-12-21'] } } }, base: settings }))
    const { user } = renderApp(desk, `/cases/${kase.id}`)
    await waitFor(() => deadline('Acknowledge receipt'), slow)

    await user.click(screen.getByRole('button', { name: 'Re-pin to current calendar settings…' }))
    const confirm = screen.getByRole('group', { name: 'Re-pin calendar' })
    expect(confirm.textContent).toContain('Promised dates may move')
    expect((await value(desk.cases.get({ id: kase.id }))).calendar.spec.closures).toEqual([])

    await user.click(within(confirm).getByRole('button', { name: 'Re-pin calendar' }))

    // Mon 21 Dec is now a closure, so the two business days end on Wed 23 Dec.
    await waitFor(() =>
      expect(within(deadline('Acknowledge receipt')).getByText('Wed 23 Dec 2026 23:59 (Europe/Amsterdam)')).toBeInTheDocument(),
    )
    expect((await value(desk.cases.get({ id: kase.id }))).calendar.spec.closures).toEqual(['2026-12-21'])
    expect(screen.queryByRole('button', { name: 'Re-pin to current calendar settings…' })).toBeNull()
  })
})

describe('next deadline in the case list', { timeout: 20_000 }, () => {
  it('shows each case’s most urgent deadline, and sorts overdue cases first', async () => {
    giveElementsTheListViewportSize()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(friday)
    const desk = await deskOnFriday()
    await value(desk.cases.create(fridayReport))
    await value(
      desk.cases.create(
        caseInput({ title: 'Old unanswered report', received: { at: '2026-11-02T09:00:00+01:00', timeZone: 'Europe/Amsterdam' } }),
      ),
    )
    const { user } = renderApp(desk)

    const row = (title: string) => screen.getByRole('row', { name: new RegExp(title) })
    await waitFor(() => expect(within(row('Token leak')).getByText('In 4 days')).toBeInTheDocument())
    // AIMMS: evaluation within 15 business days of Mon 2 Nov is Mon 23 Nov.
    expect(within(row('Old unanswered report')).getByText('Overdue · Mon 23 Nov')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: /Next deadline/ }))
    const titles = () =>
      within(screen.getByRole('table', { name: 'Cases' }))
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getByRole('link').textContent)
    expect(titles()).toEqual(['Old unanswered report', 'Token leak in the build logs'])
    await user.click(screen.getByRole('button', { name: /Next deadline/ }))
    expect(titles()).toEqual(['Token leak in the build logs', 'Old unanswered report'])
  })
})
