import { stat, utimes } from 'node:fs/promises'
import { openStore } from '../../../src/store'

// Another app on a share with coarse timestamps: it saves a settings change of the same length and the file's
// modification time comes out as it was before, as on FAT/exFAT or an SMB share that keeps whole seconds or less.
const [file, organisation] = process.argv.slice(2) as [string, string]

const before = await stat(file)
const store = await openStore(file)
await store.settings.update({ ...store.settings.get(), organisation })
await store.close()
await utimes(file, before.atime, before.mtime)
console.log('saved')
process.exit(0)
