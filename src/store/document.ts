import { z } from 'zod'
import { Case } from '../cases/case'
import { Policy } from '../policies/policy'
import { Settings } from '../settings/settings'

export const currentSchemaVersion = 1

/** Everything one store file holds. Preset policies live in code; `policies` holds only the team's own. */
export const StoreDocument = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  settings: Settings,
  policies: z.array(Policy),
  cases: z.array(Case),
})
export type StoreDocument = z.infer<typeof StoreDocument>

type RawDocument = Record<string, unknown>

/**
 * migrations[n] turns a version-n document into a version n+1 document. Each works on the raw JSON, before validation,
 * because an old document need not match today's schema.
 */
export const migrations: Record<number, (doc: RawDocument) => RawDocument> = {}

export function emptyDocument(): StoreDocument {
  return { schemaVersion: currentSchemaVersion, settings: Settings.parse({}), policies: [], cases: [] }
}
