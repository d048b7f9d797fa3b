import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/agenda/calendarDays'
import { timeZoneOf } from '../../src/calendar'
import { channels } from '../../src/ipc/contract'
import { emptyDocument } from '../../src/store/document'
import { dateInZone } from '../../src/time'

const root = join(import.meta.dirname, '..', '..')
const runner = join(root, 'test/support/mainProcess/runMain.mjs')

interface SentEvent {
  channel: string
  args: unknown[]
}
interface MainReport {
  reminders: {
    promised: { ok: boolean; error?: unknown }
    notifications: { title: string; body: string }[]
    sentByClick: SentEvent[]
    window: { restored: number; shown: number; focused: number }
  }
  secondInstance: { locks: number; window: { shown: number; focused: number }; sent: SentEvent[] }
  windows: { webPreferences: Record<string, unknown>; preloadExists: boolean; loaded: { file?: string; url?: string } }[]
  channels: string[]
  appListeners: string[]
  foreign: unknown[]
  foreignSent: number
  appState: unknown
  created: { ok: boolean; value?: { id: string; key: string } }
  sentAfterCreate: SentEvent[]
  sentByMenu: SentEvent[]
  executedJavaScript: string[]
  lockedDown: { windowOpen: unknown; navigate: boolean; redirect: boolean; webview: boolean }
  requests: { renderer: boolean; remote: boolean; otherFile: boolean }
  permissionGranted: boolean
  permissionCheck: boolean
  unsavedClose: { stay: boolean; leave: boolean; asked: Record<string, unknown>[] }
  identity: unknown
  mailImport: {
    accelerator: string
    sentByImport: SentEvent[]
    imported: { ok: boolean; title?: string; attachments?: { name: string; size: number }[] }
    attachmentSaved: unknown
    attachmentText: string | null
    fileDialogs: Record<string, unknown>[]
    mailto: unknown
    openedExternal: string[]
  }
}

const report = {
  title: 'IDOR in the invoice API',
  reporter: { name: 'Sam Finder', email: 'sam@example.org' },
  // Yesterday: a received time in the future is refused, and the child runs on the real clock.
  received: { at: new Date(Date.now() - 86_400_000).toISOString(), timeZone: 'Europe/Amsterdam' },
}

const attachment = 'GET /invoices/1002 HTTP/1.1\r\n'
const eml = [
  'From: Sam Finder <sam@example.org>',
  'Subject: IDOR in the invoice API',
  'Date: Fri, 18 Dec 2026 16:10:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Changing the invoice number shows another invoice.',
  '--b1',
  'Content-Type: text/plain; name="poc.txt"',
  'Content-Disposition: attachment; filename="poc.txt"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from(attachment).toString('base64'),
  '--b1--',
  '',
].join('\r\n')

