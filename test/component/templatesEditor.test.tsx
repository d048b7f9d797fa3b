import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { shippedTemplate } from '../../src/drafts/catalog'
import type { DeskApi } from '../../src/ipc/contract'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()
const shippedAck = shippedTemplate('acknowledgement')!

async function openTemplates(path = '/settings/templates/acknowledgement', prepare?: (desk: DeskApi) => Promise<void>) {
  const { desk } = await desks.open()
  await prepare?.(desk)
  const view = renderApp(desk, path)
  await screen.findByRole('heading', { level: 1, name: 'Email templates' })
  return { desk, ...view }
}

const body = () => screen.getByLabelText('Body') as HTMLTextAreaElement
const setBody = (text: string) => fireEvent.change(body(), { target: { value: text } })
const preview = () => screen.getByLabelText('Body as sent')

describe('template settings', { timeout: 20_000 }, () => {
  it('lists every shipped template, then opens one with its English text and a preview for an example case', async () => {
    await openTemplates('/settings/templates')
    const nav = screen.getByRole('navigation', { name: 'Templates' })
    const links = within(nav).getAllByRole('link')
    expect(links).toHaveLength(11)
    expect(links[0]).toHaveTextContent('Acknowledgement of receipt')
    expect(links[0]).toHaveTextContent('Shipped')
    expect(links[0]).toHaveAttribute('aria-current', 'page')

    expect(body().value).toBe(shippedAck.texts.en.body)
    // No case in the store: an example case stands in, so every template can still be checked.
    expect(screen.getByText('An example case: there are no cases in this store yet.')).toBeInTheDocument()
    const lines = [...preview().querySelectorAll('.draft-line')].map((line) => line.textContent)
    expect(lines.slice(0, 3)).toEqual([expect.stringMatching(/^Dear .+,$/), '', expect.stringMatching(/^Thank you for letting us know about a possible vulnerability\./)])
  })

  it('an edit of a shipped template is saved, listed as edited, and reset to the shipped text after asking', async () => {
    const { desk, user } = await openTemplates()
    setBody(`Dear {{ reporter_name }},\n\nThanks, we have it: {{ case_key }}.\n\n{{ signature }}\n`)
    expect(preview()).toHaveTextContent(/Thanks, we have it: VD-\d{4}-001\./)
    await user.click(screen.getByRole('button', { name: 'Save template' }))

    const link = within(screen.getByRole('navigation', { name: 'Templates' })).getByRole('link', { name: /Acknowledgement of receipt/ })
    await waitFor(() => expect(link).toHaveTextContent('Shipped · edited'))
    const stored = (await value(desk.templates.list({}))).find((t) => t.id === 'acknowledgement')!
    expect([stored.edited, stored.texts.en.body, stored.texts.nl]).toEqual([
      true,
      'Dear {{ reporter_name }},\n\nThanks, we have it: {{ case_key }}.\n\n{{ signature }}\n',
      shippedAck.texts.nl,
    ])

    await user.click(screen.getByRole('button', { name: 'Reset to shipped text' }))
    const dialog = screen.getByRole('dialog', { name: 'Reset “Acknowledgement of receipt”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Reset to shipped text' }))

    await waitFor(() => expect(body().value).toBe(shippedAck.texts.en.body))
    expect(link).toHaveTextContent(/^Acknowledgement of receiptShipped$/)
    expect((await value(desk.templates.list({}))).find((t) => t.id === 'acknowledgement')!.edited).toBe(false)
  })

  it('an unknown variable is shown at its line and column, and the template cannot be saved while it stands', async () => {
    await openTemplates()
    setBody('Dear {{ reporter_name }},\n\nYour ticket: {{ ticket_number }}\n')

    expect(body()).toHaveAttribute('aria-invalid', 'true')
    const error = screen.getAllByRole('alert').find((a) => a.textContent?.startsWith('Line 3'))!
    expect(error).toHaveTextContent(/^Line 3, column 17:/)
    expect(error).toHaveTextContent('ticket_number')
    expect(screen.getByText(/Not saved while this has an error: English body \(line 3, column 17\)\./)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save template' })).toBeDisabled()
    // The raw braces never reach the preview.
    expect(preview()).not.toHaveTextContent('{{')
  })

  it('an error in the language not shown still holds the save back, and is marked on its tab', async () => {
    const { user } = await openTemplates()
    await user.click(screen.getByRole('radio', { name: /Nederlands/ }))
    setBody('Beste {{ reporter_name }},\n{% if %}\n')
    await user.click(screen.getByRole('radio', { name: /English/ }))

    expect(screen.getByRole('radio', { name: /Nederlands/ }).closest('label')).toHaveTextContent('Nederlands (error)')
    expect(screen.getByRole('radio', { name: /English/ }).closest('label')).toHaveTextContent(/^English$/)
    expect(screen.getByText(/Not saved while this has an error: Dutch body \(line 2/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save template' })).toBeDisabled()
  })

  it('duplicates a template as the team’s own, which can be renamed, given another purpose, and deleted', async () => {
    const { desk, user } = await openTemplates()
    await user.click(screen.getByRole('button', { name: 'Duplicate' }))

    await screen.findByRole('heading', { level: 2, name: 'Acknowledgement of receipt (copy)' })
    const name = screen.getByLabelText('Template name')
    await user.clear(name)
    await user.type(name, 'Acknowledgement, short')
    await user.selectOptions(screen.getByLabelText('Purpose'), 'request_info')
    await user.click(screen.getByRole('button', { name: 'Save template' }))

    await screen.findByRole('heading', { level: 2, name: 'Acknowledgement, short' })
    const own = (await value(desk.templates.list({}))).filter((t) => !t.shipped)
    expect(own.map((t) => [t.id, t.name, t.purpose, t.basedOn, t.texts.en.body])).toEqual([
      ['acknowledgement-copy-1', 'Acknowledgement, short', 'request_info', 'acknowledgement', shippedAck.texts.en.body],
    ])

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete template' }))
    await waitFor(async () => expect((await value(desk.templates.list({}))).filter((t) => !t.shipped)).toEqual([]))
    expect(screen.queryByRole('link', { name: /Acknowledgement, short/ })).not.toBeInTheDocument()
  })

  it('lists every variable with its value for the chosen case, in the language being edited, as text', async () => {
    const { user } = await openTemplates('/settings/templates/acknowledgement', async (desk) => {
      await value(desk.cases.create(caseInput({ title: 'Open redirect', reporter: { name: 'Ada <b>Researcher</b>', email: 'ada@example.org', language: 'en' } })))
    })
    const table = await screen.findByRole('table')
    const row = (name: string) => within(table).getByText(`{{ ${name} }}`).closest('tr')!
    await waitFor(() => expect(row('reporter_name')).toHaveTextContent('Ada <b>Researcher</b>'))
    expect(table.querySelector('b')).toBeNull()
    expect(row('case_title')).toHaveTextContent('Open redirect')
    expect(row('received')).toHaveTextContent('Thursday 5 March 2026')
    expect(row('evaluation_due').textContent).not.toContain('(empty)')

    await user.click(screen.getByRole('radio', { name: /Nederlands/ }))
    expect(row('received')).toHaveTextContent('donderdag 5 maart 2026')
    expect(screen.getByLabelText('Values for case')).toHaveDisplayValue(/Open redirect/)
  })

  it('saving the Dutch text keeps it on screen, and a change saved elsewhere shows while nothing is typed over it', async () => {
    const { desk, user } = await openTemplates()
    await user.click(screen.getByRole('radio', { name: /Nederlands/ }))
    setBody('Beste {{ reporter_name }},\n\nOntvangen: {{ case_key }}.\n')
    await user.click(screen.getByRole('button', { name: 'Save template' }))

    // Off while saving too: the save is through once nothing is left unsaved.
    await screen.findByText('No unsaved changes.')
    expect(screen.getByRole('radio', { name: /Nederlands/ })).toBeChecked()
    expect(body().value).toBe('Beste {{ reporter_name }},\n\nOntvangen: {{ case_key }}.\n')

    // A colleague's app saves another text, on the one just saved; this one loads it on 'templates:changed'.
    const { shipped: _s, edited: _e, ...saved } = (await value(desk.templates.list({}))).find((t) => t.id === 'acknowledgement')!
    await value(
      desk.templates.save({ template: { ...saved, texts: { ...saved.texts, nl: { ...saved.texts.nl, body: 'Beste {{ reporter_name }},\n\nDank.\n' } } }, base: saved }),
    )
    await waitFor(() => expect(body().value).toBe('Beste {{ reporter_name }},\n\nDank.\n'))
  })

  it('leaving an edited template asks first', async () => {
    const { user } = await openTemplates()
    setBody('Dear {{ reporter_name }},\n')
    await user.click(screen.getByRole('link', { name: /Request for more information/ }))
    expect(screen.getByRole('dialog', { name: 'Leave without saving?' })).toHaveTextContent(
      'Your changes to the template “Acknowledgement of receipt” will be lost.',
    )
  })
})
