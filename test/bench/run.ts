import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// Every benchmark module default-exports a function returning the JSON lines it measured; one line per figure.
const dir = import.meta.dirname
const only = process.argv[2]
for (const name of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !name.includes(only)) continue
  const module = (await import(pathToFileURL(join(dir, name)).href)) as { default: () => Promise<Record<string, unknown>[]> }
  for (const line of await module.default()) console.log(JSON.stringify(line))
}
