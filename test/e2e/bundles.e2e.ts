import { readFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { channels } from '../../src/ipc/contract'

const root = join(import.meta.dirname, '..', '..')

describe('the built bundles', () => {
  it('the preload is one CommonJS file that needs only electron, and exposes exactly the contract as window.desk', async () => {
    const code = await readFile(join(root, 'out/preload/index.cjs'), 'utf8')
    const required: string[] = []
    const exposed: Record<string, unknown> = {}
    const invoked: [string, unknown][] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: {
        invoke: async (channel: string, request: unknown) => {
          invoked.push([channel, request])
          return { ok: true, value: null }
        },
      },
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
    expect(methods.sort()).toEqual([...channels].sort())
    await desk['cases']!['get']!({ id: 'abc' })
    expect(invoked).toEqual([['cases:get', { id: 'abc' }]])
  })

  it('main bundles lowdb and loads from node_modules only what package.json ships as a dependency', async () => {
    const code = await readFile(join(root, 'out/main/index.js'), 'utf8')
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const imported = [...code.matchAll(/^import .*? from "([^"]+)";$/gm)].map((m) => m[1]!)
    const external = imported.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron')
    expect(external.filter((name) => !(name in pkg.dependencies))).toEqual([])
    expect(external.filter((name) => /^(lowdb|steno)(\/|$)/.test(name))).toEqual([])
    expect(code).toContain('// node_modules/lowdb/lib/adapters/node/TextFile.js')
  })
})
