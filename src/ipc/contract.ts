import { z } from 'zod'
import { AgendaRow } from '../agenda/agendaEntry'
import { CalendarSpec, IsoDate, PlaceName, RegionHoliday } from '../calendar/spec'
import { Case, CaseInput } from '../cases/case'
import { AttachmentInfo, Id } from '../cases/fields'
import { Transition } from '../cases/lifecycle'
import { CorrectEvent, WithdrawEvent } from '../commands/corrections'
import { PromiseResolution } from '../commands/promiseResolution'
import { RecordEmail } from '../commands/recordEmail'
import { TransitionPreview } from '../commands/previewTransition'
import { AddNote, RecordMilestone } from '../commands/timelineEntries'
import { RevertStatus, TransitionCase } from '../commands/transitionCase'
import { UpdateCase } from '../commands/updateCase'
import { CaseRow, CaseSummary } from '../cases/summary'
import { DayOffReason, Deadline, SkippedDay } from '../deadlines/deadline'
import { DraftTemplate, TemplatePurpose } from '../drafts/template'
import { ErrorCode } from '../errors'
import { CsvSeparator } from '../export/csvSeparator'
import { ImportChoice, ImportFileToken, ImportResult } from '../export/importChoice'
import { IntakeNote } from '../intake/notes'
import { ReplyTarget } from '../intake/replyTarget'
import { Milestone, Policy } from '../policies/policy'
import { ReminderPrefs } from '../reminders/reminderState'
import { Settings } from '../settings/settings'
import { PresenceEntry } from '../store/presenceEntry'
import { Backup, BackupFileName, BackupList, BackupPrefs } from '../store/backups'
import { ChangePassphrase, EncryptionStatus, TurnOffEncryption, TurnOnEncryption, Unlock } from '../store/passphrase'

export const AppState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), file: z.string(), caseCount: z.number().int() }),
  /** The store file could not be read; it was left untouched. */
  z.object({ kind: z.literal('recovery'), file: z.string(), problem: z.string() }),
  /** The store file is encrypted: nothing of it is read until its passphrase is entered (store:unlock). */
  z.object({ kind: z.literal('locked'), file: z.string() }),
])
export type AppState = z.infer<typeof AppState>

export { CaseRow, CaseSummary, ErrorCode }

export const Places = z.object({
  countries: z.array(PlaceName),
  states: z.array(PlaceName),
  regions: z.array(PlaceName),
  /** The zone date-holidays gives the chosen place, used when the settings name none. */
  timeZone: z.string().nullable(),
})
export type Places = z.infer<typeof Places>

/** The settings screen lists a year's holidays in this shape. */
export { RegionHoliday }

/** What a status move would do to the promises still open on a case; the schema lives beside the query that computes it. */
export { TransitionPreview }

export const PolicyEntry = Policy.extend({ preset: z.boolean() })
export type PolicyEntry = z.infer<typeof PolicyEntry>

/** A template as the picker and the settings list show it (src/drafts/catalog's TemplateEntry): shipped or the team's own, and edited. */
export const TemplateEntry = DraftTemplate.extend({ shipped: z.boolean(), edited: z.boolean() })
export type TemplateEntry = z.infer<typeof TemplateEntry>

/**
 * The largest saved mail read, from a drop or the menu: src/intake's mailSizeLimit, repeated here because the contract
 * reaches the preload and the renderer, which must not pull in the mail parser (test/unit/ipcIntake.test.ts keeps the
 * two equal).
 */
export const emlSizeLimit = 60 * 1024 * 1024

/**
 * Bytes as structured clone carries them (Electron's IPC gives main a Uint8Array or a Buffer). Checked by their tag,
 * not instanceof: bytes made in another realm (the page's, jsdom's in tests) are bytes all the same.
 */
const Bytes = z.custom<Uint8Array>((v) => Object.prototype.toString.call(v) === '[object Uint8Array]', 'Send the file as bytes')

/** A token main keeps a read mail under (a UUID), also part of the import screen's route. */
const ImportToken = z.string().regex(/^[0-9a-f-]{36}$/, 'an import token')

/**
 * A mail main read (from a drop or the menu) and keeps under its token until the import screen makes a case of it:
 * the case input to prefill the form with, the attachments by digest, notes on what the import changed or could not
 * take, or why the bytes could not be read as a mail. Attachment bytes stay in main (intake:saveAttachment).
 */
