import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IcsExportButton } from '../../renderer/agenda/IcsExportButton'
import { createDeskQueryClient } from '../../renderer/queries/queryClient'
import { caseInput, deskPerTest, value } from './renderApp'

const desks = deskPerTest()
afterEach(() => vi.useRealTimers())

const hostileTitle = 'Account takeover at ACME; “reset”, token=\\x'

/**
 * Two cases received last week (Thu 26 and Mon 30 Nov 2026), seen on Tue 1 Dec: each has its evaluation coming up,
 * nothing kept yet, no publication planned.
 */
async function openExport() {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-01T10:00:00+01:00'))
  const testDesk = await desks.open()
  const { desk } = testDesk
  const first = await value(
    desk.cases.create(
      caseInput({
        title: hostileTitle,
        reporter: { name: 'Eve Émile', email: 'eve@example.org', language: 'en' },
        received: { at: '2026-11-26T10:00:00+01:00', timeZone: 'Europe/Amsterdam' },
      }),
    ),
  )
  await value(desk.cases.create(caseInput({ title: 'Second', received: { at: '2026-11-30T10:00:00+01:00', timeZone: 'Europe/Amsterdam' } })))
  window.desk = desk
  const user = userEvent.setup({ delay: null })
  render(
    <QueryClientProvider client={createDeskQueryClient()}>
      <IcsExportButton />
    </QueryClientProvider>,
  )
  await user.click(screen.getByRole('button', { name: 'Export .ics…' }))
  const dialog = screen.getByRole('dialog', { name: 'Export deadlines as a calendar file' })
  return { ...testDesk, user, dialog, firstKey: first.key, firstId: first.id }
}

const eventsOf = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))

describe('ICS export', { timeout: 20_000 }, () => {
  it('says what the file holds, leaves titles and reporter names out by default, and saves the file named for it', async () => {
    const { user, dialog, files, firstKey } = await openExport()

    expect(await within(dialog).findByText(/^The file holds 2 open deadlines across all cases/)).toBeInTheDocument()
    const leaveOut = within(dialog).getByRole('checkbox', { name: 'Leave out case titles and reporter names' })
    expect(leaveOut).toBeChecked()
    expect(leaveOut).toHaveAccessibleDescription(
      `Calendars sync to the cloud, and titles and reporters are confidential. An event then reads “${firstKey}: evaluation due”.`,
    )
    // The safe choice has the focus: Enter does not save by accident.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'Save…' }))

    const status = await within(dialog).findByRole('status')
    expect(files.saved).toHaveLength(1)
    const [saved] = files.saved
    expect(saved!.suggestedName).toBe('Disclosure Desk deadlines.ics')
    expect(status).toHaveTextContent(`Saved 2 events to ${saved!.path}.`)
    const ics = String(saved!.content)
    expect(ics).not.toContain('Account takeover')
    expect(ics).not.toContain('Eve')
    expect(eventsOf(ics).map((e) => e.summary)).toContain(`${firstKey}: evaluation due`)
    // Saved: nothing left to choose, only to close.
    expect(within(dialog).queryByRole('button', { name: 'Save…' })).not.toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Export .ics…' })).toHaveFocus()
  })

  it('with the box cleared, the events carry the title and the reporter, and the hint warns about shared calendars', async () => {
    const { user, dialog, files, firstKey } = await openExport()
    const leaveOut = within(dialog).getByRole('checkbox', { name: 'Leave out case titles and reporter names' })

    await user.click(leaveOut)
    expect(leaveOut).toHaveAccessibleDescription(
      'Each event then carries the case title and the reporter’s name: keep the file out of calendars that sync to the cloud.',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Save…' }))

    await within(dialog).findByRole('status')
    const event = eventsOf(String(files.saved[0]!.content)).find((e) => e.summary.startsWith(firstKey))!
    expect(event.summary).toContain(hostileTitle)
    expect(event.description).toContain('Eve Émile')
  })

  it('a second export takes a deadline kept since the first off calendars, and says so', async () => {
    const { user, dialog, desk, files, firstId, firstKey } = await openExport()
    await user.click(within(dialog).getByRole('button', { name: 'Save…' }))
    expect(await within(dialog).findByRole('status')).toHaveTextContent(/^Saved 2 events to .*\.ics\.$/)
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    // The evaluation is sent: the first case's one deadline is kept.
    let revision = (await value(desk.cases.get({ id: firstId }))).revision
    for (const to of ['acknowledged', 'evaluating'] as const) {
      revision = (await value(desk.cases.transition({ id: firstId, revision, transition: { to } }))).revision
    }
    await value(desk.cases.recordMilestone({ id: firstId, milestone: 'evaluation_sent', on: '2026-12-01T09:30:00+01:00' }))

    await user.click(screen.getByRole('button', { name: 'Export .ics…' }))
    const again = screen.getByRole('dialog')
    await user.click(within(again).getByRole('button', { name: 'Save…' }))

    expect(await within(again).findByRole('status')).toHaveTextContent(
      // The evaluation's event goes cancelled; the promise that follows it (a progress update) is a new one.
      /^Saved 2 events to .*\.ics\. One event of an earlier export, kept or no longer due since, is marked cancelled, so calendars take it off\.$/,
    )
    const summaries = eventsOf(String(files.saved[1]!.content)).map((e) => e.summary)
    expect(summaries.filter((t) => t.startsWith(firstKey)).sort()).toEqual([`${firstKey}: evaluation done`, `${firstKey}: progress update due`])
  })

  it('a cancelled save dialog saves nothing and says so, and the export can be tried again', async () => {
    const { user, dialog, files } = await openExport()
    files.acceptSaves = false

    await user.click(within(dialog).getByRole('button', { name: 'Save…' }))

    expect(await within(dialog).findByRole('status')).toHaveTextContent('Not saved.')
    expect(files.saved).toEqual([])
    expect(within(dialog).getByRole('button', { name: 'Save…' })).toBeEnabled()
  })

  it('a failed export is told in the dialog, which stays open', async () => {
    const { user, dialog, desk, files } = await openExport()
    vi.spyOn(desk.agenda, 'exportIcs').mockResolvedValue({
      ok: false,
      error: { code: 'internal', message: 'The folder /Volumes/USB is not writable.', issues: [] },
    })

    await user.click(within(dialog).getByRole('button', { name: 'Save…' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The file was not saved: The folder /Volumes/USB is not writable.')
    expect(files.saved).toEqual([])
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('Escape closes the dialog without saving', async () => {
    const { user, files } = await openExport()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(files.saved).toEqual([])
  })
})
