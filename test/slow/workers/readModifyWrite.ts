import { createInterface } from 'node:readline'
import { DeskError } from '../../../src/errors'
import { openStore } from '../../../src/store'

// One app's share of a read-modify-write run: `count` changes to the same case as a colleague's app makes its own.
// 'increment' reads the counter in the title and writes it plus one against the revision it read, again on a conflict,
// as a person would after "changed by someone else"; 'note' adds notes, which the store itself reads and modifies.
// One run per line on stdin (`<file> <case id> <mode>`, JSON), so that both apps start each run at the same moment.
const [count, tag] = process.argv.slice(2) as [string, string]

console.log('ready')
for await (const line of createInterface({ input: process.stdin })) {
  const { file, caseId, mode } = JSON.parse(line) as { file: string; caseId: string; mode: 'increment' | 'note' }
  const store = await openStore(file)
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
        // A conflict or a lock held too long is retried, as the person would; anything else fails the test.
        if (!(error instanceof DeskError)) throw error
        if (error.code === 'conflict') conflicts++
        else if (error.code === 'store_unavailable') waits++
        else throw error
      }
    }
  }
  await store.close()
  console.log(`done ${JSON.stringify({ file, conflicts, waits })}`)
}
