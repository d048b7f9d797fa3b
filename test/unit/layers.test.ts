import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  )
}

describe('layers', () => {
  it('src/ imports neither electron, react, the renderer nor the file system outside src/store', () => {
    const offenders = sources(join(root, 'src')).flatMap((file) => {
      const rel = relative(root, file)
      return importsOf(file)
        .filter(
          (spec) =>
            /^(electron|react|react-dom|react-router)(\/|$)/.test(spec) ||
            spec.includes('renderer/') ||
            spec.includes('electron/') ||
            (/^(node:)?fs(\/|$)/.test(spec) && !rel.startsWith('src/store/')),
        )
        .map((spec) => `${rel} imports ${spec}`)
    })
    expect(offenders).toEqual([])
  })

  it('renderer/ imports no node: module, no electron and nothing from electron/', () => {
    const offenders = sources(join(root, 'renderer')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('node:') || /^electron(\/|$)/.test(spec) || spec.includes('electron/'))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    )
    expect(offenders).toEqual([])
  })
})
