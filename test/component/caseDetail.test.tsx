import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { CaseInput } from '../../src/cases/case'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'
import { createTestDesk } from '../support/testDesk'

const desks = deskPerTest()

async function openCase(input: Partial<CaseInput> = {}, options?: Parameters<typeof desks.open>[0]) {
  const testDesk = await desks.open(options)
  const { desk } = testDesk
  const kase = await value(desk.cases.create(caseInput(input)))
  const { user } = renderApp(desk, `/cases/${kase.id}`)
  await screen.findByRole('heading', { level: 1, name: kase.title })
  return { testDesk, desk, kase, user }
}

const moveButtons = () => screen.queryAllByRole('button', { name: /^Move to / }).map((b) => b.textContent)
const timelineText = () => screen.getByRole('list', { name: 'Timeline' }).textContent

// jsdom re-renders on every simulated keystroke: slow, so the limit is generous; speed is measured elsewhere.
describe('case detail', { timeout: 20_000 }, () => {
  it('shows report text that contains HTML literally, in a <pre>, without creating an <img>', async () => {
    const hostile = 'Steps:\n<img src=x onerror=alert(1)>\n<script>alert(2)</script>'
    await openCase({ reportText: hostile })

    const pre = screen.getByText((_, element) => element?.tagName === 'PRE' && element.textContent === hostile)
    expect(pre.tagName).toBe('PRE')
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('script')).toBeNull()
  })

  it('offers only the transitions the lifecycle allows from the current status', async () => {
    const { user } = await openCase()
    expect(moveButtons()).toEqual(['Move to Acknowledged', 'Move to Needs info', 'Move to Evaluating'])
    expect(screen.getByRole('button', { name: 'Close case…' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Move to Evaluating' }))

    await waitFor(() => expect(moveButtons()).toEqual(['Move to Needs info', 'Move to Accepted / fixing']))
    expect(within(screen.getByRole('region', { name: 'Status' })).getByText('Evaluating')).toBeInTheDocument()
    expect(timelineText()).toContain('Moved from Received to Evaluating')
  })

  it('closing as a duplicate requires the original case, then records it by key', async () => {
    const { desk } = await desks.open()
    const original = await value(desk.cases.create(caseInput({ title: 'Original report' })))
    const duplicate = await value(desk.cases.create(caseInput({ title: 'Same bug again' })))
    const transition = vi.spyOn(desk.cases, 'transition')
    const { user } = renderApp(desk, `/cases/${duplicate.id}`)
    await screen.findByRole('heading', { level: 1, name: 'Same bug again' })

    await user.click(screen.getByRole('button', { name: 'Close case…' }))
    expect(screen.getByLabelText('Closing reason')).toHaveValue('duplicate')
    expect(within(screen.getByLabelText('Closing reason')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Duplicate',
      'Out of scope',
      'Not applicable',
      'Informative',
      'Spam',
      'Withdrawn',
    ])
    await user.click(screen.getByRole('button', { name: 'Close case' }))

    expect(screen.getByLabelText('Original case')).toHaveAccessibleDescription(
      'The key of the case this one duplicates Name the original case this one duplicates, e.g. VD-2026-004',
    )
    expect(transition).not.toHaveBeenCalled()

    await user.type(screen.getByLabelText('Original case'), 'VD-2026-099')
    await user.click(screen.getByRole('button', { name: 'Close case' }))
    expect(screen.getByLabelText('Original case')).toHaveAccessibleDescription(/There is no case VD-2026-099/)
    expect(transition).not.toHaveBeenCalled()

    await user.clear(screen.getByLabelText('Original case'))
    await user.type(screen.getByLabelText('Original case'), original.key.toLowerCase())
    await user.click(screen.getByRole('button', { name: 'Close case' }))
    // The acknowledgement was still open: closing asks first.
    const dialog = await screen.findByRole('dialog', { name: 'Close with promises still open?' })
    expect(within(dialog).getByRole('region', { name: 'Closing now makes these not applicable' })).toHaveTextContent('Send evaluation')
    await user.click(within(dialog).getByRole('button', { name: 'Close anyway' }))

    await waitFor(() => expect(timelineText()).toContain('Moved from Received to Closed (Duplicate of VD-2026-001)'))
    expect(transition).toHaveBeenCalledWith({
      id: duplicate.id,
      revision: 1,
      transition: { to: 'closed', closingReason: 'duplicate', duplicateOf: 'VD-2026-001' },
      acceptOpenPromises: true,
    })
    expect(moveButtons()).toEqual(['Move to Evaluating'])
    expect(screen.queryByRole('button', { name: 'Close case…' })).not.toBeInTheDocument()
  })

  it('adds an internal note to the timeline and empties the note field', async () => {
    const { user } = await openCase()
    await user.type(screen.getByLabelText('Internal note'), 'Reproduced on staging; <b>not</b> on prod.')

    await user.click(screen.getByRole('button', { name: 'Add note' }))

    await waitFor(() => expect(timelineText()).toContain('Reproduced on staging; <b>not</b> on prod.'))
    expect(screen.getByLabelText('Internal note')).toHaveValue('')
    expect(document.querySelector('b')).toBeNull()
  })

  it('an empty note is refused at the field', async () => {
    const { desk, user } = await openCase()
    const addNote = vi.spyOn(desk.cases, 'addNote')
    await user.click(screen.getByRole('button', { name: 'Add note' }))
    expect(screen.getByLabelText('Internal note')).toHaveAccessibleDescription('Only your team sees notes. Write a note first')
    expect(addNote).not.toHaveBeenCalled()
  })

  it('records a milestone with the date and time it happened', async () => {
    const { desk, kase, user } = await openCase()
    await user.selectOptions(screen.getByLabelText('Milestone'), 'acknowledgement_sent')
    fireEvent.change(screen.getByLabelText('Happened on'), { target: { value: '2026-03-06T09:30' } })

    await user.click(screen.getByRole('button', { name: 'Record milestone' }))

    await waitFor(() => expect(timelineText()).toContain('Acknowledgement sent on'))
    const stored = await value(desk.cases.get({ id: kase.id }))
    const event = stored.timeline.find((e) => e.type === 'milestone')!
    expect(event.type === 'milestone' && [event.milestone, new Date(event.on).getTime()]).toEqual([
      'acknowledgement_sent',
      // The form reads the time on this computer's clock.
      new Date(2026, 2, 6, 9, 30).getTime(),
    ])
  })

  it('saves only the changed fields with the revision it started from', async () => {
    const { desk, kase, user } = await openCase({ tags: ['portal'] })
    const update = vi.spyOn(desk.cases, 'update')
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.clear(screen.getByLabelText('Title'))
    await user.type(screen.getByLabelText('Title'), 'Stored XSS in ticket subjects')
    await user.type(screen.getByLabelText(/Tags/), ', xss')
    await user.selectOptions(screen.getByLabelText('Credit choice'), 'handle')

    await user.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { level: 1, name: 'Stored XSS in ticket subjects' }, { timeout: 5000 })
    expect(update).toHaveBeenCalledWith({
      id: kase.id,
      revision: 1,
      patch: {
        title: 'Stored XSS in ticket subjects',
        tags: ['portal', 'xss'],
        credit: { choice: 'handle', cveCreditType: 'finder' },
      },
    })
    expect(timelineText()).toContain('Changed the title from Stored XSS in the support portal to Stored XSS in ticket subjects')
    // Values by name, never the stored code.
    expect(timelineText()).toContain('Changed the credit from Not yet asked to By handle')
  })

  it('a received time in the future is refused at its field, by the backend’s own rule, before anything is sent', async () => {
    const { desk, user } = await openCase()
    const update = vi.spyOn(desk.cases, 'update')
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    fireEvent.change(screen.getByLabelText('Received'), { target: { value: '2099-01-01T10:00' } })

    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(screen.getByLabelText('Received')).toHaveAccessibleDescription(/The report cannot have arrived in the future; enter when it came in/)
    expect(screen.getByRole('alert')).toHaveTextContent('The changes were not saved. Check: Received.')
    expect(update).not.toHaveBeenCalled()
  })

  it('leaving the edit form with unsaved changes asks first, naming the case', async () => {
    const { kase, user } = await openCase()
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.type(screen.getByLabelText('Title'), ' (again)')

    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Cases' }))

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' })
    expect(dialog).toHaveTextContent(`Your changes to ${kase.key} will be lost.`)
    await user.click(within(dialog).getByRole('button', { name: 'Leave' }))
    await screen.findByRole('heading', { level: 1, name: 'Cases' })
  })

  it('a half-typed note, milestone comment or correction is not lost silently: leaving asks first, Stay keeps it', async () => {
    const { desk, kase, user } = await openCase()
    const leave = () => user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Cases' }))
    const askAndStay = async () => {
      const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' })
      expect(dialog).toHaveTextContent(`Your changes to ${kase.key} will be lost.`)
      await user.click(within(dialog).getByRole('button', { name: 'Stay' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    }

    await user.type(screen.getByLabelText('Internal note'), 'Asked the reporter for a video')
    await leave()
    await askAndStay()
    expect(screen.getByLabelText('Internal note')).toHaveValue('Asked the reporter for a video')
    await user.clear(screen.getByLabelText('Internal note'))

    await user.type(screen.getByLabelText(/Milestone comment/), 'Sent by phone')
    await leave()
    await askAndStay()
    expect(screen.getByLabelText(/Milestone comment/)).toHaveValue('Sent by phone')
    await user.clear(screen.getByLabelText(/Milestone comment/))

    await value(desk.cases.addNote({ id: kase.id, text: 'Reporter uses Firefox' }))
    const timeline = screen.getByRole('list', { name: 'Timeline' })
    await user.click(await within(timeline).findByRole('button', { name: 'Correct note' }))
    const form = screen.getByRole('form', { name: 'Correct note' })
    await user.type(within(form).getByLabelText('Note as it should read'), ' 128')
    await leave()
    await askAndStay()
    expect(within(form).getByLabelText('Note as it should read')).toHaveValue('Reporter uses Firefox 128')

    // Closing the correction drops its input, and with nothing unsaved the screen is left without a question.
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    await leave()
    await screen.findByRole('heading', { level: 1, name: 'Cases' })
  })

  it('opening the edit form keeps a half-typed note, milestone comment and correction: they are there again after it', async () => {
    const { desk, kase, user } = await openCase()
    await value(desk.cases.addNote({ id: kase.id, text: 'Reporter uses Firefox' }))
    const timeline = screen.getByRole('list', { name: 'Timeline' })
    await user.click(await within(timeline).findByRole('button', { name: 'Correct note' }))
    await user.type(screen.getByLabelText('Note as it should read'), ' 128')
    await user.type(screen.getByLabelText('Internal note'), 'Asked the reporter for a video')
    await user.type(screen.getByLabelText(/Milestone comment/), 'Sent by phone')

    await user.click(screen.getByRole('button', { name: 'Edit' }))
    // While the edit form is open (nothing changed in it) the typed text still counts: leaving asks.
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Cases' }))
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' })
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    expect(screen.queryByRole('form', { name: 'Edit case' })).not.toBeInTheDocument()
    expect(screen.getByLabelText('Internal note')).toHaveValue('Asked the reporter for a video')
    expect(screen.getByLabelText(/Milestone comment/)).toHaveValue('Sent by phone')
    expect(screen.getByLabelText('Note as it should read')).toHaveValue('Reporter uses Firefox 128')
  })

  it('puts an edit that conflicts with a colleague’s save next to theirs, keeps the edits, and saves both changes', async () => {
    const { desk, kase, user } = await openCase()
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.clear(screen.getByLabelText('Title'))
    await user.type(screen.getByLabelText('Title'), 'My new title')
    // A colleague saves while the form is open.
    await value(desk.cases.update({ id: kase.id, revision: kase.revision, patch: { asset: 'portal v2' } }))

    await user.click(screen.getByRole('button', { name: 'Save' }))

    const conflict = await screen.findByRole('form', { name: 'Someone changed this case while you were editing it' })
    expect(conflict).toHaveTextContent('None of the fields you changed was changed by them')
    expect(screen.getByLabelText('Title', { selector: 'input' })).toHaveValue('My new title')

    await user.click(within(conflict).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('My new title'))
    expect(within(screen.getByRole('region', { name: 'Details' })).getByText('portal v2')).toBeInTheDocument()
  })

  it('a status change that conflicts with a colleague’s save not seen here yet is not applied and offers a reload', async () => {
    // This app's store does not watch the file, so the screen still shows the case as it was before the colleague's
    // save (as it would in the second before the watch notices); an own-desk change would reach the screen at once.
    const { testDesk, desk, kase, user } = await openCase({}, { watch: false })
    const colleague = await createTestDesk({ file: testDesk.file, watch: false })
    desks.afterTest(() => colleague.dispose())
    await value(colleague.desk.cases.transition({ id: kase.id, revision: kase.revision, transition: { to: 'needs_info' } }))

    await user.click(screen.getByRole('button', { name: 'Move to Acknowledged' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this case')
    await user.click(screen.getByRole('button', { name: 'Reload case' }))
    await waitFor(() => expect(moveButtons()).toEqual(['Move to Acknowledged', 'Move to Evaluating']))
    expect((await value(desk.cases.get({ id: kase.id }))).status).toBe('needs_info')
  })

  it('a case whose policy is gone shows that in its deadlines card, and the rest of the case still works', async () => {
    const { desk: first } = await desks.open()
    const made = await value(first.cases.create(caseInput({ title: 'Policy since deleted' })))
    const { desk } = await desks.open({ cases: [{ ...made, policyId: 'deleted-policy' }] })
    const { user } = renderApp(desk, `/cases/${made.id}`)
    await screen.findByRole('heading', { level: 1, name: 'Policy since deleted' })

    const card = screen.getByRole('region', { name: 'Deadlines' })
    await waitFor(() =>
      expect(within(card).getByRole('alert')).toHaveTextContent(
        'These deadlines cannot be counted: the case’s policy no longer exists. Edit the case and choose another policy.',
      ),
    )
    expect(document.body.textContent).not.toContain('deleted-policy')
    await user.type(screen.getByLabelText('Internal note'), 'Still works')
    await user.click(screen.getByRole('button', { name: 'Add note' }))
    await waitFor(() => expect(timelineText()).toContain('Still works'))
  })

  it('opens the reporter’s email address through the desk, which asks before leaving the app', async () => {
    const { testDesk, user } = await openCase()
    await user.click(screen.getByRole('link', { name: 'ada@example.org' }))
    await waitFor(() => expect(testDesk.openedLinks).toEqual(['mailto:ada@example.org']))
  })

  it('shows a failed call in the message area until it is dismissed', async () => {
    const { desk, user } = await openCase()
    desk.cases.addNote = async () => ({
      ok: false,
      error: { code: 'store_unavailable', message: 'Could not save to /tmp/x.json (EACCES). Your change was not saved.', issues: [] },
    })
    await user.type(screen.getByLabelText('Internal note'), 'Keep me')
    await user.click(screen.getByRole('button', { name: 'Add note' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save to /tmp/x.json (EACCES). Your change was not saved.')
    expect(screen.getByLabelText('Internal note')).toHaveValue('Keep me')
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
