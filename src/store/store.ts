import { Case } from '../cases/case'
import type { CaseInput, CasePatch } from '../cases/case'
import type { Transition } from '../cases/lifecycle'
import { Command, runCommand, type CommandType, type ResultOf } from '../commands'
import { findCase } from '../commands/caseChange'
import type { Actor, CommandContext } from '../commands/context'
import type { DomainEvent } from '../commands/events'
import { DeskError, parseInput, userWords } from '../errors'
import type { Milestone, Policy } from '../policies/policy'
import type { Settings } from '../settings/settings'
import type { StoreDocument } from './document'
import { openDocumentFile, type Encoding } from './documentFile'
import { lowerFirst, placeInWords } from './readDocument'

/** 'other_app': another app (a colleague's, on a shared folder) wrote the file and this store took its document in. */
export type ChangeOrigin = 'this_app' | 'other_app'
export type StoreListener = (events: DomainEvent[], origin: ChangeOrigin) => void

export interface Store {
  readonly file: string
  /** Runs one command on the current document, writes the result and then tells the subscribers what changed. */
  run<C extends Command>(command: C): Promise<{ result: ResultOf<C>; events: DomainEvent[] }>
  /** Hears every change of the document, this app's and others'; returns the function that stops it. */
  subscribe(listener: StoreListener): () => void
  /** The current document, as last read or written; it is replaced, never changed in place. */
  document(): StoreDocument
  // Today's surface, for tests and scripts in plain Node: each change is one run().
  cases: {
    list(): Case[]
    get(id: string): Case
    create(input: CaseInput): Promise<Case>
    update(id: string, patch: CasePatch, expectedRevision?: number): Promise<Case>
    transition(id: string, t: Transition, expectedRevision?: number): Promise<Case>
    addNote(id: string, text: string): Promise<Case>
    recordMilestone(id: string, m: { milestone: Milestone; on: string; comment?: string }): Promise<Case>
    /** Pins the current settings.calendar on the case and records a 'calendar_repinned' event. */
    repinCalendar(id: string): Promise<Case>
  }
  /** load adds the demo cases once (returns how many it added); remove deletes every case with sample: true. */
  samples: { load(): Promise<number>; remove(): Promise<number> }
  settings: { get(): Settings; update(s: Settings): Promise<Settings> }
  policies: { list(): Policy[]; save(p: Policy): Promise<Policy>; remove(id: string): Promise<void> }
  /** Takes in what another app wrote to the file since this store last read or wrote it; true when there was something. */
  sync(): Promise<boolean>
  /** Stops watching and waits for pending writes; the store cannot be used afterwards. */
  close(): Promise<void>
}

export interface StoreOptions {
  now?: () => Date
  newId?: () => string
  /**
   * Who uses this installation. When given it alone names the actor (a store shared by a team holds one
   * settings.currentMemberId for all of them); without it, settings.currentMemberId does.
   */
  memberId?: () => string | undefined
  /** Take in other apps' writes by itself, about once a second, and tell the subscribers. */
  watch?: boolean
  encoding?: Encoding
  watchIntervalMs?: number
}

/**
 * The member as the team list names them now; no name when nobody is chosen or the id is no longer on the team, so
 * the timeline's words say "Someone" in the reader's language. A word such as "You" stored in a shared file would name
 * the wrong person to every colleague. (Events written before this say `name: 'You'`; the record is not rewritten.)
 */
function actorOf(settings: Settings, memberId: string | undefined): Actor {
  const member = memberId === undefined ? undefined : settings.team.find((m) => m.id === memberId)
  return member ? { memberId: member.id, name: member.name } : nobody
}
const nobody: Actor = {}

/**
 * What another app's write may have changed. Settings and policies are small enough to compare; the cases are not
 * (40 MB at 10,000), and any app's write almost always touches one, so they count as changed.
 */
function changesBetween(before: StoreDocument, after: StoreDocument): DomainEvent[] {
  const events: DomainEvent[] = [{ type: 'cases.changed' }]
  if (JSON.stringify(before.settings) !== JSON.stringify(after.settings)) events.push({ type: 'settings.changed' })
  if (JSON.stringify(before.policies) !== JSON.stringify(after.policies)) events.push({ type: 'policies.changed' })
  if (JSON.stringify(before.templates) !== JSON.stringify(after.templates)) events.push({ type: 'templates.changed' })
  return events
}

/** What a refused command did not save, as its refusal names it: "The note was not saved. …". */
const commandWords: Partial<Record<CommandType, string>> = {
  'case.create': 'The case',
  'case.update': 'The change',
  'case.transition': 'The status change',
  'case.revertStatus': 'The status change',
  'case.addNote': 'The note',
  'case.recordMilestone': 'The milestone',
  'case.correctEvent': 'The correction',
  'case.withdrawEvent': 'The withdrawal',
  'case.recordEmail': 'The email',
  'settings.update': 'The change to the settings',
  'policy.save': 'The policy',
  'template.save': 'The template',
}
function whatOf(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type
  return typeof type === 'string' && Object.hasOwn(commandWords, type) ? commandWords[type as CommandType]! : 'The change'
}

