import { mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { TextFile } from 'lowdb/node'
import { whileLocked } from './file/lock'
import { Case, CaseInput, CasePatch, Credit, Reward, TimelineEvent } from '../cases/case'
import { nextCaseKey } from '../cases/caseKey'
import {
  allowedTransitions,
  canTransition,
  closingReasonLabels,
  closingReasonsFrom,
  milestoneOfStatus,
  statusLabels,
  Transition,
} from '../cases/lifecycle'
import { DeskError, StoreOpenError } from '../errors'
import { Policy, type Milestone } from '../policies/policy'
import { sampleCases } from '../samples/sampleCases'
import { Settings } from '../settings/settings'
import { describeField } from './describeField'
import { emptyDocument, type StoreDocument } from './document'
import { formatPath, readDocument } from './readDocument'

export interface Store {
  readonly file: string
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
  /** Takes in what another team member's app wrote to the file since this store last read or wrote it. */
  sync(): Promise<void>
  /** Waits for pending writes; the store cannot be used afterwards. */
  close(): Promise<void>
}

export interface StoreOptions {
  now?: () => Date
  newId?: () => string
}

/** What the file looked like when we last read or wrote it: a different stamp means another app wrote it. */
interface DiskStamp {
  mtimeMs: number
  size: number
}

async function stampOf(file: string): Promise<DiskStamp | undefined> {
  try {
    const { mtimeMs, size } = await stat(file)
    return { mtimeMs, size }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Node's messages already start with the code: 'EACCES: permission denied, open …'. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Cases known to pass full validation; the others passed only the type check at open (see readDocument). */
const validated = new WeakSet<Case>()

function validCase(c: Case, what: string): Case {
  const parsed = Case.safeParse(c)
  if (!parsed.success) throw DeskError.fromZod(parsed.error, what)
  validated.add(parsed.data)
  return parsed.data
}

function caseIndex(doc: StoreDocument, id: string): number {
  const index = doc.cases.findIndex((c) => c.id === id)
  if (index < 0) {
    throw new DeskError('not_found', `There is no case with id ${id} in this store; it may have been removed. Reload the case list.`)
  }
  return index
}

function checkRevision(c: Case, expectedRevision: number | undefined): void {
  if (expectedRevision !== undefined && expectedRevision !== c.revision) {
    throw new DeskError(
      'conflict',
      `This case was changed by someone else since you opened it (${c.key} is now at revision ${c.revision}, you edited revision ${expectedRevision}). Reload the case and make your change again; nothing was saved.`,
    )
  }
}

function actorOf(settings: Settings): string {
  return settings.team.find((m) => m.id === settings.currentMemberId)?.name ?? 'You'
}

export async function openStore(file: string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID())
  const adapter = new TextFile(file)

  const write = async (next: StoreDocument) => {
    try {
      await adapter.write(JSON.stringify(next))
    } catch (error) {
      throw new DeskError('store_unavailable', `Could not save to ${file} (${reasonOf(error)}). Your change was not saved; check that the folder is writable and try again.`)
    }
  }

  let doc: StoreDocument
  // Stamp before reading: a write that lands in between then only causes a harmless extra re-read later.
  let stamp: DiskStamp | undefined
  let text: string | null
  try {
    stamp = await stampOf(file)
    text = await adapter.read()
  } catch (error) {
    throw new StoreOpenError(file, `could not be read (${reasonOf(error)})`)
  }
  if (text === null) {
    doc = emptyDocument()
    try {
      await mkdir(dirname(file), { recursive: true })
      await adapter.write(JSON.stringify(doc))
      stamp = await stampOf(file)
    } catch (error) {
      throw new StoreOpenError(file, `could not be created (${reasonOf(error)})`)
    }
  } else {
    const read = readDocument(text)
    if (!read.ok) throw new StoreOpenError(file, read.problem)
    doc = read.doc
  }

  let closed = false
  let queue: Promise<unknown> = Promise.resolve()

  const ensureOpen = () => {
    if (closed) throw new DeskError('store_unavailable', `The store ${file} has been closed. Open it again to continue.`)
  }

  /** Another team member's app may have written the file since we read it: take their version as the base. */
  const refresh = async () => {
    const current = await stampOf(file)
    if (!current || (stamp && current.mtimeMs === stamp.mtimeMs && current.size === stamp.size)) return
    const read = readDocument((await adapter.read()) ?? '')
    if (!read.ok) {
      throw new DeskError(
        'store_unavailable',
        `Another program changed ${file} and it now ${read.problem}. Your change was not saved and the file was not touched.`,
      )
    }
    doc = read.doc
    stamp = current
  }

  /** Runs one step at a time within this app; steps of other apps on the same file are kept apart by the lock. */
  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      ensureOpen()
      return step()
    })
    queue = run.catch(() => undefined)
    return run
  }

  /**
   * Re-reads if needed, computes the next document from the current one (throwing leaves everything as it was), writes
   * it, and only then makes it current; all under the store's lock, so that a colleague's app saving at the same moment
   * neither loses our change nor has its own lost.
   */
  const commit = <T>(change: (current: StoreDocument) => { doc: StoreDocument; result: T }): Promise<T> =>
    inTurn(() =>
      whileLocked(file, async () => {
        await refresh()
        const { doc: next, result } = change(doc)
        if (next !== doc) {
          await write(next)
          doc = next
          stamp = await stampOf(file)
        }
        return result
      }),
    )

  const changeCase = (
    id: string,
    expectedRevision: number | undefined,
    what: string,
    change: (c: Case, d: StoreDocument, event: { id: string; at: string; by: string }) => Partial<Case> | undefined,
  ) =>
    commit((d) => {
      const index = caseIndex(d, id)
      const old = d.cases[index]!
      checkRevision(old, expectedRevision)
      const at = now().toISOString()
      const changes = change(old, d, { id: newId(), at, by: actorOf(d.settings) })
      if (!changes) return { doc: d, result: old }
      const next = validCase({ ...old, ...changes, revision: old.revision + 1, updatedAt: at }, what)
      const cases = d.cases.slice()
      cases[index] = next
      return { doc: { ...d, cases }, result: next }
    })

  const addEvent = (c: Case, event: TimelineEvent, what: string) => {
    const parsed = TimelineEvent.safeParse(event)
    if (!parsed.success) throw DeskError.fromZod(parsed.error, what)
    return [...c.timeline, parsed.data]
  }

  return {
    file,
    // Reading needs no lock: every write replaces the file whole, so a reader never sees half of one.
    sync: () => inTurn(refresh),
    cases: {
      list() {
        ensureOpen()
        return doc.cases.slice()
      },
      get(id) {
        ensureOpen()
        const c = doc.cases[caseIndex(doc, id)]!
        if (!validated.has(c)) {
          const parsed = Case.safeParse(c)
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!
            throw new DeskError(
              'invalid_input',
              `Case ${c.key} in ${file} has an invalid value at ${formatPath(issue.path)}: ${issue.message}. The file was not changed; correct the value in the file, or restore a backup.`,
            )
          }
          validated.add(c)
        }
        return c
      },
      create(input) {
        return commit((d) => {
          const parsed = CaseInput.safeParse(input)
          if (!parsed.success) throw DeskError.fromZod(parsed.error, 'The case')
          const fields = parsed.data
          const at = now().toISOString()
          // The year as written in the reporter's zone: a report of 31 Dec 23:30 +01:00 belongs to that year.
          const year = Number(fields.received.at.slice(0, 4))
          const created = validCase(
            {
              ...fields,
              id: newId(),
              key: nextCaseKey(
                d.cases.map((c) => c.key),
                year,
              ),
              status: 'received',
              credit: Credit.parse({}),
              reward: Reward.parse({}),
              policyId: fields.policyId ?? d.settings.defaultPolicyId,
              calendar: d.settings.calendar,
              timeline: [{ id: newId(), at, by: actorOf(d.settings), type: 'created' }],
              sample: false,
              revision: 1,
              createdAt: at,
              updatedAt: at,
            },
            'The case',
          )
          return { doc: { ...d, cases: [...d.cases, created] }, result: created }
        })
      },
      update(id, patch, expectedRevision) {
        const parsed = CasePatch.safeParse(patch)
        if (!parsed.success) return Promise.reject(DeskError.fromZod(parsed.error, 'The change'))
        return changeCase(id, expectedRevision, 'The change', (old, _d, event) => {
          const given = parsed.data as Partial<Case>
          const fields = (Object.keys(given) as (keyof Case)[]).filter(
            (f) => given[f] !== undefined && JSON.stringify(given[f] ?? undefined) !== JSON.stringify(old[f]),
          )
          if (fields.length === 0) return undefined
          const events: TimelineEvent[] = fields.map((field, i) => ({
            ...event,
            id: i === 0 ? event.id : newId(),
            type: 'field_changed',
            field,
            from: describeField(field, old[field]),
            to: describeField(field, given[field]),
          }))
          return { ...Object.fromEntries(fields.map((f) => [f, given[f] ?? undefined])), timeline: [...old.timeline, ...events] }
        })
      },
      transition(id, t, expectedRevision) {
        const parsed = Transition.safeParse(t)
        if (!parsed.success) return Promise.reject(DeskError.fromZod(parsed.error, 'The status change'))
        const { to, closingReason, duplicateOf, comment } = parsed.data
        return changeCase(id, expectedRevision, 'The status change', (old, d, event) => {
          const from = old.status
          if (!canTransition(from, to)) {
            const allowed = allowedTransitions(from).map((s) => statusLabels[s])
            throw new DeskError(
              'invalid_transition',
              `A case that is ${statusLabels[from]} cannot move to ${statusLabels[to]}. Allowed: ${allowed.join(', ')}.`,
            )
          }
          if (closingReason && !closingReasonsFrom(from).includes(closingReason)) {
            const allowed = closingReasonsFrom(from).map((r) => closingReasonLabels[r])
            throw new DeskError(
              'invalid_transition',
              `A case that is ${statusLabels[from]} cannot be closed as ${closingReasonLabels[closingReason]}. Allowed: ${allowed.join(', ')}.`,
            )
          }
          let originalId: string | undefined
          if (duplicateOf !== undefined) {
            const fail = (message: string) => new DeskError('invalid_input', message, [{ path: 'duplicateOf', message }])
            if (closingReason !== 'duplicate') throw fail('Only a case closed as a duplicate names an original case')
            const ref = duplicateOf.trim()
            const original = d.cases.find((c) => c.id === ref || c.key === ref.toUpperCase())
            if (!original) throw fail(`There is no case ${ref} in this store to be the original of this duplicate`)
            if (original.id === old.id) throw fail('A case cannot be a duplicate of itself')
            originalId = original.id
          }
          const changed = addEvent(
            old,
            { ...event, type: 'status_changed', from, to, closingReason, duplicateOf: originalId, comment },
            'The status change',
          )
          const milestone = milestoneOfStatus[to]
          const recorded = old.timeline.some((e) => e.type === 'milestone' && e.milestone === milestone)
          const timeline =
            milestone && !recorded
              ? addEvent(
                  { ...old, timeline: changed },
                  { id: newId(), at: event.at, by: event.by, type: 'milestone', milestone, on: event.at, comment: `With the move to ${statusLabels[to]}` },
                  'The status change',
                )
              : changed
          return { status: to, closingReason, duplicateOf: originalId, timeline }
        })
      },
      addNote(id, text) {
        const note = text.trim()
        if (!note) return Promise.reject(new DeskError('invalid_input', 'Write a note first.', [{ path: 'text', message: 'Write a note first' }]))
        return changeCase(id, undefined, 'The note', (old, _d, event) => ({
          timeline: addEvent(old, { ...event, type: 'note', text: note }, 'The note'),
        }))
      },
      recordMilestone(id, m) {
        return changeCase(id, undefined, 'The milestone', (old, _d, event) => ({
          timeline: addEvent(old, { ...event, type: 'milestone', milestone: m.milestone, on: m.on, comment: m.comment }, 'The milestone'),
        }))
      },
      repinCalendar(id) {
        return changeCase(id, undefined, 'The calendar', (old, d, event) => ({
          calendar: d.settings.calendar,
          timeline: addEvent(old, { ...event, type: 'calendar_repinned' }, 'The calendar'),
        }))
      },
    },
    samples: {
      load() {
        return commit((d) => {
          if (d.cases.some((c) => c.sample)) return { doc: d, result: 0 }
          const keys = d.cases.map((c) => c.key)
          const samples = sampleCases({
            now: now(),
            newId,
            calendar: d.settings.calendar,
            policyId: d.settings.defaultPolicyId,
            actor: actorOf(d.settings),
          }).map((sample) => {
            const key = nextCaseKey(keys, Number(sample.received.at.slice(0, 4)))
            keys.push(key)
            return validCase({ ...sample, key }, 'A sample case')
          })
          return { doc: { ...d, cases: [...d.cases, ...samples] }, result: samples.length }
        })
      },
      remove() {
        return commit((d) => {
          const cases = d.cases.filter((c) => !c.sample)
          const removed = d.cases.length - cases.length
          return { doc: removed === 0 ? d : { ...d, cases }, result: removed }
        })
      },
    },
    settings: {
      get() {
        ensureOpen()
        return doc.settings
      },
      update(s) {
        return commit((d) => {
          const parsed = Settings.safeParse(s)
          if (!parsed.success) throw DeskError.fromZod(parsed.error, 'The settings')
          const settings = parsed.data
          if (settings.currentMemberId !== undefined && !settings.team.some((m) => m.id === settings.currentMemberId)) {
            const message = 'Choose yourself from the team list'
            throw new DeskError('invalid_input', `The settings were not saved. ${message}.`, [{ path: 'currentMemberId', message }])
          }
          return { doc: { ...d, settings }, result: settings }
        })
      },
    },
    policies: {
      list() {
        ensureOpen()
        return doc.policies.slice()
      },
      save(p) {
        return commit((d) => {
          const parsed = Policy.safeParse(p)
          if (!parsed.success) throw DeskError.fromZod(parsed.error, 'The policy')
          const policy = parsed.data
          const known = d.policies.some((existing) => existing.id === policy.id)
          const policies = known ? d.policies.map((existing) => (existing.id === policy.id ? policy : existing)) : [...d.policies, policy]
          return { doc: { ...d, policies }, result: policy }
        })
      },
      remove(id) {
        return commit((d) => {
          const policy = d.policies.find((p) => p.id === id)
          if (!policy) throw new DeskError('not_found', `There is no policy with id ${id}; it may have been removed already.`)
          const users = d.cases.filter((c) => c.policyId === id).map((c) => c.key)
          if (users.length > 0 || d.settings.defaultPolicyId === id) {
            const what = users.length > 0 ? `${users.length} case(s) use it (${users.slice(0, 5).join(', ')})` : 'it is the default policy'
            throw new DeskError('invalid_input', `The policy “${policy.name}” was not removed: ${what}.`)
          }
          return { doc: { ...d, policies: d.policies.filter((p) => p.id !== id) }, result: undefined }
        })
      },
    },
    async close() {
      await queue
      closed = true
    },
  }
}
