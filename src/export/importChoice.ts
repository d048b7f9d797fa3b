import { z } from 'zod'

/*
 * What an import shows and answers across IPC, as schemas only: the contract and the renderer take these without the
 * main process's reading and importing work (Buffer, turns by setImmediate), which src/export/storeExport.ts and
 * src/commands/importCases.ts do.
 */

export const ImportResult = z.object({
  added: z.number().int().min(0),
  replaced: z.number().int().min(0),
  /** Differed, and this store's copy was kept. */
  kept: z.number().int().min(0),
  /** Already here in the same form. */
  unchanged: z.number().int().min(0),
  /** Policies of the file's own that cases coming in follow and this store did not have. */
  policiesAdded: z.number().int().min(0),
})
export type ImportResult = z.infer<typeof ImportResult>

/** A case as the import preview lists it: enough for the person to tell the two copies apart. */
export const CaseBrief = z.object({ id: z.string(), key: z.string(), title: z.string(), revision: z.number().int(), updatedAt: z.string() })
export type CaseBrief = z.infer<typeof CaseBrief>

/**
 * A case new to this store. `keyTaken`: this store (or a case earlier in the file) already uses its key, so it comes in
 * under the next free key of its year, as cases.import numbers it.
 */
export const AddedCase = CaseBrief.extend({ keyTaken: z.literal(true).optional() })
export type AddedCase = z.infer<typeof AddedCase>

export const ImportPreview = z.object({
  /** Not in this store: they come in whole. */
  added: z.array(AddedCase),
  /**
   * How many are here in the same form: nothing to do. A count, not a list: the preview is shown in one window and
   * checked on its way there, and a colleague's export of the same store is mostly these.
   */
  identical: z.number().int().min(0),
  /** Same case id, different content: the person keeps this store's or takes the file's, case by case. */
  differing: z.array(z.object({ mine: CaseBrief, theirs: CaseBrief })),
})
export type ImportPreview = z.infer<typeof ImportPreview>

/**
 * What an import holds besides cases, which it does not take in: this store's settings, policies and templates stay
 * as they are. The exception is a policy of the file's own that a case coming in follows and this store lacks: it
 * comes along with the case (cases.import), since without it the case's deadlines cannot be counted. The preview says
 * all this, and how many incoming cases follow a policy neither store has.
 */
export const NotMerged = z.object({
  settingsDiffer: z.boolean(),
  /** The names of the file's policies that come along with the cases following them. */
  policiesComing: z.array(z.string()),
  /** The file's other own policies and its templates that this store lacks or has in another form. */
  policies: z.number().int().min(0),
  templates: z.number().int().min(0),
  casesWithUnknownPolicy: z.number().int().min(0),
})
export type NotMerged = z.infer<typeof NotMerged>

/** A UUID main keeps the chosen file's document under until the import is applied or discarded. */
export const ImportFileToken = z.string().regex(/^[0-9a-f-]{36}$/, 'an import token')

/** The answer to "Import…": the person cancelled, the file was refused (why, in words), or what importing it would do. */
export const ImportChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('refused'), fileName: z.string(), problem: z.string() }),
  z.object({
    kind: z.literal('preview'),
    token: ImportFileToken,
    fileName: z.string(),
    source: z.enum(['export', 'store']),
    exportedAt: z.string().optional(),
    preview: ImportPreview,
    notMerged: NotMerged,
  }),
])
export type ImportChoice = z.infer<typeof ImportChoice>
