import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import icon from '../resources/icon.png?asset'
import { timeZoneOf } from '../src/calendar'
import { channels, type DeskEvent } from '../src/ipc/contract'
import { dispatch } from '../src/ipc/dispatch'
import { checkedEvent, contractEventsOf } from '../src/ipc/events'
import { leavesWithoutSaving, leaveUnsavedQuestion } from '../src/ipc/leaveUnsaved'
import { isAppFrame, isAppRequest } from './appFrame'
import { startDayClock } from './dayClock'
import { backupsAtStoreOpen } from './backupHandlers'
import { chooseEmlFile, chooseImportFile, openInMailApp, saveFileAs } from './files'
import { createCaseCounts, createHandlers, mailReadOptions, type Shell } from './handlers'
import { identityBook } from './identities'
import { installationState } from './installationState'
import { lastStore } from './lastStoreFile'
import { readMailInWorker } from './mailWorkerReader'
import mailWorker from './mailWorker?modulePath'
import { applicationMenu } from './menu'
import { createPendingImports, importChosenEml } from './pendingImports'
import { storePresence } from './presenceHandlers'
import { startReminderLoop, type ReminderLoop } from './reminderLoop'
import { reminderNotifier } from './reminderNotifier'
import { createStoreSession } from './storeSession'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

let mainWindow: BrowserWindow | null = null

/** `path` opens the window on that app path (the hash router's), as a reminder clicked with no window open asks. */
function createWindow(path?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Disclosure Desk',
    icon,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A mail dropped on the window is read by the page (and sent to intake:parse), never opened as a page of its own.
      navigateOnDragDrop: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  // A form with unsaved changes holds back the page's unload; Electron leaves the decision to main, which asks.
  win.webContents.on('will-prevent-unload', (event) => {
    const response = dialog.showMessageBoxSync(win, { type: 'question', ...leaveUnsavedQuestion })
    if (leavesWithoutSaving(response)) event.preventDefault()
  })
  if (devServerUrl) void win.loadURL(path ? `${devServerUrl}#${path}` : devServerUrl)
  else void win.loadFile(rendererFile, path ? { hash: path } : {})
  return win
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppRequest(details.url, { rendererFile, devServerUrl }) })
  })
}