export const IntakePreview = z.discriminatedUnion('ok', [
  z.object({
    token: ImportToken,
    ok: z.literal(true),
    input: CaseInput,
    attachments: z.array(AttachmentInfo),
    encrypted: z.boolean(),
    notes: z.array(IntakeNote),
  }),
  z.object({ token: ImportToken, ok: z.literal(false), problem: z.string() }),
])
export type IntakePreview = z.infer<typeof IntakePreview>

/** A draft as the screen rendered it; the addresses are checked where the message is built (src/drafts), by field. */
const DraftMessage = z.object({
  from: z.string().max(1000),
  to: z.array(z.string().max(1000)).min(1).max(50),
  cc: z.array(z.string().max(1000)).max(50).default([]),
  subject: z.string().max(2000),
  text: z.string().max(1_000_000),
})

/** What the reporter's PGP key names and whether it still works (src/drafts publicKeyInfo), or why it cannot be used. */
export const KeyInfo = z.union([
  z.object({ fingerprint: z.string(), userIds: z.array(z.string()), expired: z.boolean() }),
  z.object({ problem: z.string() }),
])
export type KeyInfo = z.infer<typeof KeyInfo>

/** A day of the team's calendar that is not a business day, with the holiday's or closure's name. */
export const DayOff = SkippedDay.extend({ reason: DayOffReason })
export type DayOff = z.infer<typeof DayOff>

/** The longest span of days one calendar:daysOff call answers: a year and a bit, more than any view shows. */
export const daysOffSpanLimit = 400

/** Whether the person saved the file (they may cancel the dialog), and where. */
const Saved = z.object({ saved: z.boolean(), file: z.string().optional() })

const Empty = z.object({}).strict()
const Identity = z.object({ memberId: z.string().min(1).nullable() })
const ById = z.object({ id: Id })
/**
 * A change to one case is its command's fields (their rules and the words of their refusals live with the command,
 * in src/commands), with the case named by `id`. A screen always says which revision it changes, so over IPC a
 * change of a case's fields or status must send it.
 */
const onCase = { type: true, caseId: true } as const

