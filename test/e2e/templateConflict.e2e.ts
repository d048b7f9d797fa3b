import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { shippedTemplate } from '../../src/drafts/catalog'
import type { DraftTemplate } from '../../src/drafts/template'
import { launchApp, type AppHarness } from './harness'

let apps: AppHarness[] = []
afterEach(async () => {
  for (const app of apps) await app.close()
  apps = []
})

const shippedAck = shippedTemplate('acknowledgement')!

/**
 * Two apps, each with its own handlers over the same store file (as two laptops on a shared folder), both on the
 * acknowledgement template's editor: what one saves reaches the other through its file watch.
 */
async function twoApps(): Promise<[AppHarness, AppHarness]> {
  const anas = await launchApp()
  apps.push(anas)
  const bens = await launchApp({ storeFile: anas.storeFile })
  apps.push(bens)
  for (const app of [anas, bens]) {
    // The app listens for the menu's navigation once it has started: its sidebar is there then.
    await app.page.getByRole('link', { name: 'Settings' }).first().waitFor()
    await app.emit({ name: 'app:navigate', payload: { to: '/settings/templates/acknowledgement' } })
    await app.page.getByRole('heading', { name: 'Email templates', level: 1 }).waitFor()
  }
  return [anas, bens]
}

const subject = (page: Page) => page.getByRole('textbox', { name: 'Subject', exact: true })
const body = (page: Page) => page.getByRole('textbox', { name: 'Body', exact: true })
const dutch = (page: Page) => page.getByRole('radio', { name: /Nederlands/ }).check()
const english = (page: Page) => page.getByRole('radio', { name: /English/ }).check()
const saveTemplate = (page: Page) => page.getByRole('button', { name: 'Save template' }).click()
const saved = (page: Page) => page.getByText('No unsaved changes.').waitFor()
const clashForm = (page: Page) => page.getByRole('form', { name: 'Someone else saved this template while you were editing it' })

/** The acknowledgement template as the store file holds it. */
async function storedAck(app: AppHarness): Promise<DraftTemplate | undefined> {
  const doc = JSON.parse(await readFile(app.storeFile, 'utf8')) as { templates: DraftTemplate[] }
  return doc.templates.find((t) => t.id === 'acknowledgement')
}

