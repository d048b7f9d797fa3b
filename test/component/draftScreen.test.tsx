import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DeskApi } from '../../src/ipc/contract'
import type { TestDesk } from '../support/testDesk'
import { caseInput, deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()
afterEach(() => {
  vi.useRealTimers()
})

// Mon 21 Dec 2026, 10:00 in Amsterdam; the report came in on Friday afternoon under IKUU: acknowledged by tomorrow.
const monday = new Date('2026-12-21T09:00:00Z')
const slow = { timeout: 8_000 }

const report = caseInput({
  title: 'Open redirect on the login page',
  reporter: { name: 'Noor Haddad', email: 'noor@example.org', language: 'en' },
  received: { at: '2026-12-18T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
  policyId: 'ikuu',
  reportText: 'The next= parameter of /login redirects to any host.\nSteps: open /login?next=https://evil.example and log in.',
})

/** A desk on Monday whose one member sends, as who uses this installation (unless `sender` is false). */
async function deskWithSender({ sender = true, at = monday } = {}): Promise<{ desk: DeskApi; files: TestDesk['files']; saved: () => TestDesk['files']['saved']; mailto: () => string[] }> {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
  const opened = await desks.open({ now: () => new Date() })
  const { desk } = opened
  const settings = await value(desk.settings.get({}))
  await value(desk.settings.update({ settings: { ...settings, team: [{ id: 'm-sam', name: 'Sam de Vries', email: 'security@example.nl', role: 'Security lead' }] }, base: settings }))
  if (sender) await value(desk.identity.set({ memberId: 'm-sam' }))
  return { desk, files: opened.files, saved: () => opened.files.saved, mailto: () => opened.files.mailto }
}

const preview = () => screen.getByRole('region', { name: 'Preview' })
const bodyShown = () => within(preview()).getByLabelText('Body as sent')
/** The body as the preview shows it: a block per line (a last line break ends the last line). */
const previewText = () => [...bodyShown().children].map((line) => line.textContent).join('\n')

describe('the draft screen', { timeout: 30_000 }, () => {
  it('opens from the deadline with its template, due date and policy sentence at the top', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}`)
    await user.click(await screen.findByRole('link', { name: 'Draft the acknowledgement due tomorrow' }, slow))

    const top = await screen.findByRole('region', { name: 'Drafted for' }, slow)
    expect(within(top).getByRole('heading').textContent).toBe('Acknowledge receipt')
    expect(within(top).getByText('Due Tue 22 Dec 2026 23:59 (Europe/Amsterdam)')).toBeInTheDocument()
    expect(top.querySelector('blockquote')?.textContent).toBe('Our Information Desk will confirm receipt within two business days.')
    expect(screen.getByLabelText<HTMLSelectElement>('Template').value).toBe('acknowledgement')
    expect(within(preview()).getByLabelText('Subject as sent').textContent).toMatch(new RegExp(`^\\[${kase.key}\\] `))
    expect(bodyShown().textContent).toContain('Noor Haddad')
    expect(within(preview()).getByText('"Sam de Vries" <security@example.nl>')).toBeInTheDocument()
    // The variables the source can use, with this case's values.
    await user.click(screen.getByText('Variables for this case'))
    const row = screen.getByRole('cell', { name: '{{ reporter_name }}' }).closest('tr')!
    expect(within(row).getAllByRole('cell')[1]!.textContent).toBe('Noor Haddad')
  })

  it('a template error shows at the editor and turns every output and Mark as sent off until it is fixed', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Body', {}, slow)
    const original = body.value
    fireEvent.change(body, { target: { value: `{% if %}\n${original}` } })

    expect(screen.getByRole('alert').textContent).toMatch(/^⚠?\s*Line 1, column \d+:/)
    for (const name of ['Copy', 'Open in mail app', 'Save .eml', 'Mark as sent…']) {
      expect(screen.getByRole('button', { name })).toBeDisabled()
    }
    expect(screen.getByText(/^Fix the error in the body first \(line 1, column \d+\)\.$/)).toBeInTheDocument()
    fireEvent.change(body, { target: { value: original } })
    expect(screen.getByRole('button', { name: 'Mark as sent…' })).toBeEnabled()
  })

  it('with nobody chosen as the sender, it says how to choose one, and cannot mark as sent', async () => {
    const { desk } = await deskWithSender({ sender: false })
    const kase = await value(desk.cases.create(report))
    renderApp(desk, `/cases/${kase.id}/draft`)
    const notice = await screen.findByText(/^Nobody is chosen as the sender\./, {}, slow)
    expect(within(notice).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings')
    expect(screen.getByRole('button', { name: 'Mark as sent…' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Save .eml' })).toBeDisabled()
  })

  it('the reporter’s language is chosen, and the other one is one click away', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create({ ...report, reporter: { ...report.reporter, language: 'nl' } }))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    await screen.findByRole('button', { name: 'Nederlands (reporter’s)', pressed: true }, slow)
    const dutch = bodyShown().textContent
    await user.click(screen.getByRole('button', { name: 'English' }))
    expect(bodyShown().textContent).not.toBe(dutch)
    expect(screen.getByRole('button', { name: 'English', pressed: true })).toBeInTheDocument()
  })

  it('a mailto: link too long for mail apps is refused with the reason, and the file offered instead', async () => {
    const { desk, saved, mailto } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Body', {}, slow)
    fireEvent.change(body, { target: { value: `${body.value}\n${'A long paragraph of the reply. '.repeat(100)}` } })
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }))

    const refused = await screen.findByRole('status', {}, slow)
    expect(refused.textContent).toMatch(/2,000|2000/)
    expect(mailto()).toEqual([])
    await user.click(within(refused).getByRole('button', { name: 'Save .eml instead' }))
    await waitFor(() => expect(saved()).toHaveLength(1), slow)
    expect(saved()[0]!.path).toMatch(new RegExp(`${kase.key} acknowledgement\\.eml$`))
  })

  it('a short draft opens in the mail app as a mailto: link; with no mail app, it says so and offers the file', async () => {
    const { desk, files, mailto } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    await screen.findByLabelText('Body', {}, slow)
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }))
    await screen.findByText('Opened in your mail app. Mark the email as sent once it has gone out.', {}, slow)
    const url = new URL(mailto()[0]!)
    expect(url.pathname).toBe('noor@example.org')
    expect(url.searchParams.get('body')?.replace(/\r\n$/, '')).toBe(previewText().replace(/\n/g, '\r\n'))

    files.mailAppPresent = false
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }))
    const refused = await screen.findByText(/^No mail app on this computer took the link\./, {}, slow)
    expect(within(refused.closest('[role="status"]')!).getByRole('button', { name: 'Save .eml instead' })).toBeInTheDocument()
  })

  it('a reply to a report that came in encrypted asks before an unencrypted copy quotes it', async () => {
    const { desk, saved } = await deskWithSender()
    const kase = await value(
      desk.cases.create({ ...report, mail: { references: [], encrypted: true, attachments: [] } }),
    )
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Body', {}, slow)
    fireEvent.change(body, { target: { value: `${body.value}\n> The next= parameter of /login redirects to any host.` } })
    await user.click(screen.getByRole('button', { name: 'Save .eml' }))

    const ask = screen.getByRole('dialog', { name: 'Send the report’s words unencrypted?' })
    await user.click(within(ask).getByRole('button', { name: 'Keep it private' }))
    expect(saved()).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Save .eml' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save .eml unencrypted' }))
    await waitFor(() => expect(saved()).toHaveLength(1), slow)
  })

  it('leaving a half-written draft asks first', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Body', {}, slow)
    fireEvent.change(body, { target: { value: `${body.value}\nOne more line.` } })
    await user.click(screen.getByRole('link', { name: kase.key }))
    const ask = screen.getByRole('dialog', { name: 'Leave without saving?' })
    expect(ask.textContent).toContain(`Your changes to the draft for ${kase.key} will be lost.`)
    await user.click(within(ask).getByRole('button', { name: 'Stay' }))
    expect(screen.getByLabelText<HTMLTextAreaElement>('Body').value).toMatch(/One more line\.$/)
  })

  it('marking the acknowledgement sent records it, meets the deadline and opens again from the timeline', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement&deadline=acknowledgement:1`)
    await screen.findByRole('region', { name: 'Drafted for' }, slow)
    const shownBody = previewText()
    expect(within(preview()).getByText('"Noor Haddad" <noor@example.org>')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    const dialog = screen.getByRole('dialog', { name: 'Mark as sent' })
    expect(within(dialog).getByText(/^The milestone Acknowledgement sent at the time sent: it meets “Acknowledge receipt”/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Record as sent' }))

    const deadlines = await screen.findByRole('list', { name: 'Deadlines' }, slow)
    await waitFor(() => expect(within(within(deadlines).getByRole('listitem', { name: 'Acknowledge receipt' })).getByText('Met on time')).toBeInTheDocument(), slow)
    const stored = await value(desk.cases.get({ id: kase.id }))
    const email = stored.timeline.find((e) => e.type === 'email_sent')
    expect(email).toMatchObject({
      templateId: 'acknowledgement',
      purpose: 'acknowledgement',
      language: 'en',
      from: '"Sam de Vries" <security@example.nl>',
      // The reporter by name, as the preview shows it and the .eml carries it.
      to: ['"Noor Haddad" <noor@example.org>'],
      encrypted: false,
      forDeadline: { ruleId: 'acknowledgement', occurrence: 1 },
    })

    // What was recorded is what the preview showed.
    const sentBody = email?.type === 'email_sent' ? email.body : ''
    expect(sentBody.replace(/\n$/, '')).toBe(shownBody)

    await user.click(screen.getByRole('button', { name: `Open email: ${email?.type === 'email_sent' ? email.subject : ''}` }))
    expect(within(screen.getByRole('dialog')).getByLabelText('Body').textContent).toBe(sentBody)
  })

  it('an expected resolution date that slipped offers the progress update that renegotiates it, with the date to change', async () => {
    // Told on Monday 21 Dec that the fix comes by Fri 8 Jan; it is Tue 12 Jan and the fix is not out.
    let today = monday
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(today)
    const { desk } = await desks.open({ now: () => today })
    const settings = await value(desk.settings.get({}))
    await value(desk.settings.update({ settings: { ...settings, team: [{ id: 'm-sam', name: 'Sam de Vries', email: 'security@example.nl' }] }, base: settings }))
    await value(desk.identity.set({ memberId: 'm-sam' }))
    let kase = await value(desk.cases.create(report))
    const sent = (purpose: 'acknowledgement' | 'evaluation', inputs?: { expectedResolutionDate: string }) => ({
      id: kase.id,
      revision: kase.revision,
      email: { templateId: purpose, purpose, language: 'en' as const, from: 'security@example.nl', to: ['noor@example.org'], cc: [], subject: `[${kase.key}]`, body: 'Hello', encrypted: false },
      on: today.toISOString(),
      ...(inputs ? { inputs } : {}),
    })
    kase = await value(desk.cases.recordEmail(sent('acknowledgement')))
    kase = await value(desk.cases.recordEmail(sent('evaluation', { expectedResolutionDate: '2027-01-08' })))
    today = new Date('2027-01-12T09:00:00Z')
    vi.setSystemTime(today)

    const { user } = renderApp(desk, `/cases/${kase.id}`)
    const link = await screen.findByRole('link', { name: 'Draft a progress update with a new date' }, slow)
    // The team's commitment slipped: not a policy deadline gone overdue.
    const promise = within(screen.getByRole('list', { name: 'Deadlines' })).getByRole('listitem', { name: 'Release the fix by the date promised' })
    expect(within(promise).getByText('Slipped')).toBeInTheDocument()
    expect(within(promise).queryByText('Overdue')).toBeNull()
    await user.click(link)
    expect(await screen.findByLabelText<HTMLSelectElement>('Template', {}, slow)).toHaveValue('progress_update')
    const date = screen.getByLabelText<HTMLInputElement>('Expected resolution date')
    expect(date.value).toBe('2027-01-08')
    expect(screen.getByText(/Promised now: Fri 8 Jan 2027\./)).toBeInTheDocument()
    // Needed here, not optional: the slipped date is refused at the field, and nothing goes out meanwhile.
    expect(date).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('This is the date the reporter was given before, and it has passed. Enter the date you now expect the problem to be resolved by.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Mark as sent…' })).toBeDisabled()
    fireEvent.change(date, { target: { value: '' } })
    expect(screen.getByText('The date given before has passed: enter the new date this update gives the reporter.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy' })).toBeDisabled()

    fireEvent.change(date, { target: { value: '2027-01-29' } })
    await waitFor(() => expect(bodyShown().textContent).toContain('29 January 2027'))
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    expect(
      within(screen.getByRole('dialog', { name: 'Mark as sent' })).getByText(
        'The commitment to the reporter: the fix by Fri 29 Jan 2027, with its own deadline on the case.',
      ),
    ).toBeInTheDocument()
  })

  it('with the reporter’s PGP key, the draft is encrypted: the key shown, an armored copy, an encrypted .eml, recorded as encrypted', async () => {
    const { generateKey } = await import('openpgp')
    const { publicKey } = await generateKey({ userIDs: [{ name: 'Noor Haddad', email: 'noor@example.org' }], format: 'armored' })
    const { desk, saved } = await deskWithSender()
    const kase = await value(desk.cases.create({ ...report, reporter: { ...report.reporter, pgpPublicKey: publicKey } }))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)

    const toggle = await screen.findByRole('checkbox', { name: 'Encrypt to the reporter’s key' }, slow)
    await waitFor(() => expect(toggle).toBeEnabled(), slow)
    // As key tools print it, to be compared with what the reporter reads out.
    expect(screen.getByText(/^Key ([0-9A-F]{4} ){9}[0-9A-F]{4} · Noor Haddad <noor@example\.org>$/)).toBeInTheDocument()
    expect(screen.queryByText(/^Encrypted to /)).toBeNull()
    await user.click(toggle)
    expect(within(preview()).getByText('Encrypted to Noor Haddad <noor@example.org> — the subject stays readable')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    await screen.findByText('Copied the encrypted body (the subject is not encrypted).', {}, slow)
    // user-event puts a clipboard of its own on navigator, which the app writes to.
    const copied = await navigator.clipboard.readText()
    expect(copied).toMatch(/^-----BEGIN PGP MESSAGE-----/)
    expect(copied).not.toContain('Noor Haddad')

    await user.click(screen.getByRole('button', { name: 'Save .eml' }))
    await waitFor(() => expect(saved()).toHaveLength(1), slow)
    const content = saved()[0]!.content
    const eml = typeof content === 'string' ? content : new TextDecoder().decode(content)
    expect(eml).toMatch(/multipart\/encrypted/)

    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    expect(within(screen.getByRole('dialog', { name: 'Mark as sent' })).getByText(/, in English, encrypted, on the timeline\.$/)).toBeInTheDocument()
  })

  it('another kind of email written from a deadline does not claim to keep it', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=request_info&deadline=acknowledgement:1`)
    await screen.findByRole('region', { name: 'Drafted for' }, slow)
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    const dialog = screen.getByRole('dialog', { name: 'Mark as sent' })
    expect(dialog.textContent).not.toContain('Acknowledge receipt')
    expect(within(dialog).getByText('The status moves to Needs info.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Record as sent' }))
    await screen.findByRole('list', { name: 'Deadlines' }, slow)
    const email = (await value(desk.cases.get({ id: kase.id }))).timeline.find((e) => e.type === 'email_sent')
    expect(email).toMatchObject({ purpose: 'request_info' })
    expect(email?.type === 'email_sent' && email.forDeadline).toBeUndefined()
  })

  it('a publication consultation asks for the moment with its zone, shows it in the email and names it before marking sent', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=publication_consultation`)
    await screen.findByLabelText('Proposed publication', {}, slow)
    expect(screen.getByRole('button', { name: 'Mark as sent…' })).toBeDisabled()
    expect(screen.getByText('Proposed publication: Choose the date, time and zone of the publication this email proposes.')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('Proposed publication'), { target: { value: '2027-02-02T10:00' } })
    fireEvent.change(screen.getByLabelText('Publication time zone'), { target: { value: 'America/New_York' } })
    // Proposed at 10:00 in New York, written on the reporter's clock (they reported from Amsterdam).
    await waitFor(() => expect(bodyShown().textContent).toContain('Tuesday 2 February 2027 at 16:00 (Europe/Amsterdam)'))
    expect(screen.getByText('The email gives this as Tue 2 Feb 2027 16:00 (Europe/Amsterdam), the reporter’s clock.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    expect(
      within(screen.getByRole('dialog', { name: 'Mark as sent' })).getByText('The proposed publication: Tue 2 Feb 2027 10:00 (America/New_York).'),
    ).toBeInTheDocument()
  })
})