/** Every channel between renderer and main: the preload, the main process and the e2e bridge all use this object. */
export const contract = {
  'app:state': { req: Empty, res: AppState },
  'store:openOther': { req: Empty, res: AppState },
  'store:createNew': { req: Empty, res: AppState },
  /** Every case as a compact row; `rows.map(fromRow)` (src/cases/summary.ts) gives the CaseSummary of each. */
  'cases:list': { req: Empty, res: z.array(CaseRow) },
  'cases:get': { req: ById, res: Case },
  'cases:create': { req: CaseInput, res: Case },
  'cases:update': { req: UpdateCase.omit(onCase).required({ revision: true }).extend(ById.shape), res: Case },
  'cases:transition': {
    /** Without acceptOpenPromises, publishing or closing a case with promises still open is refused; see previewTransition. */
    req: TransitionCase.omit(onCase).required({ revision: true }).extend(ById.shape),
    res: Case,
  },
  /** Takes back the last status move (eventId names it) by the move back; the timeline keeps both. */
  'cases:revertStatus': { req: RevertStatus.omit(onCase).required({ revision: true }).extend(ById.shape), res: Case },
  /** What a transition would do to the case's promises, for the confirm dialog; changes nothing. */
  'cases:previewTransition': { req: ById.extend({ transition: Transition }), res: TransitionPreview },
  'cases:addNote': { req: AddNote.omit(onCase).extend(ById.shape), res: Case },
  'cases:recordMilestone': { req: RecordMilestone.omit(onCase).extend(ById.shape), res: Case },
  /** A correction is a new timeline event naming the milestone or note it replaces: the record stays append-only. */
  'cases:correctEvent': { req: CorrectEvent.omit(onCase).extend(ById.shape), res: Case },
  'cases:withdrawEvent': { req: WithdrawEvent.omit(onCase).extend(ById.shape), res: Case },
  /**
   * "Mark as sent": the email on the timeline, the milestone it keeps and the status it moves, the resolution date or
   * publication it commits to. Sent from the draft screen, which knows the revision it drafted on.
   */
  'cases:recordEmail': { req: RecordEmail.omit(onCase).required({ revision: true }).extend(ById.shape), res: Case },
  /** An expected resolution date agreed outside the app (by phone, in a mail not drafted here). */
  'cases:promiseResolution': { req: PromiseResolution.omit(onCase).required({ revision: true }).extend(ById.shape), res: Case },
  /** The milestones that can happen next on the case, for the milestone picker. */
  'cases:nextMilestones': { req: ById, res: z.array(Milestone) },
  'cases:repinCalendar': { req: ById, res: Case },
  /** Full-text search over key, title, reporter and report text, which the list rows do not carry. */
  'cases:search': { req: z.object({ text: z.string().max(1000) }), res: z.object({ ids: z.array(z.string()) }) },
  'deadlines:ofCase': { req: ById, res: z.array(Deadline) },
  /**
   * Every dated deadline of every case (open or met) and every planned publication, as compact rows
   * (`rows.map(fromAgendaRow)`, src/agenda/agendaEntry.ts); the case each belongs to is its cases:list row.
   */
  'agenda:list': { req: Empty, res: z.array(AgendaRow) },
  /**
   * Saves the open deadlines and planned publications as an iCalendar file the person chooses. Without `details`, an
   * event names only the case key and what is due: calendars sync to the cloud, and titles and reporters are confidential.
   */
  'agenda:exportIcs': { req: z.object({ details: z.boolean() }), res: Saved.extend({ events: z.number().int().min(0), cancelled: z.number().int().min(0).optional() }) },
  'policies:list': { req: Empty, res: z.array(PolicyEntry) },
  /**
   * `base`: the policy as the editor opened it (null for a new one). Stored again since by someone else and changed in
   * the same part, the save is refused as a conflict; changes of other parts are merged.
   */
  'policies:save': { req: z.object({ policy: Policy, base: Policy.nullable() }), res: Policy },
  /** `base`: the policy as the screen showed it; refused as a conflict when someone changed it since. */
  'policies:remove': { req: ById.extend({ base: Policy }), res: z.object({ removed: z.boolean() }) },
  /** The shipped templates in purpose order (as the team edited them), then the team's own. */
  'templates:list': { req: Empty, res: z.array(TemplateEntry) },
  /**
   * The team's own template, or its edit of a shipped one (same id). `base`: the template as the editor opened it (null
   * for a new one); merged with what someone else saved since, refused as a conflict when both changed the same part.
   */
  'templates:save': { req: z.object({ template: DraftTemplate, base: DraftTemplate.nullable() }), res: DraftTemplate },
  /**
   * Removes the team's own template, or resets an edited shipped one to its shipped text; a shipped one never edited is
   * refused. `base`: the template as the screen showed it; refused as a conflict when someone changed it since.
   */
  'templates:remove': { req: ById.extend({ base: DraftTemplate }), res: z.object({ removed: z.boolean() }) },
  'calendar:places': {
    req: z.object({ country: z.string().max(3).optional(), state: z.string().max(10).optional() }),
    res: Places,
  },
  /** The days from `from` to `to` (both included) on the team's calendar that are not business days. */
  'calendar:daysOff': {
    req: z
      .object({ from: IsoDate, to: IsoDate })
      .refine((r) => r.from <= r.to, { message: 'The first day must come before the last', path: ['to'] })
      .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < daysOffSpanLimit, {
        message: `At most ${daysOffSpanLimit} days at a time`,
        path: ['to'],
      }),
    res: z.array(DayOff),
  },
  'calendar:holidays': { req: z.object({ spec: CalendarSpec, year: z.number().int().min(1900).max(2200) }), res: z.array(RegionHoliday) },
  'samples:load': { req: Empty, res: z.object({ added: z.number().int() }) },
  'samples:remove': { req: Empty, res: z.object({ removed: z.number().int() }) },
  'settings:get': { req: Empty, res: Settings },
  /**
   * `base`: the settings as the screen opened them. Merged part by part with what someone else saved since; refused as
   * a conflict, nothing saved, when both changed the same part differently.
   */
  'settings:update': { req: z.object({ settings: Settings, base: Settings }), res: Settings },
  /**
   * Who uses this installation, for the open store: the person every change made here is recorded under. Kept on this
   * computer, not in the shared file; null is nobody chosen ("Someone" on the timeline).
   */
  'identity:get': { req: Empty, res: Identity },
  /** Answers who acts from now on, as identity:get would. */
  'identity:set': { req: Identity, res: Identity },
  /** Whether this installation shows desktop reminders, and for whose cases; kept on this computer, like identity. */
  'reminders:get': { req: Empty, res: ReminderPrefs },
  'reminders:set': { req: ReminderPrefs, res: ReminderPrefs },
  'external:open': { req: z.object({ url: z.string().max(4000) }), res: z.object({ opened: z.boolean() }) },
  /**
   * The draft as an .eml file the mail app opens as a draft (X-Unsent), threaded under the report when it came in as an
   * email, encrypted to the reporter's key as PGP/MIME when asked; the save dialog suggests "<case key> <purpose>.eml".
   */
  'drafts:saveEml': {
    req: z.object({ caseId: z.string().min(1), purpose: TemplatePurpose, message: DraftMessage, encrypt: z.boolean() }),
    res: Saved,
  },
  /** Opens the draft in the mail app through mailto:; a link longer than mail apps keep is refused in words (save the .eml instead). */
  'drafts:openMailto': { req: DraftMessage.pick({ to: true, subject: true, text: true }), res: z.object({ opened: z.boolean() }) },
  /** The text encrypted to the reporter's PGP key, ASCII-armored, with the fingerprint of the key it was encrypted to. */
  'drafts:encrypt': {
    req: z.object({ caseId: z.string().min(1), text: z.string().max(1_000_000) }),
    res: z.object({ armored: z.string(), fingerprint: z.string() }),
  },
  /** What the reporter's PGP key on the case is, or why it cannot be used (no key is such a problem too). */
  'drafts:keyInfo': { req: z.object({ caseId: z.string().min(1) }), res: KeyInfo },
  /**
   * Reads a dropped mail's bytes and keeps them under a new token; a mail that cannot be read is kept too, with the
   * reason, so the import screen shows it. Nothing is stored until cases:create.
   */
  'intake:parse': {
    req: z.object({
      bytes: Bytes.refine(
        (b) => b.byteLength <= emlSizeLimit,
        'A mail over 60 MB is not read: save it without its largest attachments, or create the case by hand',
      ),
    }),
    res: IntakePreview,
  },
  /** The mail kept under the token (the import screen after a reload); refused once it is no longer kept. */
  'intake:get': { req: z.object({ token: ImportToken }), res: IntakePreview },
  /** The stored case the kept mail replies to (src/intake replyTarget), or null for a mail that starts a new case. */
  'intake:replyTarget': { req: z.object({ token: ImportToken }), res: ReplyTarget.nullable() },
  /** Saves one attachment of a kept mail where the person chooses; never opened by the app. */
  'intake:saveAttachment': { req: z.object({ token: ImportToken, index: z.number().int().min(0).max(1000) }), res: Saved },
  // issue 10 — backups and moving the store
  /** The store's backups (also of a store that cannot be opened), newest first; the newest good one is read to be sure. */
  'backups:list': { req: Empty, res: BackupList },
  /** "Back up now": a copy of the store file as it is, read back before it counts. */
  'backups:create': { req: Empty, res: z.object({ backup: Backup, list: BackupList }) },
  /**
   * Puts a backup back as the store file and opens it: the store file as it was (broken or not) is kept as a
   * before-restore backup first (`savedAs`; null when there was no file), so nothing is lost.
   */
  'backups:restore': { req: z.object({ name: BackupFileName }), res: z.object({ state: AppState, restored: Backup, savedAs: Backup.nullable() }) },
  /** How many backups of each kind this computer keeps for the store. */
  'backups:setKeep': { req: BackupPrefs.pick({ keep: true }), res: BackupList },
  /** Asks for a folder to keep the backups in; a cancelled dialog changes nothing. */
  'backups:chooseFolder': { req: Empty, res: BackupList },
  /** Back to the folder beside the store file. */
  'backups:folderBesideStore': { req: Empty, res: BackupList },
  /**
   * For a store file that could not be opened without a key (its encryption header damaged, the file empty): the
   * passphrase of its encrypted backups, checked against the newest one's header. Its key is kept for reading and
   * restoring them, and the backups are listed again with it; a wrong passphrase is refused at the field, nothing written.
   */
  'backups:unlock': { req: Unlock, res: BackupList },
  /**
   * Asks for a folder, copies the store file there, reads the copy back and opens it, to be opened at the next start;
   * the old file is left as it was. `moved: false` when the dialog was cancelled.
   */
  'store:move': {
    req: Empty,
    res: z.discriminatedUnion('moved', [
      z.object({ moved: z.literal(false) }),
      /** `backupsLeftIn`: the folder beside the old file, which keeps the backups made so far (new ones go beside the new). */
      z.object({ moved: z.literal(true), from: z.string(), to: z.string(), state: AppState, backupsLeftIn: z.string().nullable() }),
    ]),
  },
  // issue 10 — export and import
  /** The whole store as a versioned JSON file the person saves where they choose (src/export/storeExport.ts). */
  'export:store': { req: Empty, res: Saved.extend({ cases: z.number().int().min(0) }) },
  /** Every case as one row of a CSV file, safe to open in a spreadsheet, its cells separated by `separator` (src/export/casesCsv.ts). */
  'export:casesCsv': { req: z.object({ separator: CsvSeparator.default(',') }).strict(), res: Saved.extend({ rows: z.number().int().min(0) }) },
  /** Asks for an export or a store file and reads it: refused in words, or what importing it would do. Nothing changes yet. */
  'import:choose': { req: Empty, res: ImportChoice },
  /**
   * Imports the chosen file's cases in one step, after a before-import backup (`backup` names it): new ones added,
   * differing ones taken only where `takeTheirs` names them.
   */
  'import:apply': { req: z.object({ token: ImportFileToken, takeTheirs: z.array(z.string().min(1).max(200)).max(100_000) }), res: ImportResult.extend({ backup: z.string() }) },
  /** Forgets the chosen file without importing it. */
  'import:discard': { req: z.object({ token: ImportFileToken }), res: z.object({ discarded: z.boolean() }) },
  // issue 10 — encryption
  /** Opens the locked store with its passphrase; a wrong one is refused at the field and nothing is written. */
  'store:unlock': { req: Unlock, res: AppState },
  'encryption:status': { req: Empty, res: EncryptionStatus },
  /** Each re-writes the whole store file at once: with the new passphrase, or plain; a wrong current one changes nothing. */
  'encryption:turnOn': { req: TurnOnEncryption, res: EncryptionStatus },
  'encryption:change': { req: ChangePassphrase, res: EncryptionStatus },
  'encryption:turnOff': { req: TurnOffEncryption, res: EncryptionStatus },
  // issue 10 — who has the store open
  /** The other apps that have this store file open now (a colleague's on a shared folder), the one open longest first. */
  'store:presence': { req: Empty, res: z.array(PresenceEntry) },
} as const

