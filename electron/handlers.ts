import { createAgendaCache, type AgendaOf } from '../src/agenda/agendaCache'
import { countries, defaultTimeZone, holidaysOf, regionsOf, statesOf, timeZoneOf } from '../src/calendar'
import type { Case } from '../src/cases/case'
import { nextMilestones } from '../src/cases/history'
import { matchingCaseIds } from '../src/cases/search'
import { caseListSummaries } from '../src/cases/caseListSummaries'
import { toRow } from '../src/cases/summary'
import type { Command } from '../src/commands'
import { previewTransition } from '../src/commands/previewTransition'
import { deadlinesOf } from '../src/deadlines'
import { createDeadlineCache, type DeadlineCache } from '../src/deadlines/nextDeadlineCache'
import { encryptFor, publicKeyInfo, toEml, toEncryptedEml, toMailto } from '../src/drafts'
import { allTemplates } from '../src/drafts/catalog'
import { mailtoTooLongReason } from '../src/drafts/mailto'
import { replyTo } from '../src/drafts/replyTo'
import { DeskError } from '../src/errors'
import { attachmentFileName, readMail, type ReadMailOptions } from '../src/intake'
import { replyTarget } from '../src/intake/replyTarget'
import type { Handlers } from '../src/ipc/contract'
import { externalLink } from '../src/links/externalLink'
import { allPolicies, policyById, policyOfCase } from '../src/policies/catalog'
import { presetPolicies } from '../src/policies/presets'
import { agendaHandlers } from './agendaHandlers'
import { backupHandlers } from './backupHandlers'
import { encryptionHandlers } from './encryptionHandlers'
import { exportHandlers } from './exportHandlers'
import { presenceHandlers, type StorePresence } from './presenceHandlers'
import { icsHandlers } from './icsHandlers'
import { reminderHandlers } from './reminderHandlers'
import { createPendingImports, type PendingImports, type ReadMailFn } from './pendingImports'
import type { StoreSession } from './storeSession'

/** What a save dialog offers: the name it fills in (a safe file name, no folder) and the kinds of file it lists. */
export interface SaveFileOptions {
  title: string
  suggestedName: string
  filters: { name: string; extensions: string[] }[]
}

/** A mail file the person chose; `bytes` holds at most one byte more than emlSizeLimit, so a huge file is never read whole. */
export interface ChosenFile {
  name: string
  bytes: Uint8Array
}

/** What only the desktop shell can do: native dialogs, files the person chose, and the system browser and mail app. The e2e bridge supplies its own. */
export interface Shell {
  chooseStoreToOpen(): Promise<string | null>
  chooseNewStoreLocation(): Promise<string | null>
  confirmAndOpenExternal(url: URL): Promise<boolean>
  /** Asks where to save, then writes the content there whole; the path written, or null when the person cancelled. */
  saveFile(options: SaveFileOptions, content: string | Uint8Array): Promise<string | null>
  /** Asks for a saved mail (.eml) and reads it; null when the person cancelled. */
  openEmlFile(): Promise<ChosenFile | null>
  /** Hands a mailto: URL to the system's mail app, which opens it as a new message; false when none took it. */
  openMailto(url: string): Promise<boolean>
  /** Asks for a folder (one may be made in the dialog); the folder's path, or null when the person cancelled. */
  chooseFolder(title: string): Promise<string | null>
  /** Asks for an export or a store file to import and reads at most one byte past importSizeLimit; null when cancelled. */
  chooseFileToImport(): Promise<ChosenFile | null>
}

/**
 * How a mail is read now: at the handlers' clock (a mail without a Date was received now), preferring the team's zone
 * when a Date's offset fits several.
 */
export function mailReadOptions(session: StoreSession, now: () => Date = () => new Date()): () => ReadMailOptions {
  return () => {
    const state = session.state()
    const teamZone = state.kind === 'ready' ? timeZoneOf(session.store().settings.get().calendar.spec) : undefined
    return { now: now(), ...(teamZone && { preferredZones: [teamZone] }) }
  }
}

/** Reads a mail on this thread, as src/intake does; the main process reads in a worker instead (mailWorkerReader). */
export function mailReader(session: StoreSession, now: () => Date = () => new Date()): ReadMailFn {
  const options = mailReadOptions(session, now)
  return (raw) => readMail(raw, options())
}

/**
 * One count of every case's deadlines, for the case list, the calendar, the ICS export and the reminders: none counts
 * a case twice. The main process makes it and hands it to the handlers and to its reminder loop.
 */