describe('the draft screen after review', { timeout: 30_000 }, () => {
  it('Sent on starts at now with its seconds, on the team’s clock named, so a report received seconds ago can be answered', async () => {
    // 10:00:45 in Amsterdam; the report came in at 10:00:20.
    const { desk } = await deskWithSender({ at: new Date('2026-12-21T09:00:45Z') })
    const kase = await value(desk.cases.create({ ...report, received: { at: '2026-12-21T10:00:20+01:00', timeZone: 'Europe/Amsterdam' } }))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement&deadline=acknowledgement:1`)
    await screen.findByRole('region', { name: 'Drafted for' }, slow)
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    const dialog = screen.getByRole('dialog', { name: 'Mark as sent' })
    const sentOn = within(dialog).getByLabelText<HTMLInputElement>('Sent on')
    // (jsdom writes the seconds' fraction out; Chromium leaves it off)
    expect(sentOn.value).toMatch(/^2026-12-21T10:00:45(\.000)?$/)
    expect(within(dialog).getByText('On the team’s clock, Europe/Amsterdam')).toBeInTheDocument()

    // A time before the report is refused at the field itself.
    fireEvent.change(sentOn, { target: { value: '2026-12-21T10:00:10' } })
    await user.click(within(dialog).getByRole('button', { name: 'Record as sent' }))
    expect(sentOn).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByText(/^This is before the report was received/)).toBeInTheDocument()
    fireEvent.change(sentOn, { target: { value: '2026-12-21T10:00:45' } })
    await user.click(within(dialog).getByRole('button', { name: 'Record as sent' }))
    await screen.findByRole('list', { name: 'Deadlines' }, slow)
    const email = (await value(desk.cases.get({ id: kase.id }))).timeline.find((e) => e.type === 'email_sent')
    expect(email?.type === 'email_sent' && Date.parse(email.on)).toBe(Date.parse('2026-12-21T09:00:45Z'))

    // The timeline and the email opened again read on the same clock, naming it.
    expect(screen.getByText('Times on the team’s clock, Europe/Amsterdam.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /^Open email: / }))
    const opened = screen.getByRole('dialog')
    expect(within(opened).getByText('Mon 21 Dec 2026 10:00 (Europe/Amsterdam)')).toBeInTheDocument()
  })

  it('an email marked as sent by mistake is withdrawn from the timeline, and its milestone with it', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement&deadline=acknowledgement:1`)
    await screen.findByRole('region', { name: 'Drafted for' }, slow)
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Mark as sent' })).getByRole('button', { name: 'Record as sent' }))
    const deadlines = await screen.findByRole('list', { name: 'Deadlines' }, slow)
    const acknowledgement = () => within(deadlines).getByRole('listitem', { name: 'Acknowledge receipt' })
    await waitFor(() => expect(within(acknowledgement()).getByText('Met on time')).toBeInTheDocument(), slow)

    await user.click(screen.getByRole('button', { name: 'Withdraw email' }))
    await user.click(within(screen.getByRole('form', { name: 'Withdraw email' })).getByRole('button', { name: 'Withdraw' }))
    await waitFor(() => expect(within(acknowledgement()).queryByText('Met on time')).toBeNull(), slow)
    const stored = await value(desk.cases.get({ id: kase.id }))
    expect(stored.timeline.some((e) => e.type === 'event_withdrawn')).toBe(true)
  })

  it('an evaluation’s resolution date already past is refused under the field, with every output off and why', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    renderApp(desk, `/cases/${kase.id}/draft?template=evaluation`)
    const date = await screen.findByLabelText<HTMLInputElement>('Expected resolution date', {}, slow)
    expect(date).toHaveAttribute('min', '2026-12-21')
    fireEvent.change(date, { target: { value: '2026-12-18' } })
    const refusal = 'This date has passed: the reporter would be promised a day that is already over. Choose today or a later date.'
    expect(screen.getByText(refusal).className).toBe('field-error')
    expect(screen.getByText(`Expected resolution date: ${refusal}`)).toBeInTheDocument()
    for (const name of ['Copy', 'Open in mail app', 'Save .eml', 'Mark as sent…']) {
      expect(screen.getByRole('button', { name })).toBeDisabled()
    }
    fireEvent.change(date, { target: { value: '2027-01-15' } })
    expect(screen.getByText(/^The email gives Fri 15 Jan 2027\./)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Mark as sent…' })).toBeEnabled()
  })

  it('a routine progress update offers the resolution date as optional', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    renderApp(desk, `/cases/${kase.id}/draft?template=progress_update`)
    const date = await screen.findByLabelText<HTMLInputElement>('Expected resolution date (optional)', {}, slow)
    expect(date.value).toBe('')
    expect(screen.getByRole('button', { name: 'Mark as sent…' })).toBeEnabled()
  })

  it('a publication moment the clocks skip or show twice is pointed out', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    renderApp(desk, `/cases/${kase.id}/draft?template=publication_consultation`)
    const moment = await screen.findByLabelText('Proposed publication', {}, slow)
    fireEvent.change(moment, { target: { value: '2027-03-28T02:30' } })
    expect(screen.getByText('The clocks in Europe/Amsterdam skip 02:30 that night (they go forward): this reads as 03:30.')).toBeInTheDocument()
    fireEvent.change(moment, { target: { value: '2027-10-31T02:30' } })
    expect(screen.getByText('02:30 happens twice in Europe/Amsterdam that night (the clocks go back): this means the first time, before they change.')).toBeInTheDocument()
    fireEvent.change(moment, { target: { value: '2027-02-02T10:00' } })
    expect(screen.queryByText(/the clocks go/)).toBeNull()
  })

  it('placeholders left in are named in the Send card and once more before marking sent', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=request_info`)
    const send = await screen.findByRole('region', { name: 'Send' }, slow)
    const note = within(send).getByRole('note', { name: 'Placeholders' })
    expect(note.textContent).toMatch(/^1 placeholder not filled in: write these in before it goes out\.\[What we need, /)
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }))
    expect(within(screen.getByRole('dialog', { name: 'Mark as sent' })).getByRole('alert').textContent).toMatch(
      /^1 placeholder not filled in: \[What we need, .*\]\. Record it as sent only if it went out like this\.$/,
    )
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    const body = screen.getByLabelText<HTMLTextAreaElement>('Body')
    fireEvent.change(body, { target: { value: body.value.replace(/\[What we need[^\]]*\]/, 'the exact steps') } })
    expect(within(send).queryByRole('note', { name: 'Placeholders' })).toBeNull()
  })

  it('a report still held encrypted asks before any unencrypted output', async () => {
    const { desk, saved } = await deskWithSender()
    const armored = '-----BEGIN PGP MESSAGE-----\n\nhQEMA1234567890AQf/abc\n=abcd\n-----END PGP MESSAGE-----'
    const kase = await value(desk.cases.create({ ...report, reportText: armored }))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    await screen.findByLabelText('Body', {}, slow)
    await user.click(screen.getByRole('button', { name: 'Save .eml' }))
    const ask = screen.getByRole('dialog', { name: 'Send this unencrypted?' })
    expect(ask.textContent).toContain('the case still holds it encrypted, so the desk cannot tell whether this draft repeats any of it')
    await user.click(within(ask).getByRole('button', { name: 'Keep it private' }))
    expect(saved()).toEqual([])
  })

  it('what the last output did goes once the message changes', async () => {
    const { desk } = await deskWithSender()
    const kase = await value(desk.cases.create(report))
    const { user } = renderApp(desk, `/cases/${kase.id}/draft?template=acknowledgement`)
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Body', {}, slow)
    fireEvent.change(body, { target: { value: `${body.value}\n${'A long paragraph of the reply. '.repeat(100)}` } })
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }))
    const send = screen.getByRole('region', { name: 'Send' })
    await within(send).findByRole('status', {}, slow)
    fireEvent.change(body, { target: { value: 'Dear {{ reporter_name }},' } })
    expect(within(send).queryByRole('status')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }))
    await within(send).findByText('Opened in your mail app. Mark the email as sent once it has gone out.', {}, slow)
    await user.click(screen.getByRole('button', { name: 'Nederlands' }))
    expect(within(send).queryByRole('status')).toBeNull()
  })
})
