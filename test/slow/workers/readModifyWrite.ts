import { DeskError } from '../../../src/errors'
import { openStore } from '../../../src/store'

// One app's share of the read-modify-write run: `count` changes to the same case as a colleague's app makes its own.
// 'increment' reads the counter in the title and writes it plus one against the revision it read, again on a conflict,
// as a person would after "changed by someone else"; 'note' adds notes, which the store itself reads and modifies.
const [file, caseId, count, mode, tag] = process.argv.slice(2) as [string, string, string, 'increment' | 'note', string]

const store = await openStore(file)
console.log('ready')
// Both apps start at once when the test says so.
await new Promise((resolve) => process.stdin.once('data', resolve))

let conflicts = 0
let waits = 0
for (let i = 1; i <= Number(count); i++) {
  for (;;) {
    try {
      if (mode === 'note') {
        await store.cases.addNote(caseId, `${tag} ${i}`)
      } else {
        await store.sync()
        const c = store.cases.get(caseId)
        const n = Number(/(\d+)$/.exec(c.title)![1])
        await store.cases.update(caseId, { title: `counter ${n + 1}` }, c.revision)
      }
      break
    } catch (error) {
      // A conflict or a lock held too long is retried, as the person would; anything else is a failure of the test.
      if (!(error instanceof DeskError)) throw error
      if (error.code === 'conflict') conflicts++
      else if (error.code === 'store_unavailable') waits++
      else throw error
    }
  }
}
await store.close()
console.log(`done ${JSON.stringify({ conflicts, waits })}`)
process.exit(0)
