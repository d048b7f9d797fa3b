import { z } from 'zod'

/**
 * Backups of a store file: what they are called, which to keep, when one is due. Pure rules; the copies themselves are
 * made, checked and restored by ./file/backupFiles.ts. A backup is a byte copy of the store file (an encrypted store's
 * backups are encrypted the same way), named so that a person looking at the folder sees what each one is:
 * `disclosure-desk 2026-12-01 173000 daily 42 cases.json`.
 */

export const BackupKind = z.enum(['daily', 'before-migration', 'before-restore', 'before-import', 'manual'])
export type BackupKind = z.infer<typeof BackupKind>

/** How many backups of each kind are kept when none is chosen: two weeks of daily ones. */
export const defaultKeep = 14

/** The folder's name beside the store file when the person has chosen none. */
export const defaultFolderName = 'Disclosure Desk backups'

/**
 * This installation's choice for one store file (kept on this computer, like the reminder settings): where its
 * backups go (null: beside the store file, in defaultFolderName) and how many of each kind to keep.
 */
export const BackupPrefs = z.object({
  folder: z.string().min(1).max(4000).nullable().default(null),
  keep: z.number().int().min(1, 'Keep at least 1 backup').max(365, 'Keep at most 365 backups').default(defaultKeep),
})
export type BackupPrefs = z.infer<typeof BackupPrefs>

/** An automatic backup (at open) that could not be made, kept until the next one succeeds, so settings can say so. */
export const BackupFailure = z.object({ at: z.iso.datetime(), kind: BackupKind, message: z.string().max(4000) })
export type BackupFailure = z.infer<typeof BackupFailure>

/** A backup's file name, without a folder: never a path a request could point elsewhere with. */
export const BackupFileName = z
  .string()
  .min(1)
  .max(1000)
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'Choose a backup from the list')

export const Backup = z.object({
  name: BackupFileName,
  kind: BackupKind,
  /** When the copy was made, to the second (the name holds it in UTC). */
  at: z.iso.datetime(),
  /** How many cases the copy holds; null when the file copied could not be read (a broken store kept before a restore). */
  caseCount: z.number().int().min(0).nullable(),
  size: z.number().int().min(0),
  /** Set when the copy was read and found not to be a store any more: what is wrong with it, following "The file …". */
  problem: z.string().optional(),
  /**
   * Set with `problem` when the copy is encrypted and the app holds no key to read it yet (the store file, empty or its
   * header damaged, gave none): the store's passphrase would read it, so it is not damaged.
   */
  needsKey: z.literal(true).optional(),
})
export type Backup = z.infer<typeof Backup>

/** The backups of one store file, newest first, with where they live and which one a restore should take. */
export const BackupList = z.object({
  folder: z.string(),
  /** The folder is the default one beside the store file, not one the person chose. */
  besideStore: z.boolean(),
  keep: z.number().int(),
  backups: z.array(Backup),
  /** The newest backup that was read and found to be a good store; null when there is none. */
  latestGood: BackupFileName.nullable(),
  /** The last automatic backup that failed, until one succeeds. */
  failure: BackupFailure.nullable(),
  /** Why the folder could not be listed (gone, not reachable); the list is empty then, which does not mean there are none. */
  folderProblem: z.string().nullable(),
})
export type BackupList = z.infer<typeof BackupList>

const two = (n: number) => String(n).padStart(2, '0')

/** The UTC day of an instant, as in a backup's name: daily backups count days the same way on every colleague's computer. */
export const utcDay = (at: Date) => `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`

const caseCountWords = (count: number | null) => (count === null ? 'unreadable' : `${count} ${count === 1 ? 'case' : 'cases'}`)

/**
 * `disclosure-desk 2026-12-01 173000 daily 42 cases.json` for the store `disclosure-desk.json`: the store's own name
 * first (one folder may hold the backups of several stores), then the time in UTC, so that names sort by time whatever
 * zone each colleague's computer is set to, the kind, and the number of cases; `copy` > 1 tells apart two made in the
 * same second. `extension` is the store file's (with its dot).
 */
export function backupName(
  storeStem: string,
  extension: string,
  at: Date,
  kind: BackupKind,
  caseCount: number | null,
  copy = 1,
): string {
  const time = `${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`
  return `${storeStem} ${utcDay(at)} ${time} ${kind} ${caseCountWords(caseCount)}${copy > 1 ? ` (${copy})` : ''}${extension}`
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What a backup's name says, or undefined for any other file (another store's backup, a file the person put there). */
export function parseBackupName(
  storeStem: string,
  extension: string,
  name: string,
): { kind: BackupKind; at: string; caseCount: number | null } | undefined {
  const pattern = new RegExp(
    `^${escaped(storeStem)} (\\d{4}-\\d{2}-\\d{2}) (\\d{2})(\\d{2})(\\d{2}) (${BackupKind.options.map(escaped).join('|')}) (?:(\\d+) cases?|unreadable)(?: \\(\\d+\\))?${escaped(extension)}$`,
  )
  const match = pattern.exec(name)
  if (!match) return undefined
  const [, day, hours, minutes, seconds, kind, count] = match
  const at = new Date(`${day}T${hours}:${minutes}:${seconds}.000Z`)
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) return undefined
  return { kind: kind as BackupKind, at: at.toISOString(), caseCount: count === undefined ? null : Number(count) }
}

/** Newest first; two of the same second by name, so the order is the same on every listing. */
export const newestFirst = (a: Pick<Backup, 'at' | 'name'>, b: Pick<Backup, 'at' | 'name'>) =>
  a.at === b.at ? (a.name < b.name ? 1 : a.name > b.name ? -1 : 0) : a.at < b.at ? 1 : -1

/** The backups of `kind` beyond the newest `keep`, which rotation removes; other kinds are counted on their own. */
export function rotatedOut(backups: readonly Backup[], kind: BackupKind, keep: number): Backup[] {
  return backups
    .filter((b) => b.kind === kind)
    .sort(newestFirst)
    .slice(keep)
}

/** A daily backup is due unless one was made on the same UTC day. */
export const dailyDue = (backups: readonly Backup[], now: Date) =>
  !backups.some((b) => b.kind === 'daily' && b.at.slice(0, 10) === utcDay(now))

/** How a kind reads in a list: "Daily", "Before restoring", … */
export const kindWords: Record<BackupKind, string> = {
  daily: 'Daily',
  'before-migration': 'Before upgrading the file format',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  manual: 'Made by hand',
}
