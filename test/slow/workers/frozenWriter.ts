import { openStore } from '../../../src/store'
import { report } from '../support/workers'

// The app on the laptop that goes to sleep mid-save: it says "writing" as it starts one save, which the test then
// freezes with SIGSTOP and later resumes. Its save either lands without harm or is refused; both are said.
const [file, title] = process.argv.slice(2) as [string, string]

const store = await openStore(file)
console.log('ready')
await new Promise((resolve) => process.stdin.once('data', resolve))
console.log('writing')
try {
  await store.cases.create(report(title))
  console.log(`ack ${title}`)
} catch (error) {
  console.log(`refused ${(error as Error).message.replaceAll('\n', ' ')}`)
}
await store.close().catch(() => undefined)
process.exit(0)
