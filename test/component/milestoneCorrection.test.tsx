import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { milestoneLabels } from '../../src/i18n/labels'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

/** Received Thu 5 Mar 2026 14:10 in Amsterdam, under IKUU: acknowledge in 2 business days, evaluate 3 after that. */
async function openCase() {
  const { desk } = await desks.open()
  const kase = await value(desk.cases.create(caseInput({ policyId: 'ikuu' })))
  const { user } = renderApp(desk, `/cases/${kase.id}`)
  await screen.findByRole('heading', { level: 1, name: kase.title })
  return { desk, kase, user }
}

const timeline = () => screen.getByRole('list', { name: 'Timeline' })
const evaluationDue = async (desk: Awaited<ReturnType<typeof openCase>>['desk'], id: string) =>
  (await value(desk.deadlines.ofCase({ id }))).find((d) => d.due === 'evaluation')?.dueDate

describe('milestones are checked and correctable', { timeout: 20_000 }, () => {
  it('a milestone in the future or before the report arrived is refused at the field, before anything is sent', async () => {
    const { desk, kase, user } = await openCase()
    const happened = screen.getByLabelText('Happened on')

    fireEvent.change(happened, { target: { value: '2099-01-01T10:00' } })
    await user.click(screen.getByRole('button', { name: 'Record milestone' }))
    expect(happened).toHaveAccessibleDescription('This time is in the future; record a milestone once it has happened')

    fireEvent.change(happened, { target: { value: '2026-03-01T10:00' } })
    await user.click(screen.getByRole('button', { name: 'Record milestone' }))
    expect(happened).toHaveAccessibleDescription('This is before the report was received; enter a time on or after it')
    expect((await value(desk.cases.get({ id: kase.id }))).timeline).toHaveLength(1)
  })

  it('offers only what can happen next, and no separate “Credit confirmed”', async () => {
    const { desk, kase, user } = await openCase()
    const offered = () => within(screen.getByLabelText('Milestone')).queryAllByRole('option').map((o) => o.textContent)
    await waitFor(() => expect(offered()).toContain('Acknowledgement sent'))
    expect(offered()).not.toContain('Credit confirmed')
    expect(offered()).toEqual((await value(desk.cases.nextMilestones({ id: kase.id }))).map((m) => milestoneLabels.en[m]))

    await user.selectOptions(screen.getByLabelText('Milestone'), 'acknowledgement_sent')
    fireEvent.change(screen.getByLabelText('Happened on'), { target: { value: '2026-03-06T09:00' } })
    await user.click(screen.getByRole('button', { name: 'Record milestone' }))

    // Sent once, it counts: the picker no longer offers it.
    await waitFor(() => expect(offered()).not.toContain('Acknowledgement sent'))
    expect(screen.getByLabelText('Milestone')).toHaveAccessibleDescription(
      'Credit is confirmed by choosing the reporter’s credit on the case (Edit).',
    )
  })

  it('a wrong date is corrected on the timeline: the original stays, marked, the correction names both dates, and the deadlines follow', async () => {
    const { desk, kase, user } = await openCase()
    await user.selectOptions(await screen.findByLabelText('Milestone'), 'acknowledgement_sent')
    fireEvent.change(screen.getByLabelText('Happened on'), { target: { value: '2026-03-12T10:00' } })
    await user.click(screen.getByRole('button', { name: 'Record milestone' }))
    await waitFor(() => expect(timeline()).toHaveTextContent('Acknowledgement sent on Thu 12 Mar 11:00'))
    expect(await evaluationDue(desk, kase.id)).toBe('2026-03-17')

    await user.click(within(timeline()).getByRole('button', { name: 'Correct Acknowledgement sent' }))
    const form = screen.getByRole('form', { name: 'Correct Acknowledgement sent' })
    fireEvent.change(within(form).getByLabelText('Really happened on'), { target: { value: '2026-03-06T09:00' } })
    await user.type(within(form).getByLabelText(/Reason for the correction/), 'Sent the day after it came in')
    await user.click(within(form).getByRole('button', { name: 'Save correction' }))

    await waitFor(() =>
      expect(timeline()).toHaveTextContent('Corrected the date of ‘Acknowledgement sent’ from Thu 12 Mar 2026 11:00 to Fri 6 Mar 2026 10:00'),
    )
    expect(timeline()).toHaveTextContent('Reason: Sent the day after it came in')
    const original = within(timeline()).getByText('Acknowledgement sent').closest('li')!
    expect(within(original).getByText('Corrected')).toHaveClass('pill')
    expect(await evaluationDue(desk, kase.id)).toBe('2026-03-11')
  })

  it('a corrected date is checked by the same rule', async () => {
    const { user } = await openCase()
    await user.selectOptions(await screen.findByLabelText('Milestone'), 'acknowledgement_sent')
    fireEvent.change(screen.getByLabelText('Happened on'), { target: { value: '2026-03-06T09:00' } })
    await user.click(screen.getByRole('button', { name: 'Record milestone' }))
    await user.click(await within(timeline()).findByRole('button', { name: 'Correct Acknowledgement sent' }))
    const form = screen.getByRole('form', { name: 'Correct Acknowledgement sent' })

    fireEvent.change(within(form).getByLabelText('Really happened on'), { target: { value: '2026-03-04T09:00' } })
    await user.click(within(form).getByRole('button', { name: 'Save correction' }))

    expect(within(form).getByLabelText('Really happened on')).toHaveAccessibleDescription(
      'This is before the report was received; enter a time on or after it',
    )
  })

  it('a note is corrected by a new entry with the text as it should read; the original stays, marked', async () => {
    const { desk, kase, user } = await openCase()
    await value(desk.cases.addNote({ id: kase.id, text: 'Reporter uses Firefox' }))
    await within(timeline()).findByText('Reporter uses Firefox')

    await user.click(within(timeline()).getByRole('button', { name: 'Correct note' }))
    const form = screen.getByRole('form', { name: 'Correct note' })
    expect(within(form).getByLabelText('Note as it should read')).toHaveValue('Reporter uses Firefox')
    await user.clear(within(form).getByLabelText('Note as it should read'))
    await user.type(within(form).getByLabelText('Note as it should read'), 'Reporter uses Chromium')
    await user.click(within(form).getByRole('button', { name: 'Save correction' }))

    await waitFor(() => expect(timeline()).toHaveTextContent('Corrected a noteReporter uses Chromium'))
    const original = within(timeline()).getByText('Reporter uses Firefox').closest('li')!
    expect(within(original).getByText('Corrected')).toHaveClass('pill')
  })

  it('a withdrawn note stays on the timeline, struck through, with who withdrew it and why', async () => {
    const { desk, kase, user } = await openCase()
    await value(desk.cases.addNote({ id: kase.id, text: 'Called the reporter' }))
    await within(timeline()).findByText('Called the reporter')

    await user.click(within(timeline()).getByRole('button', { name: 'Withdraw note' }))
    const form = screen.getByRole('form', { name: 'Withdraw note' })
    await user.type(within(form).getByLabelText(/Reason for withdrawing/), 'Wrong case')
    await user.click(within(form).getByRole('button', { name: 'Withdraw' }))

    await waitFor(() => expect(timeline()).toHaveTextContent('Withdrew a note'))
    const note = within(timeline()).getByText('Called the reporter')
    expect(note.tagName).toBe('S')
    expect(within(note.closest('li')!).getByText('Withdrawn')).toBeInTheDocument()
    expect(timeline()).toHaveTextContent('Reason: Wrong case')
    expect(within(note.closest('li')!).queryByRole('button', { name: 'Withdraw note' })).not.toBeInTheDocument()
  })
})
