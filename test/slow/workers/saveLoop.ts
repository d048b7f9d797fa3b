import { appendFileSync } from 'node:fs'
import { openStore } from '../../../src/store'
import { report } from '../support/workers'

// Saves new cases one after another until it is killed. A title goes to the acknowledgement file only after its save's
// promise resolved, and with a synchronous write, so whatever the file lists was acknowledged before the kill.
const [file, acknowledged, prefix] = process.argv.slice(2) as [string, string, string]

const store = await openStore(file)
console.log('ready')
for (let n = 1; ; n++) {
  const title = `${prefix}-${n}`
  try {
    await store.cases.create(report(title))
  } catch (error) {
    console.log(`refused ${(error as Error).message}`)
    process.exit(2)
  }
  appendFileSync(acknowledged, `${title}\n`)
  console.log(`ack ${title}`)
}
