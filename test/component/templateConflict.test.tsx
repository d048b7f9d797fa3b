import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { shippedTemplate } from '../../src/drafts/catalog'
import type { DraftTemplate } from '../../src/drafts/template'
import type { DeskApi } from '../../src/ipc/contract'
import { createTestDesk } from '../support/testDesk'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()
const shippedAck = shippedTemplate('acknowledgement')!

/**
 * This app on a template's editor, and a colleague's app on the same store file. The colleague's saves reach this app
 * through the file watch, as in the app; this app's save says which template its edit was made on.
 */
async function twoApps(path = '/settings/templates/acknowledgement', prepare?: (desk: DeskApi) => Promise<void>, watch = true) {
  const testDesk = await desks.open({ watch })
  const { desk } = testDesk
  await prepare?.(desk)
  const colleague = await createTestDesk({ file: testDesk.file })
  desks.afterTest(() => colleague.dispose())
  const { user } = renderApp(desk, path)
  await screen.findByRole('heading', { level: 1, name: 'Email templates' })
  await screen.findByLabelText('Body')
  /** The colleague changes the template as it stands in the file now. */
  const colleagueSaves = async (id: string, change: (t: DraftTemplate) => DraftTemplate) => {
    const { shipped: _s, edited: _e, ...now } = (await value(colleague.desk.templates.list({}))).find((t) => t.id === id)!
    return value(colleague.desk.templates.save({ template: change(now), base: now }))
  }
  const stored = async (id: string) => (await value(desk.templates.list({}))).find((t) => t.id === id)
  return { desk, user, colleague: colleague.desk, colleagueSaves, stored }
}

const withText = (t: DraftTemplate, language: 'en' | 'nl', change: Partial<DraftTemplate['texts']['en']>): DraftTemplate => ({
  ...t,
  texts: { ...t.texts, [language]: { ...t.texts[language], ...change } },
})

const body = () => screen.getByLabelText('Body') as HTMLTextAreaElement
const subject = () => screen.getByLabelText('Subject') as HTMLInputElement
const setBody = (text: string) => fireEvent.change(body(), { target: { value: text } })
const setSubject = (text: string) => fireEvent.change(subject(), { target: { value: text } })
const clashForm = () => screen.getByRole('form', { name: 'Someone else saved this template while you were editing it' })
const part = (label: string) => within(clashForm()).getByRole('group', { name: label })