/** Cases known to pass full validation; the others passed only the type check at open (see readDocument). */
const validated = new WeakSet<Case>()

export async function openStore(file: string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID())
  const opened = await openDocumentFile(file, { encoding: options.encoding, watchIntervalMs: options.watchIntervalMs })
  const disk = opened.file
  let doc = opened.document
  let closed = false
  let queue: Promise<unknown> = Promise.resolve()
  const listeners = new Set<StoreListener>()

  const ensureOpen = () => {
    if (closed) throw new DeskError('store_unavailable', `The store ${file} has been closed. Open it again to continue.`)
  }
  const current = () => {
    ensureOpen()
    return doc
  }

  const notify = (events: DomainEvent[], origin: ChangeOrigin) => {
    if (events.length === 0) return
    for (const listener of [...listeners]) {
      // The change is saved whatever a listener does; one that fails must not turn it into an error for the caller.
      try {
        listener(events, origin)
      } catch (error) {
        console.error('A store listener failed:', error)
      }
    }
  }

  /** Runs one step at a time within this app; steps of other apps on the same file are kept apart by the lock. */
  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => {
      ensureOpen()
      return step()
    })
    queue = next.catch(() => undefined)
    return next
  }

  /** Reading needs no lock: every write replaces the file whole, so a reader never sees half of one. */
  const takeIn = async (): Promise<boolean> => {
    const theirs = await disk.readChanges()
    if (!theirs) return false
    const events = changesBetween(doc, theirs)
    doc = theirs
    notify(events, 'other_app')
    return true
  }

  const contextOf = (d: StoreDocument): CommandContext => ({
    now: now(),
    newId,
    actor: actorOf(d.settings, options.memberId ? options.memberId() : d.settings.currentMemberId),
  })

  /**
   * Under the lock, so that a colleague's app saving at the same moment neither loses our change nor has its own lost:
   * take in their write, compute the next document (a refusal leaves everything as it was), write it, and only then
   * make it current and tell the subscribers.
   */
  const run = async <C extends Command>(command: C) => {
    // Whoever calls (the IPC handlers, a script, a test), a command is checked before the lock is taken or the file read.
    parseInput(Command, command, whatOf(command))
    return inTurn(() =>
      disk.whileLocked(async () => {
        await takeIn()
        const outcome = runCommand(doc, command, contextOf(doc))
        if (outcome.document !== doc) {
          await disk.write(outcome.document)
          doc = outcome.document
        }
        notify(outcome.events, 'this_app')
        return { result: outcome.result, events: outcome.events }
      }),
    )
  }
  const resultOf = async <C extends Command>(command: C) => (await run(command)).result

  const sync = () => inTurn(takeIn)
  const stopWatching = options.watch
    ? // A failing look (the file broken by another program) is reported by the next command or sync, which ask again.
      disk.watch(() => void sync().catch(() => undefined))
    : undefined

  return {
    file,
    run,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    document: current,
    sync,
    cases: {
      list: () => current().cases.slice(),
      get(id) {
        const { c } = findCase(current(), id)
        if (!validated.has(c)) {
          const parsed = Case.safeParse(c, { error: userWords })
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!
            throw new DeskError(
              'invalid_input',
              `Case ${c.key} in ${file} cannot be shown: one of its values is not valid (${placeInWords(issue.path)}: ${lowerFirst(issue.message)}). The file was not changed; correct that value in the file, or restore a backup.`,
            )
          }
          validated.add(c)
        }
        return c
      },
      create: (input) => resultOf({ type: 'case.create', input }),
      update: (caseId, patch, revision) => resultOf({ type: 'case.update', caseId, patch, revision }),
      transition: (caseId, transition, revision) => resultOf({ type: 'case.transition', caseId, transition, revision }),
      addNote: (caseId, text) => resultOf({ type: 'case.addNote', caseId, text }),
      recordMilestone: (caseId, m) => resultOf({ type: 'case.recordMilestone', caseId, ...m }),
      repinCalendar: (caseId) => resultOf({ type: 'case.repinCalendar', caseId }),
    },
    samples: {
      load: async () => (await resultOf({ type: 'samples.load' })).added,
      remove: async () => (await resultOf({ type: 'samples.remove' })).removed,
    },
    settings: {
      get: () => current().settings,
      update: (settings) => resultOf({ type: 'settings.update', settings }),
    },
    policies: {
      list: () => current().policies.slice(),
      save: (policy) => resultOf({ type: 'policy.save', policy }),
      remove: async (policyId) => void (await resultOf({ type: 'policy.remove', policyId })),
    },
    async close() {
      stopWatching?.()
      await queue
      closed = true
      listeners.clear()
    },
  }
}
