import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import type { LocalIdentity } from '../src/identity/actingMember'
import { ownFile } from '../src/store/file/atomicWrite'

/** "Who am I" on this installation, per store file; see actingMemberId for how it names the actor. */
export interface IdentityBook {
  of(storeFile: string): LocalIdentity
  choose(storeFile: string, memberId: string | null): Promise<void>
}

// Store file (absolute path) → the member chosen there, or null for "nobody". A file that cannot be read counts as no
// choice made yet: the person chooses again, and no store is touched.
const Identities = z.record(z.string(), z.string().nullable())

/**
 * Kept in the user data folder beside the remembered store file, not in the store: the store is shared by a team, and
 * each colleague's app must record its own person.
 */
export function identityBook(userData: string): IdentityBook {
  const file = join(userData, 'identities.json')
  const own = ownFile(file)
  const read = (): Record<string, string | null> => {
    try {
      return Identities.parse(JSON.parse(readFileSync(file, 'utf8')))
    } catch {
      return {}
    }
  }
  return {
    of: (storeFile) => read()[resolve(storeFile)],
    // Written beside and renamed over as the store is, so a crash mid-write leaves the previous choices, not half a file.
    choose: (storeFile, memberId) => own.write(JSON.stringify({ ...read(), [resolve(storeFile)]: memberId }, null, 2)),
  }
}
