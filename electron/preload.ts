import { contextBridge, ipcRenderer } from 'electron'
import { events, type Result } from '../src/ipc/contract'
import { buildDeskApi } from '../src/ipc/deskApi'
import { isEventName } from '../src/ipc/events'

// Only the channels and events of the contract are reachable: the renderer gets functions, never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi(
    (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
    (name, listener) => {
      if (!isEventName(name)) throw new Error(`There is no event ${String(name).slice(0, 80)}`)
      // The listener sees the payload only, never the IPC event (which would hand the page the sender).
      const receive = (_event: unknown, payload: unknown) => {
        const parsed = events[name].safeParse(payload)
        if (parsed.success) listener(parsed.data)
      }
      ipcRenderer.on(name, receive)
      return () => void ipcRenderer.removeListener(name, receive)
    },
  ),
)