describe('a template save that meets a colleague’s save of the same template', { timeout: 30_000 }, () => {
  it('merges without asking when they changed another part: their Dutch body and my English subject are both kept', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    setSubject('We received your report {{ case_key }}')
    await colleagueSaves('acknowledgement', (t) => withText(t, 'nl', { body: 'Beste {{ reporter_name }},\n\nDank.\n' }))

    await user.click(screen.getByRole('button', { name: 'Save template' }))

    await screen.findByText('No unsaved changes.')
    expect(screen.queryByRole('form', { name: /while you were editing it/ })).not.toBeInTheDocument()
    expect((await stored('acknowledgement'))!.texts).toEqual({
      en: { ...shippedAck.texts.en, subject: 'We received your report {{ case_key }}' },
      nl: { ...shippedAck.texts.nl, body: 'Beste {{ reporter_name }},\n\nDank.\n' },
    })
    // The editor shows the template as saved, their part included.
    expect(subject().value).toBe('We received your report {{ case_key }}')
    await user.click(screen.getByRole('radio', { name: /Nederlands/ }))
    expect(body().value).toBe('Beste {{ reporter_name }},\n\nDank.\n')
  })

  it('shows both versions of a body both changed as text, asks, and saves the choice with my other change kept', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    setBody('Dear {{ reporter_name }},\n\nMine.\n')
    setSubject('Mine: {{ case_key }}')
    await colleagueSaves('acknowledgement', (t) => withText(t, 'en', { body: 'Dear {{ reporter_name }},\n\n<b>Theirs</b>.\n' }))

    await user.click(screen.getByRole('button', { name: 'Save template' }))

    expect(await screen.findByRole('heading', { name: 'Someone else saved this template while you were editing it' })).toHaveFocus()
    const english = part('English body')
    expect(within(english).getByText(/Mine\./).tagName).toBe('PRE')
    expect(within(english).getByText(/<b>Theirs<\/b>\./).tagName).toBe('PRE')
    expect(document.querySelector('.clash-choices b')).toBeNull()
    expect(part('English subject')).toHaveTextContent('Yours is kept.')
    // What was typed is still in the (hidden) editor.
    expect(body().value).toBe('Dear {{ reporter_name }},\n\nMine.\n')

    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))
    expect(within(clashForm()).getByRole('alert')).toHaveTextContent('Choose yours or theirs for: English body.')
    await user.click(within(english).getByRole('radio', { name: /^Theirs/ }))
    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: /while you were editing it/ })).not.toBeInTheDocument())
    expect((await stored('acknowledgement'))!.texts.en).toEqual({ subject: 'Mine: {{ case_key }}', body: 'Dear {{ reporter_name }},\n\n<b>Theirs</b>.\n' })
    expect(body().value).toBe('Dear {{ reporter_name }},\n\n<b>Theirs</b>.\n')
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument()
  })

  it('asks again when the colleague saves once more before the choice is saved', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    setBody('Mine\n')
    await colleagueSaves('acknowledgement', (t) => withText(t, 'en', { body: 'Theirs 1\n' }))
    await user.click(screen.getByRole('button', { name: 'Save template' }))
    await screen.findByRole('form', { name: /while you were editing it/ })
    await user.click(screen.getByRole('button', { name: 'Keep all mine' }))
    await colleagueSaves('acknowledgement', (t) => withText(t, 'en', { body: 'Theirs 2\n' }))

    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(within(part('English body')).getByText('Theirs 2')).toBeInTheDocument())
    expect(within(part('English body')).getByRole('radio', { name: /^Yours/ })).not.toBeChecked()
    await user.click(within(part('English body')).getByRole('radio', { name: /^Yours/ }))
    await user.click(within(clashForm()).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('form', { name: /while you were editing it/ })).not.toBeInTheDocument())
    expect((await stored('acknowledgement'))!.texts.en.body).toBe('Mine\n')
  })

  it('goes back to the editor with everything typed, and a second save compares again', async () => {
    const { user, colleagueSaves, stored } = await twoApps()
    setBody('Mine\n')
    await colleagueSaves('acknowledgement', (t) => withText(t, 'en', { body: 'Theirs\n' }))
    await user.click(screen.getByRole('button', { name: 'Save template' }))
    await screen.findByRole('form', { name: /while you were editing it/ })

    await user.click(screen.getByRole('button', { name: 'Back to my edits' }))
    expect(body()).toBeVisible()
    expect(body().value).toBe('Mine\n')
    expect((await stored('acknowledgement'))!.texts.en.body).toBe('Theirs\n')
    await user.click(screen.getByRole('button', { name: 'Save template' }))
    expect(await screen.findByRole('form', { name: /while you were editing it/ })).toBeInTheDocument()
  })

  it('an edit undone after a colleague’s save leaves nothing unsaved: it is compared with what it started from', async () => {
    const { colleagueSaves } = await twoApps()
    setSubject('Mine: {{ case_key }}')
    await colleagueSaves('acknowledgement', (t) => ({ ...t, name: 'Acknowledgement, as Ben named it' }))
    await screen.findByRole('link', { name: /Acknowledgement, as Ben named it/ }, { timeout: 10_000 })
    expect(screen.getByRole('button', { name: 'Save template' })).toBeEnabled()

    setSubject(shippedAck.texts.en.subject)

    expect(await screen.findByText('No unsaved changes.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save template' })).toBeDisabled()
  })

  it('a reset after a colleague’s edit shows what they changed and asks again before resetting', async () => {
    const { user, colleagueSaves, stored } = await twoApps('/settings/templates/acknowledgement', async (desk) => {
      await value(desk.templates.save({ template: withText(shippedAck, 'en', { subject: 'Ours' }), base: shippedAck }))
    })
    await user.click(await screen.findByRole('button', { name: 'Reset to shipped text' }))
    await colleagueSaves('acknowledgement', (t) => withText(t, 'nl', { subject: 'Van de collega' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reset to shipped text' }))

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed “Acknowledgement of receipt” since you opened it' })
    const change = within(dialog).getByRole('group', { name: 'Dutch subject' })
    expect(change).toHaveTextContent(`When you opened it${shippedAck.texts.nl.subject}`)
    expect(change).toHaveTextContent('NowVan de collega')
    expect((await stored('acknowledgement'))!.edited).toBe(true)
    expect(within(dialog).getByRole('button', { name: 'Keep' })).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'Reset anyway' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect((await stored('acknowledgement'))!.edited).toBe(false)
    expect(subject().value).toBe(shippedAck.texts.en.subject)
  })

  it('keeping the template after seeing their change removes nothing', async () => {
    const own: DraftTemplate = { ...shippedAck, id: 'ours', name: 'Ours', basedOn: 'acknowledgement' }
    const { user, colleagueSaves, stored } = await twoApps('/settings/templates/ours', async (desk) => {
      await value(desk.templates.save({ template: own, base: null }))
    })
    await user.click(await screen.findByRole('button', { name: 'Delete' }))
    await colleagueSaves('ours', (t) => ({ ...t, name: 'Ours, renamed' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete template' }))

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed “Ours” since you opened it' })
    expect(within(dialog).getByRole('group', { name: 'Name' })).toHaveTextContent('NowOurs, renamed')
    await user.click(within(dialog).getByRole('button', { name: 'Keep' }))

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect((await stored('ours'))?.name).toBe('Ours, renamed')
  })

  it('keeps what is typed when a colleague deletes the template meanwhile, and a save stores it again', async () => {
    const own: DraftTemplate = { ...shippedAck, id: 'ours', name: 'Ours', basedOn: 'acknowledgement' }
    const { user, colleague, stored } = await twoApps('/settings/templates/ours', async (desk) => {
      await value(desk.templates.save({ template: own, base: null }))
    })
    setBody('Dear {{ reporter_name }},\n\nMine.\n')
    await value(colleague.templates.remove({ id: 'ours', base: own }))

    expect(await screen.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent('Someone else deleted this template. What you typed is still here')
    expect(body().value).toBe('Dear {{ reporter_name }},\n\nMine.\n')
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save template' }))

    await screen.findByText('No unsaved changes.')
    expect(screen.queryByText(/Someone else deleted this template/)).not.toBeInTheDocument()
    expect((await stored('ours'))?.texts.en.body).toBe('Dear {{ reporter_name }},\n\nMine.\n')
  })

  it('a save meeting a deletion it had not seen yet offers to store the template again', async () => {
    const own: DraftTemplate = { ...shippedAck, id: 'ours', name: 'Ours', basedOn: 'acknowledgement' }
    // This app does not watch the file: the colleague's deletion reaches it only with the refused save.
    const { user, colleague, stored } = await twoApps(
      '/settings/templates/ours',
      async (desk) => {
        await value(desk.templates.save({ template: own, base: null }))
      },
      false,
    )
    setBody('Mine\n')
    await value(colleague.templates.remove({ id: 'ours', base: own }))
    await user.click(screen.getByRole('button', { name: 'Save template' }))

    await screen.findByRole('heading', { name: 'Someone else deleted this template while you were editing it' })
    expect(await stored('ours')).toBeUndefined()
    await user.click(screen.getByRole('button', { name: 'Save my template again' }))

    await screen.findByText('No unsaved changes.')
    expect((await stored('ours'))?.texts.en.body).toBe('Mine\n')
  })
})
