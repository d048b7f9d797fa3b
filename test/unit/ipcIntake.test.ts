import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPendingImports, type ReadMailResult } from '../../electron/pendingImports'
import { mailSizeLimit } from '../../src/intake'
import { emlSizeLimit, type IntakePreview, type Result } from '../../src/ipc/contract'
import { createTestDesk, type TestDesk } from '../support/testDesk'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

const monday = () => new Date('2026-12-21T09:00:00Z')

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const attachment = 'GET /invoices/1002 HTTP/1.1\r\nCookie: session=someone-else\r\n'
/** A report as a mail app saves it, with a proof-of-concept attached under a name that tries to leave the folder. */
const eml = [
  'From: Sam Finder <sam@example.org>',
  'To: security@example.nl',
  'Subject: IDOR in the invoice API',
  'Date: Fri, 18 Dec 2026 16:10:00 +0100',
  'Message-ID: <report-1@mail.example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Changing the invoice number shows another customer’s invoice.',
  '--b1',
  'Content-Type: text/plain; name="../../.bashrc"',
  'Content-Disposition: attachment; filename="../../.bashrc"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from(attachment).toString('base64'),
  '--b1--',
  '',
].join('\r\n')

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

describe('intake over IPC', () => {
  it('reads a dropped mail into a case input kept under a token, lists its attachment by digest, and saves it only when asked', async () => {
    t = await createTestDesk({ now: monday })
    const preview = value(await t.desk.intake.parse({ bytes: new TextEncoder().encode(eml) }))
    if (!preview.ok) throw new Error(preview.problem)
    expect(preview.input).toMatchObject({
      title: 'IDOR in the invoice API',
      reporter: { name: 'Sam Finder', email: 'sam@example.org' },
      // The offset read as the team's zone (the default settings: the Netherlands), since it fits.
      received: { at: '2026-12-18T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
      channel: 'email',
      mail: { messageId: '<report-1@mail.example.org>' },
    })
    const sha256 = createHash('sha256').update(attachment).digest('hex')
    expect(preview.attachments).toEqual([{ name: '../../.bashrc', type: 'text/plain', size: attachment.length, sha256 }])
    expect(t.files.saved).toEqual([])
    expect(value(await t.desk.intake.get({ token: preview.token }))).toEqual(preview)

    const saved = value(await t.desk.intake.saveAttachment({ token: preview.token, index: 0 }))
    // The dialog offers a name that stays in the folder the person picks, is not hidden, and keeps its bytes intact.
    expect(saved).toEqual({ saved: true, file: join(t.files.folder, 'bashrc') })
    expect(t.files.saved.map((f) => [f.title, f.suggestedName])).toEqual([['Save the attachment', 'bashrc']])
    expect(createHash('sha256').update(await readFile(saved.file!)).digest('hex')).toBe(sha256)

    t.files.acceptSaves = false
    expect(value(await t.desk.intake.saveAttachment({ token: preview.token, index: 0 }))).toEqual({ saved: false })
    const missing = await t.desk.intake.saveAttachment({ token: preview.token, index: 1 })
    expect(!missing.ok && missing.error).toEqual({ code: 'not_found', message: 'This mail has no such attachment.', issues: [] })
  })

  it('keeps bytes that are not a mail under a token too, with the reason, and creates nothing', async () => {
    t = await createTestDesk({ now: monday })
    const preview = value(await t.desk.intake.parse({ bytes: png }))
    expect(preview.ok).toBe(false)
    if (preview.ok) return
    expect(preview.problem).toMatch(/^This file is not an email message/)
    expect(value(await t.desk.intake.get({ token: preview.token }))).toEqual(preview)
    expect(value(await t.desk.cases.list({}))).toEqual([])
  })

  it('refuses a token it does not keep, saying to import the file again', async () => {
    t = await createTestDesk({ now: monday })
    const result = await t.desk.intake.get({ token: '00000000-0000-4000-8000-000000000000' })
    expect(!result.ok && result.error).toEqual({
      code: 'not_found',
      message: 'This imported mail is no longer open in the app (only the last few are kept). Import the .eml file again.',
      issues: [],
    })
  })

  it('takes bytes only, and none over the limit src/intake reads', async () => {
    expect(emlSizeLimit).toBe(mailSizeLimit)
    t = await createTestDesk({ now: monday })
    const text = await t.desk.intake.parse({ bytes: eml as never })
    expect(!text.ok && text.error.code).toBe('invalid_input')
    const huge = await t.desk.intake.parse({ bytes: new Uint8Array(emlSizeLimit + 1) })
    expect(!huge.ok && huge.error.message).toBe(
      'The request was not saved. A mail over 60 MB is not read: save it without its largest attachments, or create the case by hand.',
    )
  })
})

describe('File → Import report from email…', () => {
  it('reads the chosen file, keeps it, and sends the window to its import screen', async () => {
    t = await createTestDesk({ now: monday })
    t.files.queueEml('report.eml', eml)
    const to = await t.importEmailFromMenu()
    const token = to?.match(/^\/import\/([0-9a-f-]{36})$/)?.[1]
    expect(token).toBeDefined()
    expect(t.events).toEqual([{ name: 'app:navigate', payload: { to } }])
    const preview = value(await t.desk.intake.get({ token: token! }))
    expect(preview.ok && preview.input.title).toBe('IDOR in the invoice API')
  })

  it('shows why a chosen file is not a mail on the same screen, and does nothing when the dialog is cancelled', async () => {
    t = await createTestDesk({ now: monday })
    t.files.queueEml('photo.eml', png)
    const to = await t.importEmailFromMenu()
    const preview = value(await t.desk.intake.get({ token: to!.slice('/import/'.length) }))
    expect(preview.ok).toBe(false)
    expect(await t.importEmailFromMenu()).toBeNull()
    expect(t.events).toHaveLength(1)
  })
})

describe('the pending imports', () => {
  const mail = (size: number): ReadMailResult => ({
    input: { title: 'Report', reporter: { name: 'Sam', email: 'sam@example.org' }, received: { at: '2026-12-18T15:10:00.000Z', timeZone: 'UTC' } },
    attachments: size > 0 ? [{ name: 'poc.bin', type: 'application/octet-stream', size, sha256: '0'.repeat(64) }] : [],
    contents: size > 0 ? [new Uint8Array(size)] : [],
    encrypted: false,
    notes: [],
  })
  const kept = (pending: ReturnType<typeof createPendingImports>, previews: IntakePreview[]) =>
    previews.map((p) => {
      try {
        pending.get(p.token)
        return true
      } catch {
        return false
      }
    })

  it('keeps the last few mails, forgetting the oldest first', async () => {
    const pending = createPendingImports(async () => mail(0), { mails: 3, bytes: 1000 })
    const previews = [await pending.parse(png), await pending.parse(png), await pending.parse(png), await pending.parse(png)]
    expect(kept(pending, previews)).toEqual([false, true, true, true])
  })

  it('keeps attachment bytes within its budget, and the newest mail whatever its size', async () => {
    const sizes = [400, 400, 400, 2000]
    const read = vi.fn(async () => mail(sizes.shift()!))
    const pending = createPendingImports(read, { mails: 10, bytes: 1000 })
    const previews: IntakePreview[] = []
    for (let i = 0; i < 3; i++) previews.push(await pending.parse(png))
    // 1,200 bytes over a 1,000 budget: the oldest goes.
    expect(kept(pending, previews)).toEqual([false, true, true])
    previews.push(await pending.parse(png))
    expect(kept(pending, previews)).toEqual([false, false, false, true])
    expect(pending.attachment(previews[3]!.token, 0).content.byteLength).toBe(2000)
  })

  it('says a bug in reading in words a person can act on, and logs the detail', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const pending = createPendingImports(async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'headers')")
      })
      const preview = await pending.parse(png)
      expect(preview).toEqual({
        token: preview.token,
        ok: false,
        problem: 'Disclosure Desk hit an internal error reading this mail and created nothing. Try again, and restart the app if it happens again.',
      })
      expect(logged).toHaveBeenCalledOnce()
    } finally {
      logged.mockRestore()
    }
  })
})
