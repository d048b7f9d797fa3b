import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// Every benchmark module default-exports a function returning the JSON lines it measured; one line per figure.
// Each module runs in a process of its own, so that one benchmark's heap and garbage do not slow the next one down.
const dir = import.meta.dirname
const [flag, only] = process.argv.slice(2)

if (flag === '--module' && only) {
  const module = (await import(pathToFileURL(join(dir, only)).href)) as { default: () => Promise<Record<string, unknown>[]> }
  for (const line of await module.default()) console.log(JSON.stringify(line))
} else {
  let failed = false
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    if (flag && !name.includes(flag)) continue
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--module', name], {
      stdio: 'inherit',
    })
    if (run.status !== 0) {
      console.error(`${name} failed (exit ${run.status ?? run.signal})`)
      failed = true
    }
  }
  if (failed) process.exit(1)
}
