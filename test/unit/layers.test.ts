import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The layering rules of the issue, read from the import statements of the source tree.
const root = join(import.meta.dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/**
 * Every module a source text names: imports, `import type`, side-effect imports, re-exports (`export … from`,
 * `export * as … from`), `import x = require()`, dynamic `import()`, `require()` and `import('…').Type`. Read from
 * TypeScript's syntax tree, so a comment or a string that merely looks like an import does not count.
 */
function importsIn(text: string, fileName = 'module.tsx'): string[] {
  const found: string[] = []
  const named = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text)
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) named(node.moduleSpecifier)
    else if (ts.isExternalModuleReference(node)) named(node.expression)
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) named(node.argument.literal)
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      named(node.arguments[0])
    }
    ts.forEachChild(node, visit)
  }
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX))
  return found
}

const rel = (file: string) => relative(root, file).split('\\').join('/')

/** The repository path ('src/store/documentFile.ts') a relative specifier names, or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return rel(candidate)
  }
  return rel(base)
}

interface Import {
  file: string
  spec: string
  /** The repository path it names, for a relative import. */
  target: string | null
}

const importsOf = new Map<string, Import[]>()
function importsOfFile(file: string): Import[] {
  let found = importsOf.get(file)
  if (!found) {
    const absolute = join(root, file)
    found = existsSync(absolute)
      ? importsIn(readFileSync(absolute, 'utf8'), absolute).map((spec) => ({ file, spec, target: resolveLocal(absolute, spec) }))
      : []
    importsOf.set(file, found)
  }
  return found
}

const filesUnder = (dir: string) => sources(join(root, dir)).map(rel)

/** The document file layer (helper S): the only code in src/ that may touch the file system. */
const isFileLayer = (path: string) => /^src\/store\/(documentFile[^/]*|file\/.*)$/.test(path)

const builtins = new Set(builtinModules)
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]!)
// Packages that need Node's file system, so they may only be used where it may.
const nodeOnlyPackages = ['lowdb', 'steno', 'proper-lockfile']
const isNodeOnly = (spec: string) =>
  isNodeBuiltin(spec) || nodeOnlyPackages.some((p) => spec === p || spec.startsWith(`${p}/`))
const isElectron = (spec: string) => /^electron(\/|$)/.test(spec)
/**
 * What builds and reads mail needs Node's streams and Buffer (nodemailer), or is the main process's to run on hostile
 * bytes (the parser): the renderer reaches them only over drafts:* and intake:* channels. The iCalendar builder makes a
 * file, which main writes: the renderer asks for it over agenda:exportIcs and never carries the library.
 */
const mainOnlyPackages = ['nodemailer', 'postal-mime', 'ical-generator']
/** nodemailer's address parser is plain string code with no imports: the drafts and the commands check mailboxes with it. */
const everywherePackages = ['nodemailer/lib/addressparser']
const isMainOnlyPackage = (spec: string) =>
  !everywherePackages.includes(spec) && mainOnlyPackages.some((p) => spec === p || spec.startsWith(`${p}/`))
const mainOnlyModules = new Set(['src/drafts/index.ts', 'src/drafts/eml.ts', 'src/intake/index.ts', 'src/intake/readMail.ts'])
/**
 * The main process's export and import work and its counting with turns (Buffer, setImmediate): the contract and the
 * renderer take the wire schemas from src/export/importChoice.ts and src/export/csvSeparator.ts, and the row format
 * from src/cases/summary.ts, instead.
 */
const mainOnlyExportModules = new Set([
  'src/store/documentLines.ts',
  'src/export/storeExport.ts',
  'src/export/casesCsv.ts',
  'src/commands/importCases.ts',
  'src/timeSlices.ts',
])
const isReact = (spec: string) => /^(@[^/]+\/)?react(-[^/]*)?(\/|$)/.test(spec)

function offenders(files: string[], breaks: (i: Import) => boolean): string[] {
  return files.flatMap((file) => importsOfFile(file).filter(breaks).map((i) => `${file} imports ${i.spec}`))
}

/** What a renderer file pulls in through its local imports, e.g. 'renderer/a.tsx → src/store/index.ts → node:fs'. */
function reachableOffenders(start: string, breaks: (i: Import) => boolean): string[] {
  const found: string[] = []
  const seen = new Set<string>([start])
  const queue: { file: string; via: string[] }[] = [{ file: start, via: [start] }]
  while (queue.length > 0) {
    const { file, via } = queue.shift()!
    for (const i of importsOfFile(file)) {
      if (breaks(i)) found.push([...via, i.target ?? i.spec].join(' → '))
      else if (i.target && !seen.has(i.target)) {
        seen.add(i.target)
        queue.push({ file: i.target, via: [...via, i.target] })
      }
    }
  }
  return found
}

