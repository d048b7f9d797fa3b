import { readdir, readFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { channels, eventNames } from '../../src/ipc/contract'

const root = join(import.meta.dirname, '..', '..')

describe('the built bundles', () => {
  it('the preload is one CommonJS file that needs only electron, and exposes exactly the contract as window.desk', async () => {
    const code = await readFile(join(root, 'out/preload/index.cjs'), 'utf8')
    const required: string[] = []
    const exposed: Record<string, unknown> = {}
    const invoked: [string, unknown][] = []
    type IpcListener = (event: unknown, ...args: unknown[]) => void
    const ipcListeners = new Map<string, Set<IpcListener>>()
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: {
        invoke: async (channel: string, request: unknown) => {
          invoked.push([channel, request])
          return { ok: true, value: null }
        },
        on: (channel: string, listener: IpcListener) => {
          ipcListeners.set(channel, (ipcListeners.get(channel) ?? new Set()).add(listener))
        },
        removeListener: (channel: string, listener: IpcListener) => ipcListeners.get(channel)?.delete(listener),
      },
    }
    // What main's webContents.send(channel, payload) arrives as: an IPC event (with the sender) and the payload.
    const sendFromMain = (channel: string, payload: unknown) => {
      for (const listener of ipcListeners.get(channel) ?? []) listener({ sender: 'the ipcRenderer itself' }, payload)
    }
    // A sandboxed preload gets a require that knows a handful of modules; this one knows only electron.
    const require = (name: string) => {
      required.push(name)
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`)
      return electron
    }
    runInNewContext(code, { require, module: { exports: {} }, exports: {} })

    expect(required).toEqual(['electron'])
    expect(Object.keys(exposed)).toEqual(['desk'])
    const desk = exposed['desk'] as Record<string, Record<string, (req: unknown) => Promise<unknown>>>
    const methods = Object.entries(desk).flatMap(([group, api]) => Object.keys(api).map((method) => `${group}:${method}`))
    expect(methods.sort()).toEqual([...channels, 'events:on'].sort())
    await desk['cases']!['get']!({ id: 'abc' })
    expect(invoked).toEqual([['cases:get', { id: 'abc' }]])

    // Events: one IPC channel per contract event, only a payload that matches its schema reaches the listener.
    const on = desk['events']!['on'] as unknown as (name: string, listener: (...args: unknown[]) => void) => () => void
    const heard: unknown[][] = []
    const stop = on('case:changed', (...args) => heard.push(args))
    expect([...ipcListeners.keys()]).toEqual(['case:changed'])
    sendFromMain('case:changed', { id: 'abc' })
    sendFromMain('case:changed', { id: 42 })
    sendFromMain('cases:changed', {})
    expect(heard).toEqual([[{ id: 'abc' }]])
    stop()
    sendFromMain('case:changed', { id: 'def' })
    expect(heard).toHaveLength(1)
    expect(ipcListeners.get('case:changed')?.size).toBe(0)
    expect(() => on('cases:list', () => {})).toThrow('There is no event cases:list')
    for (const name of eventNames) on(name, () => {})()
  })

  it('the renderer carries none of the main process’s export and import work, only their schemas', async () => {
    const assets = join(root, 'out/renderer/assets')
    const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'))
    const code = (await Promise.all(scripts.map((name) => readFile(join(assets, name), 'utf8')))).join('\n')
    // The import's dialog is there ...
    expect(code).toContain('"Keep all mine"')
    // ... but not the export's wrapper (src/export/storeExport.ts), nor the store's line layout (src/store/documentLines.ts).
    expect(code).not.toContain('"disclosure-desk-export"')
    expect(code).not.toContain('encode("\\"cases\\":[")')
  })

  it('main loads from node_modules only what package.json ships as a dependency', async () => {
    const code = await readFile(join(root, 'out/main/index.js'), 'utf8')
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const imported = [...code.matchAll(/^import .*? from "([^"]+)";$/gm)].map((m) => m[1]!)
    const external = imported.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron')
    // 'nodemailer/lib/mail-composer' is shipped by the package 'nodemailer'; a scoped package keeps its scope.
    const packageOf = (name: string) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')
    expect(external.map(packageOf).filter((name) => !(name in pkg.dependencies))).toEqual([])
  })
})
