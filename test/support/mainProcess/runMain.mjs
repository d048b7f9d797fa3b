// Starts the built main process (out/main/index.js) in this bare Node process with the recording fake of `electron`,
// drives it as Electron and a window would, and prints what it did as one JSON line for mainProcess.e2e.ts.
// Input (environment): MAIN_ENTRY, FAKE_USER_DATA, RENDERER_FILE (the built index.html), CASE_INPUT (a case to create),
// EML_FILE (a saved mail with one attachment, for the menu's import), PROMISED_DATE (the team's tomorrow, which the
// evaluation email promises the fix by: a deadline due tomorrow, whatever the weekday).
import { existsSync, readFileSync } from 'node:fs'
import { register } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const fakeUrl = new URL('./fakeElectron.mjs', import.meta.url).href
register('./electronHook.mjs', import.meta.url, { data: { electron: fakeUrl } })
const { recorded, FakeWebContents } = await import(fakeUrl)

const until = async (what, done, ms = 15_000) => {
  const start = Date.now()
  while (!done()) {
    if (Date.now() - start > ms) throw new Error(`the main process did not ${what} within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 200))

await import(pathToFileURL(process.env.MAIN_ENTRY).href)
await until('create its window', () => recorded.windows.length > 0)
await settle()

const [window] = recorded.windows
const appFrame = { senderFrame: { url: pathToFileURL(process.env.RENDERER_FILE).href, parent: null } }
const foreignFrames = [
  { senderFrame: { url: 'https://evil.example/', parent: null } },
  { senderFrame: { url: appFrame.senderFrame.url, parent: { url: 'https://evil.example/' } } },
]
const call = (event, channel, request) => recorded.handlers.get(channel)(event, request)

const foreign = []
for (const frame of foreignFrames) foreign.push(await call(frame, 'cases:create', JSON.parse(process.env.CASE_INPUT)))
const sentAfterForeign = window.webContents.sent.length

const appState = await call(appFrame, 'app:state', {})
const created = await call(appFrame, 'cases:create', JSON.parse(process.env.CASE_INPUT))
await settle()
const sentAfterCreate = window.webContents.sent.slice(sentAfterForeign)
// "Who am I" is this installation's: choosing nobody is kept in the user data folder, not in the store file.
const identity = await call(appFrame, 'identity:set', { memberId: null })

const menuItem = (label) =>
  recorded.menuTemplate.flatMap((entry) => entry.submenu ?? []).find((item) => item.label === label)
const beforeMenu = window.webContents.sent.length
menuItem('New case').click()
menuItem('Policies').click()
const sentByMenu = window.webContents.sent.slice(beforeMenu)

// File → Import report from email…: the open dialog answers a saved mail; main reads it, keeps it under a token and
// sends the window to its import screen. Its attachment is written only through the save dialog, when asked.
const importItem = menuItem('Import report from email…')
recorded.openDialogAnswers.push({ canceled: false, filePaths: [process.env.EML_FILE] })
const beforeImport = window.webContents.sent.length
importItem.click()
await until('send the window to the import screen', () => window.webContents.sent.length > beforeImport)
const sentByImport = window.webContents.sent.slice(beforeImport)
const importRoute = sentByImport[0]?.args[0]?.to ?? ''
const imported = await call(appFrame, 'intake:get', { token: importRoute.split('/').pop() })
const attachmentFile = join(process.env.FAKE_USER_DATA, 'saved-attachment.txt')
recorded.saveDialogAnswers.push({ canceled: false, filePath: attachmentFile })
const attachmentSaved = await call(appFrame, 'intake:saveAttachment', { token: importRoute.split('/').pop(), index: 0 })
const mailto = await call(appFrame, 'drafts:openMailto', { to: ['sam@example.org'], subject: 'Re: IDOR', text: 'Thank you.' })
const mailImport = {
  accelerator: importItem.accelerator,
  sentByImport,
  imported: imported.ok ? { ok: imported.value.ok, title: imported.value.input?.title, attachments: imported.value.attachments } : imported,
  attachmentSaved,
  attachmentText: existsSync(attachmentFile) ? readFileSync(attachmentFile, 'utf8') : null,
  fileDialogs: recorded.fileDialogs,
  mailto,
  openedExternal: recorded.openedExternal,
}

// Reminders: the evaluation email promises the fix for tomorrow; the store's change makes main check, and the deadline
// due tomorrow shows as a desktop notification. Clicking it brings the window forward on the case.
const evaluating = await call(appFrame, 'cases:transition', { id: created.value.id, revision: created.value.revision, transition: { to: 'evaluating' } })
const promised = await call(appFrame, 'cases:recordEmail', {
  id: created.value.id,
  revision: evaluating.value?.revision,
  email: {
    templateId: 'evaluation',
    purpose: 'evaluation',
    language: 'en',
    from: 'Desk <desk@example.org>',
    to: ['sam@example.org'],
    subject: 'Your report',
    body: 'Dear Sam,',
  },
  on: new Date().toISOString(),
  inputs: { expectedResolutionDate: process.env.PROMISED_DATE },
})
if (!promised.ok) throw new Error(`the evaluation email was refused: ${JSON.stringify(promised)}`)
const isPromise = (n) => n.options.title.includes(created.value.key) && n.options.body.startsWith('Release the fix')
await until('show the reminder of the promised date', () => recorded.notifications.some(isPromise))
const beforeClick = window.webContents.sent.length
window.minimized = true
recorded.notifications.find(isPromise).emit('click', {})
const reminders = {
  promised: { ok: promised.ok, error: promised.error },
  notifications: recorded.notifications.map((n) => n.options),
  sentByClick: window.webContents.sent.slice(beforeClick),
  window: { restored: window.restored, shown: window.shown, focused: window.focused },
}
// A second start of the app hands over to this one, which comes forward as it is (no navigation).
const beforeSecond = window.webContents.sent.length
for (const listener of recorded.appListeners.get('second-instance') ?? []) listener({}, [], process.cwd(), {})
const secondInstance = {
  locks: recorded.singleInstanceLocks,
  window: { shown: window.shown, focused: window.focused },
  sent: window.webContents.sent.slice(beforeSecond),
}

// Closing the window while a form holds back the unload: Electron emits will-prevent-unload, main asks; preventDefault()
// on the event is what lets the window close anyway.
const closeWithUnsavedForm = (answer) => {
  recorded.messageBoxAnswers.push(answer)
  let closes = false
  window.webContents.emit('will-prevent-unload', { preventDefault: () => (closes = true) })
  return closes
}
const unsavedClose = { stay: closeWithUnsavedForm(0), leave: closeWithUnsavedForm(1), asked: recorded.messageBoxes }

const cancelled = (url) =>
  new Promise((resolve) => recorded.beforeRequest({ url }, (response) => resolve(response.cancel === true)))
const permissions = await new Promise((resolve) => recorded.permissionRequestHandler(null, 'media', resolve))

// Any web contents the app creates gets locked down: no new windows, no navigation away, no webviews.
const contents = new FakeWebContents()
for (const listener of recorded.appListeners.get('web-contents-created') ?? []) listener({}, contents)
const prevented = (name) => {
  let done = false
  contents.emit(name, { preventDefault: () => (done = true) }, 'https://evil.example/')
  return done
}
const lockedDown = {
  windowOpen: contents.windowOpenHandler?.({ url: 'https://evil.example/' }),
  navigate: prevented('will-navigate'),
  redirect: prevented('will-redirect'),
  webview: prevented('will-attach-webview'),
}

const report = {
  reminders,
  secondInstance,
  mailImport,
  identity,
  unsavedClose,
  lockedDown,
  windows: recorded.windows.map((w) => ({
    webPreferences: w.options.webPreferences,
    preloadExists: existsSync(w.options.webPreferences?.preload ?? ''),
    loaded: w.loaded,
  })),
  channels: [...recorded.handlers.keys()],
  appListeners: [...recorded.appListeners.keys()],
  foreign,
  foreignSent: sentAfterForeign,
  appState,
  created,
  sentAfterCreate,
  sentByMenu,
  executedJavaScript: window.webContents.executed ?? [],
  requests: {
    renderer: await cancelled(appFrame.senderFrame.url),
    remote: await cancelled('https://evil.example/pixel.png'),
    otherFile: await cancelled('file:///etc/passwd'),
  },
  permissionGranted: permissions,
  permissionCheck: recorded.permissionCheckHandler?.(),
}

for (const listener of recorded.appListeners.get('will-quit') ?? []) listener({ preventDefault() {} })
await settle()
console.log(`MAIN-REPORT ${JSON.stringify(report)}`)
process.exit(0)