describe('the import scan', () => {
  it('sees type imports, side-effect imports, re-exports, dynamic imports and requires, and no comments', () => {
    const text = [
      "import type { A } from 'a'",
      "import { type B, c } from 'b'",
      "import 'c'",
      "import * as d from 'd'",
      "export { e } from 'e'",
      "export type { F } from 'f'",
      "export * from 'g'",
      "export * as h from 'h'",
      "const i = await import('i')",
      "const j = require('j')",
      "import k = require('k')",
      "let l: import('l').L",
      '// import { m } from "m"',
      "/* export * from 'n' */",
      "const o = \"import p from 'p'\"",
    ].join('\n')
    expect(importsIn(text).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'])
  })

  it('the mail packages allowed everywhere import nothing themselves', () => {
    const entry = join(root, 'node_modules/nodemailer/dist/esm/addressparser/index.js')
    expect(importsIn(readFileSync(entry, 'utf8'))).toEqual([])
  })

  it('finds the source files it checks', () => {
    expect(filesUnder('src')).toContain('src/time/index.ts')
    expect(filesUnder('renderer')).toContain('renderer/App.tsx')
    for (const file of mainOnlyModules) expect(filesUnder('src')).toContain(file)
  })

  it('follows a chain of local imports to a package that breaks the rule, naming the way there', () => {
    const breaks = (i: Import) => isMainOnlyPackage(i.spec)
    expect(reachableOffenders('src/drafts/index.ts', breaks)).toContain('src/drafts/index.ts → src/drafts/eml.ts → nodemailer/lib/mail-composer')
  })
})

describe('layers', () => {
  it('only the document file layer in src/ uses Node: no fs, no node: module, no lowdb, steno or proper-lockfile', () => {
    const outside = filesUnder('src').filter((file) => !isFileLayer(file))
    expect(offenders(outside, (i) => isNodeOnly(i.spec))).toEqual([])
  })

  it('src/ imports neither electron, React, the renderer nor the main process', () => {
    const breaks = (i: Import) =>
      isElectron(i.spec) ||
      isReact(i.spec) ||
      (i.target !== null && (i.target.startsWith('renderer/') || i.target.startsWith('electron/')))
    expect(offenders(filesUnder('src'), breaks)).toEqual([])
  })

  it('the domain (src/ outside src/ipc/) does not import the IPC contract', () => {
    const domain = filesUnder('src').filter((file) => !file.startsWith('src/ipc/'))
    expect(offenders(domain, (i) => i.target === 'src/ipc/contract.ts')).toEqual([])
  })

  it('renderer/ reaches neither the file layer, a node: module, a Node-only package, electron nor electron/', () => {
    const breaks = (i: Import) =>
      isNodeOnly(i.spec) ||
      isElectron(i.spec) ||
      (i.target !== null && (isFileLayer(i.target) || i.target.startsWith('electron/')))
    expect(filesUnder('renderer').flatMap((file) => reachableOffenders(file, breaks))).toEqual([])
  })

  it('renderer/ reaches neither nodemailer, the mail parser nor the iCalendar builder, nor the modules that build or read mail with them', () => {
    const breaks = (i: Import) => isMainOnlyPackage(i.spec) || (i.target !== null && mainOnlyModules.has(i.target))
    expect(filesUnder('renderer').flatMap((file) => reachableOffenders(file, breaks))).toEqual([])
  })

  it('renderer/ and the IPC contract reach none of the main process’s export and import work', () => {
    const breaks = (i: Import) => i.target !== null && mainOnlyExportModules.has(i.target)
    const starts = [...filesUnder('renderer'), 'src/ipc/contract.ts']
    expect(starts.flatMap((file) => reachableOffenders(file, breaks))).toEqual([])
  })

  it('the IPC contract, which the preload bundles, reaches neither nodemailer nor the mail parser', () => {
    const breaks = (i: Import) => isMainOnlyPackage(i.spec) || (i.target !== null && mainOnlyModules.has(i.target))
    expect(reachableOffenders('src/ipc/contract.ts', breaks)).toEqual([])
  })
})
