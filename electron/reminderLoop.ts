import type { AgendaEntry } from '../src/agenda/agendaEntry'
import type { Case } from '../src/cases/case'
import { timeZoneOf } from '../src/calendar'
import { policyLookup } from '../src/policies/catalog'
import type { Policy } from '../src/policies/policy'
import { reminderText, type ReminderText } from '../src/i18n/reminderText'
import { dueReminders, type Reminder } from '../src/reminders/dueReminders'
import type { ShownReminders } from '../src/reminders/reminderState'
import { dateInZone } from '../src/time'
import type { StoreSession } from './storeSession'

const MINUTE_MS = 60_000

export interface ReminderLoopOptions {
  session: StoreSession
  /**
   * A case's calendar entries at a moment: main's one count (createCaseCounts), shared with the window's lists, so a
   * check recounts only changed cases, and none the case list or the calendar counted already.
   */
  agendaOf: (c: Case, policy: Policy | undefined, now: Date) => readonly AgendaEntry[]
  /** Shows one notification; `onClick` runs when the person clicks it. */
  show: (reminder: Reminder, text: ReminderText, onClick: () => void) => void
  /** Brings the window forward on an app path: `/cases/<id>`, or `/today` for a summary. */
  open: (to: string) => void
  now?: () => Date
  /** A check that failed (a store closed during a switch): nothing is shown, and the next check tries again. */
  onError?: (error: unknown) => void
}

export interface ReminderLoop {
  /** Checks now: at a team-day change and after the store changed (a colleague's write, an edit here). Never rejects. */
  check(): Promise<void>
  stop(): void
}

/**
 * Shows the reminders dueReminders asks for, while the app runs: at start, every minute (deadlines of other zones
 * pass at any minute), and whenever the owner calls check(). The first check of each store file opened is the start,
 * which may bring the day's summary. What is shown is written to this installation's state before anything is shown,
 * so a crash right after costs a reminder, never a repeat; a write that fails still shows them (a deadline is worth
 * more than a repeat after the next start) and remembers them for as long as this process runs.
 */
export function startReminderLoop({
  session,
  agendaOf,
  show,
  open,
  now = () => new Date(),
  onError = (error) => console.error('Reminder check failed:', error),
}: ReminderLoopOptions): ReminderLoop {
  let startedFile: string | undefined
  const unsaved = new Map<string, ShownReminders>()
  let running: Promise<void> | undefined
  let again = false

  const once = async () => {
    const state = session.state()
    if (state.kind !== 'ready') return
    const store = session.store()
    const file = store.file
    const at = now()
    const startup = startedFile !== file
    const teamZone = timeZoneOf(store.settings.get().calendar.spec)
    const cases = store.cases.list()
    const byId = new Map(cases.map((c) => [c.id, c]))
    const policyOf = policyLookup(store.policies.list())
    const before = { ...session.installation.shownReminders(file), ...unsaved.get(file) }
    const { reminders, shown } = dueReminders({
      entries: cases.flatMap((c) => agendaOf(c, policyOf(c.policyId), at)),
      now: at,
      teamZone,
      shown: before,
      prefs: session.installation.reminderPrefs(file),
      memberId: session.identity(),
      assigneeOf: (id) => byId.get(id)?.assigneeId,
      startup,
    })
    if (!sameKeys(before, shown)) {
      try {
        await session.installation.setShownReminders(file, shown)
        unsaved.delete(file)
      } catch {
        unsaved.set(file, shown)
      }
    }
    // Only a check that got this far was the start: one that failed before leaves the summary to the next.
    startedFile = file
    const today = dateInZone(at.getTime(), teamZone)
    const keyOf = (id: string) => byId.get(id)?.key ?? id
    for (const r of reminders) {
      show(r, reminderText(r, keyOf, today, 'en'), () => open(r.kind === 'summary' ? '/today' : `/cases/${r.caseId}`))
    }
  }

  // One check at a time; a call during one runs a single further check after it, with the newest store and clock.
  const check = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await once().catch(onError)
        } while (again)
      } finally {
        running = undefined
      }
    })()
    return running
  }

  const timer = setInterval(() => void check(), MINUTE_MS)
  // A pending check must not keep a quitting process alive.
  timer.unref?.()
  void check()
  return { check, stop: () => clearInterval(timer) }
}

const sameKeys = (a: ShownReminders, b: ShownReminders) => {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k])
}
