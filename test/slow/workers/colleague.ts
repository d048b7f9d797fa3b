import { DeskError } from '../../../src/errors'
import { openStore } from '../../../src/store'
import { report } from '../support/workers'

// A colleague's app saving one case while another app holds the lock: when the save is refused as the lock being busy,
// it is tried again (as the person would click Save again) for up to `patienceMs`.
const [file, title, patienceMs] = process.argv.slice(2) as [string, string, string]

const store = await openStore(file)
console.log('ready')
await new Promise((resolve) => process.stdin.once('data', resolve))
const start = Date.now()
for (let attempt = 1; ; attempt++) {
  try {
    await store.cases.create(report(title))
    console.log(`ack ${title} ${JSON.stringify({ attempt, ms: Date.now() - start })}`)
    break
  } catch (error) {
    const message = (error as Error).message.replaceAll('\n', ' ')
    if (!(error instanceof DeskError) || error.code !== 'store_unavailable' || Date.now() - start > Number(patienceMs)) {
      console.log(`refused ${message}`)
      break
    }
    console.log(`retry ${message}`)
  }
}
await store.close().catch(() => undefined)
process.exit(0)