const desktopShell: Shell = {
  async chooseStoreToOpen() {
    const result = await dialog.showOpenDialog(mainWindow!, {
      title: 'Open a Disclosure Desk store',
      properties: ['openFile'],
      filters: [{ name: 'Disclosure Desk store', extensions: ['json'] }],
    })
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
  async chooseNewStoreLocation() {
    const result = await dialog.showSaveDialog(mainWindow!, {
      title: 'Start a new store',
      defaultPath: 'disclosure-desk.json',
      filters: [{ name: 'Disclosure Desk store', extensions: ['json'] }],
    })
    return result.canceled || !result.filePath ? null : result.filePath
  },
  async confirmAndOpenExternal(url) {
    const { response } = await dialog.showMessageBox(mainWindow!, {
      type: 'question',
      buttons: ['Cancel', 'Open'],
      defaultId: 0,
      cancelId: 0,
      message: url.protocol === 'mailto:' ? 'Write an email in your mail app?' : 'Open this link in your browser?',
      detail: url.href,
    })
    if (response !== 1) return false
    await shell.openExternal(url.href)
    return true
  },
  saveFile: (options, content) => saveFileAs(mainWindow!, options, content),
  openEmlFile: () => chooseEmlFile(mainWindow!),
  chooseFileToImport: () => chooseImportFile(mainWindow!),
  openMailto: openInMailApp,
  async chooseFolder(title) {
    const result = await dialog.showOpenDialog(mainWindow!, { title, properties: ['openDirectory', 'createDirectory'] })
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
}

/** Every event goes to the one window, checked against the contract first (the preload checks it again). */
function send(event: DeskEvent): void {
  const contents = mainWindow?.webContents
  if (!contents || contents.isDestroyed()) return
  const { name, payload } = checkedEvent(event.name, event.payload)
  contents.send(name, payload)
}

async function start(): Promise<void> {
  await app.whenReady()
  // Windows shows a notification only for an app with a user model id, and names the app by it in the action centre.
  // The id must be the one of the app's Start menu shortcut: an installer's for a packaged app; an unpackaged run
  // (npm start) is electron.exe itself, which Electron's notification guide names by its path.
  if (process.platform === 'win32') app.setAppUserModelId(app.isPackaged ? 'app.disclosure-desk' : process.execPath)
  lockDownContents()
  const userData = app.getPath('userData')
  // watch: another team member's save to the shared file is taken in at once, and reaches the window as events.
  // Who acts is kept per store file in this user's data folder: each colleague's app records its own person.
  // Each open backs the store up (the day's daily backup, one before an upgrade of its format).
  const installation = installationState(userData)
  const dailyBackups = backupsAtStoreOpen(installation)
  const storeSession = createStoreSession({
    watch: true,
    identities: identityBook(userData),
    installation,
    afterOpen: dailyBackups,
  })
  // The team's zone decides when the day changes; without a store the machine's zone is as good as any.
  const teamZone = () => {
    const state = storeSession.state()
    return state.kind === 'ready'
      ? timeZoneOf(storeSession.store().settings.get().calendar.spec)
      : Intl.DateTimeFormat().resolvedOptions().timeZone
  }
  // Started once the window is there (below); until then the day clock and the store's changes have none to ask.
  let reminders: ReminderLoop | undefined
  const dayClock = startDayClock(teamZone, (today) => {
    send({ name: 'clock:dayChanged', payload: { today } })
    void reminders?.check()
    // An app left open for days still makes the day's backup, as the next open would.
    if (storeSession.state().kind === 'ready') void dailyBackups(storeSession.store(), storeSession.encoding())
  })
  storeSession.subscribe((changes, origin) => {
    for (const event of contractEventsOf(changes, origin)) send(event)
    if (changes.some((c) => c.type === 'settings.changed')) dayClock.reschedule()
    // A colleague's write or an edit here may make a deadline due tomorrow, or take one off this person.
    void reminders?.check()
  })
  // A store chosen from the menu or from the recovery screen is the one to open at the next start.
  // Colleagues on the same shared file see that this app has it open, and since when (and this app sees theirs).
  const presence = storePresence(storeSession, join(userData, 'installation-id.json'))
  const last = lastStore(userData)
  const openAndRemember = async (file: string) => {
    const state = await storeSession.open(file)
    void presence.follow()
    // Not remembered costs only the next start's choice of store, never this open.
    if (state.kind === 'ready') void last.remember(state.file).catch((error: unknown) => console.warn('Could not remember the store opened:', error))
    dayClock.reschedule()
    // Another store's first check is its start: its summary of the day, if it has not been shown today.
    void reminders?.check()
    return state
  }
  // Mails read from a drop or the menu wait here by token until the import screen makes a case of one.
  const pendingImports = createPendingImports(readMailInWorker(mailWorker, mailReadOptions(storeSession)))
  // One count of every case's deadlines for the window's lists and the reminders: at start and at each team midnight
  // every case is counted once, not once for each.
  const counts = createCaseCounts()
  const handlers = createHandlers({ ...storeSession, open: openAndRemember }, desktopShell, () => new Date(), pendingImports, counts, presence)
  await storeSession.open(last.file() ?? join(userData, 'disclosure-desk.json'))
  void presence.follow()
  dayClock.reschedule()

  for (const channel of channels) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!isAppFrame(event.senderFrame, { rendererFile, devServerUrl })) {
        return { ok: false, error: { code: 'invalid_input', message: 'Refused: request from outside the app', issues: [] } }
      }
      return dispatch(handlers, channel, request)
    })
  }

  // Switching stores from the menu reloads the page, which then asks for the new app state like at start-up.
  const switchStore = (choose: () => Promise<string | null>) => async () => {
    const file = await choose()
    if (!file) return
    await openAndRemember(file)
    mainWindow?.webContents.reload()
  }
  const navigate = (to: string) => send({ name: 'app:navigate', payload: { to } })
  const menuActions = {
    navigate,
    openStore: () => void switchStore(desktopShell.chooseStoreToOpen)(),
    newStore: () => void switchStore(desktopShell.chooseNewStoreLocation)(),
    importEmail: () =>
      void importChosenEml(desktopShell, pendingImports).then((to) => {
        if (to) navigate(to)
      }),
  }
  Menu.setApplicationMenu(applicationMenu(menuActions, !app.isPackaged))
  mainWindow = createWindow()
  // A clicked reminder brings the window forward on its case (or on Today), a second start of the app as it is; on
  // macOS the window may have been closed.
  const bringForward = (to?: string) => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createWindow(to)
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
    if (to) navigate(to)
  }
  app.on('second-instance', () => bringForward())
  const notify = reminderNotifier()
  reminders = startReminderLoop({
    session: storeSession,
    agendaOf: counts.agendaOf,
    show: (_reminder, text, onClick) => notify(text, onClick),
    open: bringForward,
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    dayClock.stop()
    reminders?.stop()
    void presence.stop()
    void storeSession.close()
  })
}

// One instance per person: a second would watch the same store and run a second reminder loop (every notification
// twice). It hands over to the first, which comes forward ('second-instance' above), and quits.
if (app.requestSingleInstanceLock()) void start()
else app.quit()