/** A path of the renderer's router, e.g. '/cases/new'. */
const RoutePath = z.string().regex(/^\/[\w\-/]*$/, 'a route of the app')

/**
 * Every event main pushes to the renderer, one IPC channel each (named like the event). The renderer's query cache
 * invalidates what an event names; main validates each payload before sending it and the preload again on arrival.
 */
export const events = {
  'case:changed': z.object({ id: z.string().min(1) }),
  /** Many cases at once (samples loaded or removed): every case, and the list, are stale. */
  'cases:changed': Empty,
  'settings:changed': Empty,
  'policies:changed': Empty,
  /** A template was saved, reset to its shipped text or removed. */
  'templates:changed': Empty,
  /** Another app wrote the shared store file and this app took the change in; anything shown may be stale. */
  'store:changedOnDisk': Empty,
  /** A new day began in the team's zone: "Due today" may now be "Overdue". */
  'clock:dayChanged': z.object({ today: IsoDate }),
  /** The menu asks the renderer to show a screen. */
  'app:navigate': z.object({ to: RoutePath }),
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>
/** One event as main sends it. */
export type DeskEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName]
export const eventNames = Object.keys(events) as EventName[]

export type Contract = typeof contract
export type Channel = keyof Contract
export type Req<C extends Channel> = z.input<Contract[C]['req']>
export type Res<C extends Channel> = z.output<Contract[C]['res']>

export const DeskErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Which field is wrong and why, for forms. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
})
export type DeskErrorBody = z.infer<typeof DeskErrorBody>

/** What crosses the IPC boundary: a value or an error a person can act on, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorBody }

export type Handlers = { [C in Channel]: (req: z.output<Contract[C]['req']>) => Promise<Res<C>> }

/** 'cases:list' becomes desk.cases.list(req). */
type Group<C extends string> = C extends `${infer G}:${string}` ? G : never
type Method<C extends string> = C extends `${string}:${infer M}` ? M : never
export type DeskApi = {
  [G in Group<Channel>]: {
    [C in Channel as Group<C> extends G ? Method<C> : never]: (req: Req<C>) => Promise<Result<Res<C>>>
  }
} & { events: DeskEvents }

/** `desk.events.on('case:changed', ({ id }) => …)` returns the function that stops listening. */
export interface DeskEvents {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
}

export const channels = Object.keys(contract) as Channel[]

export function splitChannel(channel: Channel): [group: string, method: string] {
  const [group, method] = channel.split(':') as [string, string]
  return [group, method]
}
