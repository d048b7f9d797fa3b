import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DeskApi } from '../../src/ipc/contract'
import { createTestDesk } from '../support/testDesk'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

/**
 * This app on a case, and a colleague's app on the same store file acting as `colleagueName`. The colleague's saves
 * reach this app through the file watch, as in the app; the edit form saves on the revision it started from.
 */
async function twoApps(colleagueName = 'Ben Okafor') {
  const testDesk = await desks.open()
  const { desk } = testDesk
  const settings = await value(desk.settings.get({}))
  await value(
    desk.settings.update({
      settings: {
        ...settings,
        team: [
          { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' },
          { id: 'm-ben', name: colleagueName, email: 'ben@example.org' },
        ],
      },
      base: settings,
    }),
  )
  await value(desk.identity.set({ memberId: 'm-ana' }))
  const kase = await value(desk.cases.create(caseInput()))
  const colleague = await createTestDesk({ file: testDesk.file })
  desks.afterTest(() => colleague.dispose())
  await value(colleague.desk.identity.set({ memberId: 'm-ben' }))
  const { user } = renderApp(desk, `/cases/${kase.id}`)
  await screen.findByRole('heading', { level: 1, name: kase.title })
  /** The colleague saves `patch` on the case as it stands in the file now. */
  const colleagueSaves = async (patch: Parameters<DeskApi['cases']['update']>[0]['patch']) => {
    const now = await value(colleague.desk.cases.get({ id: kase.id }))
    return value(colleague.desk.cases.update({ id: kase.id, revision: now.revision, patch }))
  }
  return { desk, kase, user, colleague: colleague.desk, colleagueSaves }
}

const conflictForm = () => screen.getByRole('form', { name: /changed this case while you were editing it/ })
const part = (label: string) => within(conflictForm()).getByRole('group', { name: label })

describe('a save that meets a colleague’s save of the same case', { timeout: 30_000 }, () => {
  it('shows yours and theirs for the field both changed, asks, and saves the choice with their other change kept', async () => {
    const { desk, kase, user, colleagueSaves } = await twoApps()
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.clear(screen.getByLabelText('Title'))
    await user.type(screen.getByLabelText('Title'), 'Stored XSS (Ana)')
    await user.clear(screen.getByLabelText(/^Tags/))
    await user.type(screen.getByLabelText(/^Tags/), 'xss')
    await colleagueSaves({ title: 'Stored XSS (Ben)', asset: 'portal v2' })

    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByRole('heading', { name: 'Ben Okafor changed this case while you were editing it' })).toHaveFocus()
    const title = part('Title')
    expect(within(title).getByRole('radio', { name: /^Yours/ })).not.toBeChecked()
    expect(within(title).getByText('Stored XSS (Ana)')).toBeInTheDocument()
    expect(within(title).getByText('Stored XSS (Ben)')).toBeInTheDocument()
    expect(within(title).getByRole('radio', { name: /^Theirs \(Ben Okafor, \d\d:\d\d\)/ })).toBeInTheDocument()
    // Only this person changed the tags: taken without asking.
    expect(within(part('Tags')).queryByRole('radio')).not.toBeInTheDocument()
    expect(part('Tags')).toHaveTextContent('Yours is kept.')
    expect(conflictForm()).toHaveTextContent('They also changed Affected asset or product; kept as they saved it.')
    // What was typed is still in the (hidden) form.
    expect(screen.getByLabelText('Title', { selector: 'input' })).toHaveValue('Stored XSS (Ana)')

    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))
    expect(within(conflictForm()).getByRole('alert')).toHaveTextContent('Choose yours or theirs for: Title.')
    expect(within(title).getByRole('radio', { name: /^Yours/ })).toHaveFocus()

    await user.click(within(title).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: /changed this case/ })).not.toBeInTheDocument())
    expect(screen.queryByRole('form', { name: 'Edit case' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stored XSS (Ana)')
    const saved = await value(desk.cases.get({ id: kase.id }))
    expect(saved).toMatchObject({ title: 'Stored XSS (Ana)', asset: 'portal v2', tags: ['xss'], revision: 3 })
  })

  it('takes all theirs in one click: nothing of the choice is saved over them, the rest of mine is', async () => {
    const { desk, kase, user, colleagueSaves } = await twoApps()
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.clear(screen.getByLabelText('Title'))
    await user.type(screen.getByLabelText('Title'), 'Mine')
    await user.selectOptions(screen.getByLabelText('Channel'), 'Web form')
    await colleagueSaves({ title: 'Theirs' })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('form', { name: /changed this case/ })

    await user.click(screen.getByRole('button', { name: 'Take all theirs' }))
    expect(within(part('Title')).getByRole('radio', { name: /^Theirs/ })).toBeChecked()
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: /changed this case/ })).not.toBeInTheDocument())
    expect(await value(desk.cases.get({ id: kase.id }))).toMatchObject({ title: 'Theirs', channel: 'web_form' })
  })

  it('asks again when the colleague saves once more before the choice is saved', async () => {
    const { desk, kase, user, colleagueSaves } = await twoApps()
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.clear(screen.getByLabelText('Title'))
    await user.type(screen.getByLabelText('Title'), 'Mine')
    await colleagueSaves({ title: 'Theirs 1' })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('form', { name: /changed this case/ })
    await user.click(screen.getByRole('button', { name: 'Keep all mine' }))
    await colleagueSaves({ title: 'Theirs 2' })

    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(within(part('Title')).getByText('Theirs 2')).toBeInTheDocument())
    expect(within(part('Title')).getByRole('radio', { name: /^Yours/ })).not.toBeChecked()
    await user.click(within(part('Title')).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('form', { name: /changed this case/ })).not.toBeInTheDocument())
    expect((await value(desk.cases.get({ id: kase.id }))).title).toBe('Mine')
  })

  it('goes back to the form with everything typed, and a second save compares again', async () => {
    const { user, colleagueSaves } = await twoApps()
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.clear(screen.getByLabelText('Title'))
    await user.type(screen.getByLabelText('Title'), 'Mine')
    await colleagueSaves({ title: 'Theirs' })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('form', { name: /changed this case/ })

    await user.click(screen.getByRole('button', { name: 'Back to my edits' }))
    expect(screen.getByRole('form', { name: 'Edit case' })).toBeVisible()
    expect(screen.getByLabelText('Title')).toHaveValue('Mine')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('form', { name: /changed this case/ })).toBeInTheDocument()
  })

  it('hands a merged edit the case now refuses back to the form, on their version, with the refusal at its field', async () => {
    const { desk, kase, user, colleague } = await twoApps()
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    // Received 5 Mar 14:10 in Amsterdam; Ana moves it to the next morning, while Ben records an acknowledgement in between.
    fireEvent.change(screen.getByLabelText('Received'), { target: { value: '2026-03-06T10:00' } })
    await value(colleague.cases.recordMilestone({ id: kase.id, milestone: 'acknowledgement_sent', on: '2026-03-05T16:00:00+01:00' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('form', { name: /changed this case/ })
    expect(part('Received')).toHaveTextContent('Yours is kept.')

    await user.click(within(conflictForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.getByRole('form', { name: 'Edit case' })).toBeVisible())
    expect(screen.queryByRole('form', { name: /changed this case/ })).not.toBeInTheDocument()
    expect(screen.getByLabelText('Received')).toHaveValue('2026-03-06T10:00')
    expect(screen.getByLabelText('Received')).toHaveAccessibleDescription(/A milestone on the timeline lies before this time/)
    // The form now stands on Ben's version: an earlier time saves without another conflict.
    fireEvent.change(screen.getByLabelText('Received'), { target: { value: '2026-03-05T15:00' } })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    // Polled by selector: polled by a role query (some 30 ms each over the whole case screen), the save did not land
    // within waitFor's time here, the queries keeping jsdom's one thread busy.
    await waitFor(() => expect(document.querySelector('form[aria-label="Edit case"]')).toBeNull())
    expect((await value(desk.cases.get({ id: kase.id }))).received.at).toMatch(/^2026-03-05T15:00/)
  })

  it('shows a colleague’s name as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const { user, colleagueSaves } = await twoApps(hostile)
    await user.click(screen.getByRole('button', { name: 'Edit' }))
    await user.clear(screen.getByLabelText('Title'))
    await user.type(screen.getByLabelText('Title'), 'Mine')
    await colleagueSaves({ title: '<b>Theirs</b>' })
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByRole('heading', { name: `${hostile} changed this case while you were editing it` })).toBeInTheDocument()
    expect(within(part('Title')).getByText('<b>Theirs</b>')).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('.case-conflict b')).toBeNull()
  })
})