export interface CaseCounts {
  deadlines: DeadlineCache
  /** Built on `deadlines`, so the calendar's entries reuse the list's count. */
  agendaOf: AgendaOf
}

export function createCaseCounts(): CaseCounts {
  const deadlines = createDeadlineCache()
  return { deadlines, agendaOf: createAgendaCache(deadlines) }
}

/**
 * One plain async function per channel, each a thin call into src/: a change runs one command of the store, a question
 * one query. No rule lives here. Imports no electron, so Node tests load it. `pending` keeps the mails read but not
 * yet made a case; the main process shares it with the menu's import, and `counts` with its reminder loop.
 */
export function createHandlers(
  session: StoreSession,
  shell: Shell,
  now: () => Date = () => new Date(),
  pending: PendingImports = createPendingImports(mailReader(session, now)),
  counts: CaseCounts = createCaseCounts(),
  /** This app's presence beside the open store (main's and the e2e harness's); without one, nobody else is open. */
  presence?: StorePresence,
): Handlers {
  const store = () => session.store()
  const run = async <C extends Command>(command: C) => (await store().run(command)).result
  /** The case and its policy, or undefined when the policy is gone: only counting deadlines needs it (policyOfCase). */
  const caseWithPolicy = (id: string) => {
    const c = store().cases.get(id)
    return { c, policy: policyById(c.policyId, store().policies.list()) }
  }
  const presetIds = new Set(presetPolicies.map((p) => p.id))
  const { deadlines: deadlineCache, agendaOf } = counts
  return {
    'app:state': async () => session.state(),
    'store:openOther': async () => {
      const file = await shell.chooseStoreToOpen()
      return file ? session.open(file) : session.state()
    },
    'store:createNew': async () => {
      const file = await shell.chooseNewStoreLocation()
      return file ? session.open(file) : session.state()
    },
    // No sync() before a read: the store watches the file and takes a colleague's write in by itself (and tells the
    // window), and every change re-reads under the lock; a read per click costs 60–300 ms at 10,000 cases.
    'cases:list': async () => (await caseListSummaries(store().document(), deadlineCache, now())).map(toRow),
    'cases:search': async ({ text }) => ({ ids: matchingCaseIds(store().cases.list(), text) }),
    'cases:get': async ({ id }) => store().cases.get(id),
    'cases:create': async (input) => run({ type: 'case.create', input }),
    'cases:update': async ({ id, revision, patch }) => run({ type: 'case.update', caseId: id, revision, patch }),
    'cases:transition': async ({ id, revision, transition, acceptOpenPromises }) =>
      run({ type: 'case.transition', caseId: id, revision, transition, acceptOpenPromises }),
    'cases:revertStatus': async ({ id, revision, eventId }) => run({ type: 'case.revertStatus', caseId: id, revision, eventId }),
    'cases:previewTransition': async ({ id, transition }) => {
      const { c, policy } = caseWithPolicy(id)
      return previewTransition(c, policy, transition, now())
    },
    'cases:addNote': async ({ id, text }) => run({ type: 'case.addNote', caseId: id, text }),
    'cases:recordMilestone': async ({ id, ...milestone }) => run({ type: 'case.recordMilestone', caseId: id, ...milestone }),
    'cases:correctEvent': async ({ id, ...correction }) => run({ type: 'case.correctEvent', caseId: id, ...correction }),
    'cases:withdrawEvent': async ({ id, ...withdrawal }) => run({ type: 'case.withdrawEvent', caseId: id, ...withdrawal }),
    'cases:recordEmail': async ({ id, ...email }) => run({ type: 'case.recordEmail', caseId: id, ...email }),
    'cases:promiseResolution': async ({ id, revision, date }) => run({ type: 'case.promiseResolution', caseId: id, revision, date }),
    'cases:nextMilestones': async ({ id }) => {
      const { c, policy } = caseWithPolicy(id)
      return nextMilestones(c, policy)
    },
    'cases:repinCalendar': async ({ id }) => run({ type: 'case.repinCalendar', caseId: id }),
    'deadlines:ofCase': async ({ id }) => {
      const c = store().cases.get(id)
      // Refused naming the case and what to do when its policy is gone: deadlines are counted from the policy's rules.
      return deadlinesOf(c, policyOfCase(c, store().policies.list()), now())
    },
    ...agendaHandlers(session, now, agendaOf),
    ...icsHandlers(session, shell, now, agendaOf),
    ...reminderHandlers(session),
    ...backupHandlers(session, shell),
    ...exportHandlers(session, shell, now, deadlineCache),
    ...encryptionHandlers(session),
    ...presenceHandlers(presence),
    'policies:list': async () => allPolicies(store().policies.list()).map((p) => ({ ...p, preset: presetIds.has(p.id) })),
    'policies:save': async ({ policy, base }) => run({ type: 'policy.save', policy, base }),
    'policies:remove': async ({ id, base }) => run({ type: 'policy.remove', policyId: id, base }),
    'templates:list': async () => allTemplates(store().document().templates),
    'templates:save': async ({ template, base }) => run({ type: 'template.save', template, base }),
    'templates:remove': async ({ id, base }) => run({ type: 'template.remove', templateId: id, base }),
    'calendar:places': async ({ country, state }) => ({
      countries: countries(),
      states: country ? statesOf(country) : [],
      regions: country && state ? regionsOf(country, state) : [],
      timeZone: country ? defaultTimeZone(country, state) : null,
    }),
    'calendar:holidays': async ({ spec, year }) => holidaysOf(spec, year),
    'samples:load': async () => run({ type: 'samples.load' }),
    'samples:remove': async () => run({ type: 'samples.remove' }),
    'settings:get': async () => store().settings.get(),
    'settings:update': async ({ settings, base }) => run({ type: 'settings.update', settings, base }),
    'identity:get': async () => ({ memberId: session.identity() }),
    'identity:set': async ({ memberId }) => ({ memberId: await session.chooseIdentity(memberId) }),
    'external:open': async ({ url }) => {
      const link = externalLink(url)
      if (!link) throw new DeskError('invalid_input', 'Only https and mailto links can be opened outside the app.')
      return { opened: await shell.confirmAndOpenExternal(link) }
    },
    'drafts:saveEml': async ({ caseId, purpose, message, encrypt }) => {
      const c = store().cases.get(caseId)
      const mail = { ...message, date: now(), ...replyTo(c) }
      const eml = encrypt ? await toEncryptedEml(mail, reporterKey(c)) : await toEml(mail)
      // The key (VD-2026-007) and the purpose are safe in a file name by their schemas.
      const suggestedName = `${c.key} ${purpose}.eml`
      const file = await shell.saveFile({ title: 'Save the draft', suggestedName, filters: emlFilters }, eml)
      return file ? { saved: true, file } : { saved: false }
    },
    'drafts:openMailto': async (message) => {
      const url = toMailto(message)
      const tooLong = mailtoTooLongReason(url)
      if (tooLong) throw new DeskError('invalid_input', tooLong)
      return { opened: await shell.openMailto(url) }
    },
    'drafts:encrypt': async ({ caseId, text }) => {
      const key = reporterKey(store().cases.get(caseId))
      // Refused in words when the key cannot be used (unreadable, expired, revoked, private).
      const armored = await encryptFor(text, key, now())
      const info = await publicKeyInfo(key, now())
      if ('problem' in info) throw new DeskError('invalid_input', info.problem)
      return { armored, fingerprint: info.fingerprint }
    },
    'drafts:keyInfo': async ({ caseId }) => {
      const key = store().cases.get(caseId).reporter.pgpPublicKey
      return key ? publicKeyInfo(key, now()) : { problem: noKey }
    },
    'intake:parse': async ({ bytes }) => pending.parse(bytes),
    'intake:get': async ({ token }) => pending.get(token),
    'intake:replyTarget': async ({ token }) => {
      const preview = pending.get(token)
      return preview.ok ? (replyTarget(preview.input, store().cases.list()) ?? null) : null
    },
    'intake:saveAttachment': async ({ token, index }) => {
      const { name, content } = pending.attachment(token, index)
      const file = await shell.saveFile({ title: 'Save the attachment', suggestedName: attachmentFileName(name), filters: [] }, content)
      return file ? { saved: true, file } : { saved: false }
    },
  }
}

const emlFilters = [{ name: 'Email message', extensions: ['eml'] }]

const noKey = 'The reporter gave no PGP public key on this case. Add it to the reporter on the case to encrypt to it.'

function reporterKey(c: Case): string {
  if (!c.reporter.pgpPublicKey) throw new DeskError('invalid_input', noKey)
  return c.reporter.pgpPublicKey
}
