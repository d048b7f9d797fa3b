import { createInterface } from 'node:readline'
import { openStore } from '../../../src/store'
import { report } from '../support/workers'

// An app starting on a store file that does not exist yet, once per path it reads from stdin, then saving one case
// in it: two of these given the same path at once are two colleagues starting a new shared store together.
const [tag] = process.argv.slice(2) as [string]

console.log('ready')
for await (const file of createInterface({ input: process.stdin })) {
  try {
    const store = await openStore(file)
    await store.cases.create(report(tag))
    await store.close()
    console.log(`opened ${file}`)
  } catch (error) {
    console.log(`failed ${file} ${(error as Error).message.replaceAll('\n', ' ')}`)
  }
}
