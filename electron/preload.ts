import { contextBridge, ipcRenderer } from 'electron'
import type { Result } from '../src/ipc/contract'
import { buildDeskApi } from '../src/ipc/deskApi'

// Only the channels of the contract are reachable: the renderer gets functions, never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>),
)
