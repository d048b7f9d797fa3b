// Recording fakes of the parts of Electron the main process uses. Everything it does to them lands in `recorded`,
// which runMain.mjs reads after the main process has started. Plain JavaScript: it runs in a bare Node child process.
import { EventEmitter } from 'node:events'

export const recorded = {
  windows: [],
  handlers: new Map(),
  appListeners: new Map(),
  menuTemplate: null,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  beforeRequest: null,
  quit: 0,
  /** The options of every synchronous message box main showed, in order. */
  messageBoxes: [],
  /** The button index each next synchronous message box answers (a test sets them); Stay-like 0 when none is left. */
  messageBoxAnswers: [],
  /** What each next open or save dialog answers (a test sets them); cancelled when none is left. */
  openDialogAnswers: [],
  saveDialogAnswers: [],
  /** The options of every open and save dialog main showed, in order. */
  fileDialogs: [],
  /** Every URL main handed to the system (shell.openExternal), in order. */
  openedExternal: [],
  /** Every desktop notification main showed (the Notification objects, so a test can click one), in order. */
  notifications: [],
  /** How often main asked for the single-instance lock. */
  singleInstanceLocks: 0,
}

export class FakeWebContents extends EventEmitter {
  sent = []
  reloads = 0
  windowOpenHandler = null
  send(channel, ...args) {
    this.sent.push({ channel, args: structuredClone(args) })
  }
  isDestroyed() {
    return false
  }
  reload() {
    this.reloads++
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  executeJavaScript(code) {
    this.executed = [...(this.executed ?? []), code]
    return Promise.resolve()
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return recorded.windows
  }
  constructor(options) {
    super()
    this.options = options
    this.webContents = new FakeWebContents()
    this.loaded = null
    recorded.windows.push(this)
  }
  loadFile(file) {
    this.loaded = { file }
    return Promise.resolve()
  }
  loadURL(url) {
    this.loaded = { url }
    return Promise.resolve()
  }
  /** How often main brought the window forward: show() and focus() calls, restore() from minimised. */
  shown = 0
  focused = 0
  restored = 0
  minimized = false
  show() {
    this.shown++
  }
  focus() {
    this.focused++
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
    this.restored++
  }
  isDestroyed() {
    return false
  }
}

export const app = {
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getPath(name) {
    if (name !== 'userData') throw new Error(`the fake app knows only userData, not ${name}`)
    return process.env.FAKE_USER_DATA
  },
  getAppPath: () => process.cwd(),
  on(name, listener) {
    const listeners = recorded.appListeners.get(name) ?? []
    listeners.push(listener)
    recorded.appListeners.set(name, listeners)
    return app
  },
  quit() {
    recorded.quit++
  },
  /** The lock is always this instance's: the test's main is the only one. */
  requestSingleInstanceLock() {
    recorded.singleInstanceLocks++
    return true
  },
}

export const ipcMain = {
  handle(channel, handler) {
    if (recorded.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    recorded.handlers.set(channel, handler)
  },
  on() {},
}

export const Menu = {
  buildFromTemplate(template) {
    return { template }
  },
  setApplicationMenu(menu) {
    recorded.menuTemplate = menu?.template ?? null
  },
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      recorded.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler) {
      recorded.permissionCheckHandler = handler
    },
    webRequest: {
      onBeforeRequest(handler) {
        recorded.beforeRequest = handler
      },
    },
  },
}

export const dialog = {
  async showOpenDialog(_window, options) {
    recorded.fileDialogs.push({ kind: 'open', ...structuredClone(options) })
    return recorded.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] }
  },
  async showSaveDialog(_window, options) {
    recorded.fileDialogs.push({ kind: 'save', ...structuredClone(options) })
    return recorded.saveDialogAnswers.shift() ?? { canceled: true }
  },
  showMessageBox: async () => ({ response: 0 }),
  showMessageBoxSync(_window, options) {
    recorded.messageBoxes.push(structuredClone(options))
    return recorded.messageBoxAnswers.shift() ?? 0
  },
}

export const shell = {
  async openExternal(url) {
    recorded.openedExternal.push(url)
  },
}

export const contextBridge = {
  exposeInMainWorld() {
    throw new Error('contextBridge belongs to the preload, not the main process')
  },
}
export const ipcRenderer = contextBridge

export class Notification extends EventEmitter {
  static isSupported() {
    return true
  }
  constructor(options) {
    super()
    this.options = options
  }
  show() {
    recorded.notifications.push(this)
  }
  close() {}
}

export default { app, BrowserWindow, ipcMain, Menu, session, dialog, shell, contextBridge, ipcRenderer, Notification }