/** Runs the built main process in a plain Node child with the stand-in electron (see test/support/mainProcess). */
async function runBuiltMain(userData: string): Promise<{ report: MainReport; stderr: string; code: number | null }> {
  const emlFile = join(userData, 'report.eml')
  await writeFile(emlFile, eml)
  // The development server address would make main load a URL instead of the built renderer.
  const { ELECTRON_RENDERER_URL: _devServer, ...inherited } = process.env
  const env = {
    ...inherited,
    MAIN_ENTRY: join(root, 'out/main/index.js'),
    RENDERER_FILE: join(root, 'out/renderer/index.html'),
    FAKE_USER_DATA: userData,
    CASE_INPUT: JSON.stringify(report),
    EML_FILE: emlFile,
    // The team's tomorrow in a new store's zone: the fix promised by then is a deadline due tomorrow.
    PROMISED_DATE: addDays(dateInZone(Date.now(), timeZoneOf(emptyDocument().settings.calendar.spec)), 1),
  }
  const child = spawn(process.execPath, [runner], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const line = stdout.split('\n').find((l) => l.startsWith('MAIN-REPORT '))
  if (!line) throw new Error(`the main process printed no report (exit ${code}):\n${stdout}\n${stderr}`)
  return { report: JSON.parse(line.slice('MAIN-REPORT '.length)) as MainReport, stderr, code }
}

describe('the built main process, started with a stand-in electron', () => {
  let userData: string
  let run: Awaited<ReturnType<typeof runBuiltMain>>
  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'disclosure-desk-main-'))
    run = await runBuiltMain(userData)
  })
  afterAll(async () => {
    await rm(userData, { recursive: true, force: true })
  })

  it('starts and quits cleanly', () => {
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
  })

  it('creates exactly one window, with the secure web preferences and the real built preload', () => {
    const { windows } = run.report
    expect(windows).toHaveLength(1)
    const [window] = windows
    expect(window!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A dropped mail is read by the page, never opened as a page of its own.
      navigateOnDragDrop: false,
    })
    expect(window!.webPreferences['preload']).toBe(join(root, 'out/preload/index.cjs'))
    expect(window!.preloadExists).toBe(true)
    expect(window!.loaded).toEqual({ file: join(root, 'out/renderer/index.html') })
  })

  it('registers a handler for every contract channel and no other', () => {
    expect([...run.report.channels].sort()).toEqual([...channels].sort())
  })

  it('refuses a call from a foreign page or an iframe, without running the command or sending anything', () => {
    for (const refused of run.report.foreign) {
      expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Refused: request from outside the app', issues: [] } })
    }
    expect(run.report.foreignSent).toBe(0)
    // The store the main process opened in its user data folder is still empty when the app's own frame asks.
    expect(run.report.appState).toEqual({ ok: true, value: { kind: 'ready', file: join(userData, 'disclosure-desk.json'), caseCount: 0 } })
  })

  it("sends the store's change to the window as the contract event, after a mutation through the registered handler", () => {
    const { created, sentAfterCreate } = run.report
    expect(created.ok).toBe(true)
    expect(sentAfterCreate).toEqual([{ channel: 'case:changed', args: [{ id: created.value!.id }] }])
  })

  it('navigates from the menu by the app:navigate event, never by running script in the page', () => {
    expect(run.report.sentByMenu).toEqual([
      { channel: 'app:navigate', args: [{ to: '/cases/new' }] },
      { channel: 'app:navigate', args: [{ to: '/policies' }] },
    ])
    expect(run.report.executedJavaScript).toEqual([])
  })

  it('shows a deadline due tomorrow as a desktop notification naming the case key only; a click opens the case', () => {
    const { reminders } = run.report
    const key = run.report.created.value!.key
    expect(reminders.promised).toEqual({ ok: true })
    const promise = reminders.notifications.find((n) => n.title === `Due tomorrow: ${key}`)
    expect(promise?.body).toMatch(/^Release the fix by the date promised, due /)
    // Notifications show on a locked screen and stay in the notification centre: no title, no reporter.
    for (const n of reminders.notifications) {
      expect(`${n.title} ${n.body}`).not.toMatch(/IDOR|invoice|Sam|Finder|sam@example/)
    }
    expect(reminders.sentByClick).toEqual([{ channel: 'app:navigate', args: [{ to: `/cases/${run.report.created.value!.id}` }] }])
    expect(reminders.window).toEqual({ restored: 1, shown: 1, focused: 1 })
  })

  it('asks for the single-instance lock, and a second start brings the window forward as it is', () => {
    const { secondInstance } = run.report
    expect(secondInstance.locks).toBe(1)
    expect(secondInstance.window).toEqual({ shown: 2, focused: 2 })
    expect(secondInstance.sent).toEqual([])
  })

  it('imports a report from the File menu: the open dialog, the import screen, an attachment saved only when asked', () => {
    const { mailImport } = run.report
    expect(mailImport.accelerator).toBe('CmdOrCtrl+I')
    expect(mailImport.sentByImport).toEqual([{ channel: 'app:navigate', args: [{ to: expect.stringMatching(/^\/import\/[0-9a-f-]{36}$/) }] }])
    expect(mailImport.imported).toMatchObject({ ok: true, title: 'IDOR in the invoice API', attachments: [{ name: 'poc.txt' }] })
    expect(mailImport.attachmentSaved).toEqual({ ok: true, value: { saved: true, file: join(userData, 'saved-attachment.txt') } })
    expect(mailImport.attachmentText).toBe(attachment)
    expect(mailImport.fileDialogs).toEqual([
      expect.objectContaining({ kind: 'open', properties: ['openFile'], filters: [{ name: 'Saved email', extensions: ['eml'] }, { name: 'All files', extensions: ['*'] }] }),
      expect.objectContaining({ kind: 'save', title: 'Save the attachment', defaultPath: 'poc.txt' }),
    ])
  })

  it('hands a draft to the mail app as a mailto: link', () => {
    const { mailto, openedExternal } = run.report.mailImport
    expect(mailto).toEqual({ ok: true, value: { opened: true } })
    expect(openedExternal).toEqual(['mailto:sam@example.org?subject=Re%3A%20IDOR&body=Thank%20you.'])
  })

  it('asks before a window with unsaved changes closes, and closes it only on Leave', () => {
    const { stay, leave, asked } = run.report.unsavedClose
    expect([stay, leave]).toEqual([false, true])
    expect(asked).toHaveLength(2)
    expect(asked[0]).toEqual({
      type: 'question',
      message: 'Leave without saving?',
      detail: 'Your unsaved changes will be lost.',
      buttons: ['Stay', 'Leave'],
      defaultId: 0,
      cancelId: 0,
    })
  })

  it('locks down every web contents and the session: no new windows, navigation, webviews, permissions or remote loads', () => {
    expect(run.report.lockedDown).toEqual({ windowOpen: { action: 'deny' }, navigate: true, redirect: true, webview: true })
    expect(run.report.requests).toEqual({ renderer: false, remote: true, otherFile: true })
    expect(run.report.permissionGranted).toBe(false)
    expect(run.report.permissionCheck).toBe(false)
  })

  it('keeps who uses this installation in its user data folder, per store file, not in the shared store', async () => {
    expect(run.report.identity).toEqual({ ok: true, value: { memberId: null } })
    const kept = JSON.parse(await readFile(join(userData, 'identities.json'), 'utf8')) as unknown
    expect(kept).toEqual({ [join(userData, 'disclosure-desk.json')]: null })
  })

  it('kept the case it created in the store file of its user data folder', async () => {
    const saved = JSON.parse(await readFile(join(userData, 'disclosure-desk.json'), 'utf8')) as { cases: { id: string }[] }
    expect(saved.cases.map((c) => c.id)).toEqual([run.report.created.value!.id])
  })
})
