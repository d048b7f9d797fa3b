import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

/** A case under the AIMMS policy, fixed and resolved, whose credit and publication consultation are still open. */
async function openResolvedCase() {
  const { desk } = await desks.open()
  const kase = await value(desk.cases.create(caseInput({ policyId: 'aimms' })))
  let revision = kase.revision
  for (const to of ['evaluating', 'accepted', 'resolved'] as const) {
    revision = (await value(desk.cases.transition({ id: kase.id, revision, transition: { to } }))).revision
  }
  const transition = vi.spyOn(desk.cases, 'transition')
  const { user } = renderApp(desk, `/cases/${kase.id}`)
  await screen.findByRole('heading', { level: 1, name: kase.title })
  return { desk, kase, user, transition }
}

const status = () => within(screen.getByRole('region', { name: 'Status' })).getAllByText(/./)[1]?.textContent

describe('confirm before a move that breaks a promise', { timeout: 20_000 }, () => {
  it('publishing with credit and consultation open asks first, naming both and what the move does to them', async () => {
    const { user, transition } = await openResolvedCase()

    await user.click(screen.getByRole('button', { name: 'Move to Published' }))

    const dialog = await screen.findByRole('dialog', { name: 'Publish with promises still open?' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveTextContent('2 promises to the reporter are not kept yet.')
    const overdue = within(dialog).getByRole('region', { name: 'Publishing now makes these overdue' })
    expect(within(overdue).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Confirm credit',
      'Consult reporter on publication',
    ])
    // The safe answer has the focus, so Enter does not break a promise.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(transition).not.toHaveBeenCalled()
  })

  it('Escape cancels: nothing is sent and the case stays resolved', async () => {
    const { user, transition, desk, kase } = await openResolvedCase()
    await user.click(screen.getByRole('button', { name: 'Move to Published' }))
    await screen.findByRole('dialog')

    await user.keyboard('{Escape}')

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Move to Published' })).toHaveFocus()
    expect(transition).not.toHaveBeenCalled()
    expect((await value(desk.cases.get({ id: kase.id }))).status).toBe('resolved')
  })

  it('“Publish anyway” sends the move with acceptOpenPromises; the move can then be undone and the timeline keeps both', async () => {
    const { user, transition, kase } = await openResolvedCase()
    await user.click(screen.getByRole('button', { name: 'Move to Published' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Publish anyway' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(transition).toHaveBeenCalledWith({ id: kase.id, revision: 4, transition: { to: 'published' }, acceptOpenPromises: true })
    await waitFor(() => expect(status()).toBe('Published'))

    await user.click(screen.getByRole('button', { name: 'Undo move to Published' }))

    await waitFor(() => expect(status()).toBe('Resolved'))
    const timeline = screen.getByRole('list', { name: 'Timeline' }).textContent
    expect(timeline).toContain('Moved from Resolved to Published')
    expect(timeline).toContain('Undid the move to Published, back to Resolved')
    expect(screen.queryByRole('button', { name: /^Undo move/ })).not.toBeInTheDocument()
  })

  it('closing asks the same way, after the closing reason', async () => {
    const { user, transition } = await openResolvedCase()
    await user.click(screen.getByRole('button', { name: 'Close case…' }))
    await user.click(screen.getByRole('button', { name: 'Close case' }))

    const dialog = await screen.findByRole('dialog', { name: 'Close with promises still open?' })
    expect(within(dialog).getByRole('button', { name: 'Close anyway' })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Close anyway' }))

    await waitFor(() => expect(status()).toBe('Closed'))
    expect(transition).toHaveBeenLastCalledWith(expect.objectContaining({ transition: { to: 'closed', closingReason: 'completed' }, acceptOpenPromises: true }))
    expect(screen.queryByRole('form', { name: 'Close case' })).not.toBeInTheDocument()
  })
})
