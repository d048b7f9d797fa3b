import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

const reportId = '<4f1c2d3e-report@example.org>'

/** The reporter's answer to the team's acknowledgement, as Thunderbird threads it. */
const replyMail = (headers: string[]) =>
  new TextEncoder().encode(
    [
      'Message-ID: <9a8b-reply@example.org>',
      'Date: Mon, 7 Dec 2026 10:05:00 +0100',
      'From: Ada Researcher <ada@example.org>',
      'To: security@example.com',
      ...headers,
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'It still reproduces on 2.4.1. {{ signature }} <b>bold</b>',
      '',
    ].join('\r\n'),
  )

/** A store holding the case the report opened, and the mail `headers` gives (with that case's key) read by main. */
async function importReply(headers: (key: string) => string[]) {
  const testDesk = await desks.open({ now: () => new Date('2026-12-08T09:00:00Z') })
  const kase = await value(testDesk.desk.cases.create(caseInput({ mail: { messageId: reportId, references: [], encrypted: false, attachments: [] } })))
  const preview = await value(testDesk.desk.intake.parse({ bytes: replyMail(headers(kase.key)) }))
  const create = vi.spyOn(testDesk.desk.cases, 'create')
  const view = renderApp(testDesk.desk, `/import/${preview.token}`)
  return { ...testDesk, ...view, kase, create }
}

describe('an imported mail that replies to a case already here', { timeout: 20_000 }, () => {
  it('is recognised by its thread and added to that case as a note, with no new case', async () => {
    const { desk, user, kase, create } = await importReply(() => [`In-Reply-To: ${reportId}`, `References: ${reportId}`, 'Subject: Re: Your report'])
    expect(await screen.findByRole('heading', { level: 2, name: `This looks like a reply to ${kase.key} (Stored XSS in the support portal)` })).toBeInTheDocument()
    expect(screen.getByText(`The mail is in the thread of the email ${kase.key} was opened from.`, { exact: false })).toBeInTheDocument()
    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Add the reply to that case as a note' }))

    await screen.findByRole('heading', { level: 1, name: 'Stored XSS in the support portal' })
    const notes = (await value(desk.cases.get({ id: kase.id }))).timeline.filter((e) => e.type === 'note')
    expect(notes.map((n) => (n.type === 'note' ? n.text : ''))).toEqual([
      [
        'Reply by email from Ada Researcher <ada@example.org>',
        'Sent Mon 7 Dec 2026 10:05 (Europe/Amsterdam)',
        'Subject: Re: Your report',
        '',
        'It still reproduces on 2.4.1. {{ signature }} <b>bold</b>',
      ].join('\n'),
    ])
    expect(create).not.toHaveBeenCalled()
    expect(await value(desk.cases.list({}))).toHaveLength(1)
  })

  it('is recognised by the case key in its subject, opens that case, or becomes a new case anyway without the Re:', async () => {
    const { user, kase } = await importReply((key) => [`Subject: RE: AW: [${key}] We received your report`])
    expect(await screen.findByRole('heading', { level: 2, name: new RegExp(`^This looks like a reply to ${kase.key}`) })).toBeInTheDocument()
    expect(screen.getByText(`Its subject names ${kase.key}.`, { exact: false })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Open that case' })).toHaveAttribute('href', `/cases/${kase.id}`)

    await user.click(screen.getByRole('button', { name: 'Create a new case anyway' }))

    expect(await screen.findByLabelText('Title')).toHaveValue(`[${kase.key}] We received your report`)
  })

  it('that answers nothing here is a new case whose title loses the reply and forward markers', async () => {
    await importReply(() => ['Subject: Fwd: Re: SQL injection in the login form'])
    expect(await screen.findByLabelText('Title')).toHaveValue('SQL injection in the login form')
    await waitFor(() => expect(screen.queryByText(/This looks like a reply/)).not.toBeInTheDocument())
  })
})