describe('two people editing one template of a shared store file', () => {
  it('one changes the English subject, the other the Dutch body: both are kept, nobody is asked', async () => {
    const [anas, bens] = await twoApps()
    // Both start typing before either saves.
    await subject(anas.page).fill('[{{ case_key }}] Received: {{ case_title }}')
    await dutch(bens.page)
    await body(bens.page).fill('Beste {{ reporter_name }},\n\nWij hebben uw melding {{ case_key }} ontvangen.\n\n{{ signature }}\n')
    await saveTemplate(anas.page)
    await saved(anas.page)
    await saveTemplate(bens.page)
    await saved(bens.page)

    expect(await clashForm(bens.page).count()).toBe(0)
    // Ben's editor shows the template as saved: Ana's English subject with his Dutch body.
    await english(bens.page)
    expect(await subject(bens.page).inputValue()).toBe('[{{ case_key }}] Received: {{ case_title }}')
    await bens.screenshot('template-conflict-1-merged')
    // Ana's editor, with nothing typed, follows Ben's save.
    await dutch(anas.page)
    await expect.poll(() => body(anas.page).inputValue(), { timeout: 10_000 }).toContain('Wij hebben uw melding')
    expect((await storedAck(anas))?.texts).toEqual({
      en: { ...shippedAck.texts.en, subject: '[{{ case_key }}] Received: {{ case_title }}' },
      nl: { ...shippedAck.texts.nl, body: 'Beste {{ reporter_name }},\n\nWij hebben uw melding {{ case_key }} ontvangen.\n\n{{ signature }}\n' },
    })
  })

  it('both change the English body: the second sees both, chooses, and the choice is saved', async () => {
    const [anas, bens] = await twoApps()
    await body(anas.page).fill('Dear {{ reporter_name }},\n\nThanks, Ana has your report {{ case_key }}.\n\n{{ signature }}\n')
    await body(bens.page).fill('Dear {{ reporter_name }},\n\nThank you: your report is {{ case_key }}. <b>Ben</b>\n\n{{ signature }}\n')
    await saveTemplate(anas.page)
    await saved(anas.page)
    await saveTemplate(bens.page)

    const clash = clashForm(bens.page)
    await clash.waitFor()
    const part = clash.getByRole('group', { name: 'English body' })
    await part.getByText(/Ana has your report/).waitFor()
    await part.getByText(/<b>Ben<\/b>/).waitFor()
    await bens.screenshot('template-conflict-2-both-versions')

    await clash.getByRole('button', { name: 'Save' }).click()
    await clash.getByRole('alert').getByText('Choose yours or theirs for: English body.').waitFor()
    await part.getByRole('radio', { name: /^Yours/ }).check()
    await bens.screenshot('template-conflict-3-chosen')
    await clash.getByRole('button', { name: 'Save' }).click()

    await saved(bens.page)
    expect(await clash.count()).toBe(0)
    expect(await body(bens.page).inputValue()).toContain('<b>Ben</b>')
    await bens.screenshot('template-conflict-4-saved')
    // Ana's editor follows the choice saved.
    await expect.poll(() => body(anas.page).inputValue(), { timeout: 10_000 }).toContain('<b>Ben</b>')
    expect((await storedAck(anas))?.texts.en.body).toBe('Dear {{ reporter_name }},\n\nThank you: your report is {{ case_key }}. <b>Ben</b>\n\n{{ signature }}\n')
  })

  it('a reset after a colleague’s edit shows what they changed and asks again', async () => {
    const [anas, bens] = await twoApps()
    await subject(anas.page).fill('[{{ case_key }}] Received')
    await saveTemplate(anas.page)
    await saved(anas.page)
    await anas.page.getByRole('button', { name: 'Reset to shipped text' }).click()
    // Ben, whose editor followed Ana's save, changes the Dutch subject while Ana's question is open.
    await english(bens.page)
    await expect.poll(() => subject(bens.page).inputValue(), { timeout: 10_000 }).toBe('[{{ case_key }}] Received')
    await dutch(bens.page)
    await subject(bens.page).fill('[{{ case_key }}] Ontvangen')
    await saveTemplate(bens.page)
    await saved(bens.page)
    await anas.page.getByRole('dialog').getByRole('button', { name: 'Reset to shipped text' }).click()

    const dialog = anas.page.getByRole('dialog', { name: 'Someone else changed “Acknowledgement of receipt” since you opened it' })
    await dialog.getByRole('group', { name: 'Dutch subject' }).getByText('[{{ case_key }}] Ontvangen').waitFor()
    await anas.screenshot('template-conflict-5-reset-after-change')
    expect((await storedAck(anas))?.texts.nl.subject).toBe('[{{ case_key }}] Ontvangen')

    await dialog.getByRole('button', { name: 'Reset anyway' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await storedAck(anas)) === undefined).toBe(true)
    expect(await subject(anas.page).inputValue()).toBe(shippedAck.texts.en.subject)
  })

  it('a template a colleague deletes while it is edited stays in the editor with what is typed, and saving keeps it', async () => {
    const [anas, bens] = await twoApps()
    await anas.page.getByRole('button', { name: 'Duplicate' }).click()
    await anas.page.getByRole('heading', { level: 2, name: 'Acknowledgement of receipt (copy)' }).waitFor()
    await bens.page.getByRole('link', { name: /Acknowledgement of receipt \(copy\)/ }).click()
    await bens.page.getByRole('heading', { level: 2, name: 'Acknowledgement of receipt (copy)' }).waitFor()
    await body(anas.page).fill('Dear {{ reporter_name }},\n\nShort and kept.\n')
    await bens.page.getByRole('button', { name: 'Delete' }).click()
    await bens.page.getByRole('dialog').getByRole('button', { name: 'Delete template' }).click()

    await anas.page.getByRole('status').filter({ hasText: 'Someone else deleted this template.' }).waitFor({ timeout: 10_000 })
    expect(await body(anas.page).inputValue()).toBe('Dear {{ reporter_name }},\n\nShort and kept.\n')
    await anas.screenshot('template-conflict-6-deleted-while-edited')
    await saveTemplate(anas.page)
    await saved(anas.page)
    const doc = JSON.parse(await readFile(anas.storeFile, 'utf8')) as { templates: DraftTemplate[] }
    expect(doc.templates.find((t) => t.id === 'acknowledgement-copy-1')?.texts.en.body).toBe('Dear {{ reporter_name }},\n\nShort and kept.\n')
  })
})
