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
import { FileChangedMeanwhile, openDocumentFile, type Encoding, type LockHolder } from './documentFile'
import { lowerFirst, placeInWords } from './readDocument'

/** 'other_app': another app (a colleague's, on a shared folder) wrote the file and this store took its document in. */
export type ChangeOrigin = 'this_app' | 'other_app'
export type StoreListener = (events: DomainEvent[], origin: ChangeOrigin) => void

export interface Store {
  readonly file: string
  /**
   * Runs one command on the current document, writes the result and then tells the subscribers what changed; answers
   * once the file is on the disk. Commands that arrive while a save is in flight are written together in the next one.
   */
  run<C extends Command>(command: C): Promise<{ result: ResultOf<C>; events: DomainEvent[] }>
  /** Hears every change of the document, this app's and others'; returns the function that stops it. */
  subscribe(listener: StoreListener): () => void
  /** The current document, as last read or written; it is replaced, never changed in place. */
  document(): StoreDocument
  /** The context the next command gets (the clock, fresh ids, who acts), for work prepared ahead of one (prepareImport). */
  context(): CommandContext
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
  /**
   * `base`: what the change was made on, merged with what is stored now (refused as a 'conflict' when both changed the
   * same part differently); absent, the change is made on what is stored now. A new policy's base is null.
   */
  settings: { get(): Settings; update(s: Settings, base?: Settings): Promise<Settings> }
  policies: { list(): Policy[]; save(p: Policy, base?: Policy | null): Promise<Policy>; remove(id: string, base?: Policy): Promise<void> }
  /** Takes in what another app wrote to the file since this store last read or wrote it; true when there was something. */
  sync(): Promise<boolean>
  /** The file's store format when it was older than this version's (it is converted at the next save). */
  readonly migratedFrom?: number
  /** Writes the current document again with `encoding` (encryption on, off, a new passphrase), all at once, and keeps it. */
  setEncoding(encoding: Encoding): Promise<void>
  /** Who is saving to the file now (this app or a colleague's), and since when; undefined when nobody is. `stale`: it stopped. */
  lockHolder(): Promise<(LockHolder & { stale?: true }) | undefined>
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

/** How often a save refused at its fence (another writer replaced the file meanwhile) is redone on the fresh file. */
const fenceRedos = 3

type Pending = { command: Command; resolve: (outcome: { result: unknown; events: DomainEvent[] }) => void; reject: (error: unknown) => void }

export async function openStore(file: string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID())
  const memberIdOf = (d: StoreDocument) => (options.memberId ? options.memberId() : d.settings.currentMemberId)
  // Who acts names the lock for colleagues who find it taken; nobody before the document is read.
  let actingName = (): string | undefined => undefined
  const opened = await openDocumentFile(file, { encoding: options.encoding, watchIntervalMs: options.watchIntervalMs, lockName: () => actingName() })
  const disk = opened.file
  let doc = opened.document
  actingName = () => actorOf(doc.settings, memberIdOf(doc)).name
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

  const contextOf = (d: StoreDocument): CommandContext => ({ now: now(), newId, actor: actorOf(d.settings, memberIdOf(d)) })

  /**
   * Commands waiting for the next save. One save is in flight at a time; commands that arrive meanwhile are run
   * together in the next one, each on the document its predecessors left, with one write for all of them.
   */
  let pending: Pending[] = []
  let saveScheduled = false

  /**
   * One save, under the lock, so that a colleague's app saving at the same moment neither loses our changes nor has its
   * own lost: take in their write, compute the next document command by command (a refused command leaves it as it
   * was and gets its own refusal), write it, and only once it is on the disk make it current, tell the subscribers and
   * answer each command. A failed write answers every command of the save with its error and changes nothing.
   */
  const save = async () => {
    saveScheduled = false
    const batch = pending
    pending = []
    try {
      ensureOpen()
      const outcomes = await disk.whileLocked(async (lock) => {
        for (let attempt = 1; ; attempt++) {
          await takeIn()
          let next = doc
          const answers = batch.map(({ command }) => {
            try {
              const outcome = runCommand(next, command, contextOf(next))
              next = outcome.document
              return { ok: true as const, result: outcome.result as unknown, events: outcome.events }
            } catch (error) {
              return { ok: false as const, error }
            }
          })
          try {
            if (next !== doc) await disk.write(next, lock)
          } catch (error) {
            // A frozen writer woke up or a program wrote without the lock: compute again on the file as it is now.
            if (error instanceof FileChangedMeanwhile && attempt < fenceRedos) continue
            throw error
          }
          doc = next
          return answers
        }
      })
      for (const answer of outcomes) if (answer.ok) notify(answer.events, 'this_app')
      outcomes.forEach((answer, i) => {
        if (answer.ok) batch[i]!.resolve({ result: answer.result, events: answer.events })
        else batch[i]!.reject(answer.error)
      })
    } catch (error) {
      for (const waiting of batch) waiting.reject(error)
    }
  }

  const run = <C extends Command>(command: C): Promise<{ result: ResultOf<C>; events: DomainEvent[] }> => {
    // Whoever calls (the IPC handlers, a script, a test), a command is checked before the lock is taken or the file read.
    try {
      parseInput(Command, command, whatOf(command))
    } catch (error) {
      return Promise.reject(error)
    }
    const answer = new Promise<{ result: unknown; events: DomainEvent[] }>((resolve, reject) => pending.push({ command, resolve, reject }))
    if (!saveScheduled) {
      saveScheduled = true
      // Not through inTurn: save answers every command itself, also when the store was closed meanwhile.
      queue = queue.then(save)
    }
    return answer as Promise<{ result: ResultOf<C>; events: DomainEvent[] }>
  }
  const resultOf = async <C extends Command>(command: C) => (await run(command)).result

  const sync = () => inTurn(takeIn)
  const stopWatching = options.watch
    ? // A failing look (the file broken by another program) is reported by the next command or sync, which ask again.
      disk.watch(() => void sync().catch(() => undefined))
    : undefined

  return {
    file,
    ...(opened.migratedFrom !== undefined ? { migratedFrom: opened.migratedFrom } : {}),
    run,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    document: current,
    context: () => contextOf(current()),
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
      update: (settings, base) => resultOf({ type: 'settings.update', settings, base }),
    },
    policies: {
      list: () => current().policies.slice(),
      save: (policy, base) => resultOf({ type: 'policy.save', policy, base }),
      remove: async (policyId, base) => void (await resultOf({ type: 'policy.remove', policyId, base })),
    },
    setEncoding: (encoding) =>
      inTurn(() =>
        disk.whileLocked(async (lock) => {
          await takeIn()
          await disk.write(doc, lock, { encoding })
        }),
      ),
    lockHolder: () => disk.lockHolder(),
    async close() {
      stopWatching?.()
      await queue
      closed = true
      listeners.clear()
    },
  }
}
