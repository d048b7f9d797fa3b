import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCaseCounts, createHandlers, type Shell } from '../../electron/handlers'
import { identityBook } from '../../electron/identities'
import { installationState, type InstallationState } from '../../electron/installationState'
import { startReminderLoop, type ReminderLoop } from '../../electron/reminderLoop'
import { createStoreSession, type StoreSession } from '../../electron/storeSession'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { timeZoneOf } from '../../src/calendar'
import type { Case } from '../../src/cases/case'
import type { ReminderText } from '../../src/i18n/reminderText'
import type { Reminder } from '../../src/reminders/dueReminders'
import { emptyDocument } from '../../src/store/document'
import { dateInZone, endOfDayMs } from '../../src/time'
import { realisticCases } from '../bench/fixtures/realisticCases'

const cases = realisticCases(3, 9)
const [first, second] = cases as [Case, Case, Case]

/** An evaluation due at the end of `date` in the team's zone, with its state at `now` as agendaOfCase gives it. */
const evaluationDue = (c: Case, date: string, zone: string, now: Date): AgendaEntry => {
  const at = endOfDayMs(date, zone)
  const state = now.getTime() > at ? 'overdue' : dateInZone(now.getTime(), zone) === date ? 'due_today' : 'upcoming'
  return { uid: `${c.id}/evaluation/1`, caseId: c.id, kind: 'evaluation', ruleId: 'evaluation', occurrence: 1, state, date, at: new Date(at).toISOString(), zone }
}

interface Shown {
  reminder: Reminder
  text: ReminderText
  click: () => void
  /** What the installation file held for the store when the notification was shown. */
  persisted: string[]
}

describe('the reminder loop of the main process', () => {
  let dir: string
  let file: string
  let session: StoreSession
  let installation: InstallationState
  let zone: string
  let clock: Date
  let shown: Shown[]
  let opened: string[]
  let loop: ReminderLoop | undefined

  // Wed 2 Dec is due tomorrow on Tue 1 Dec; Tue 1 Dec is due today and becomes overdue at midnight; the third waits.
  const agendaOf = (c: Case, _policy: unknown, now: Date): AgendaEntry[] =>
    c.id === first.id
      ? [evaluationDue(c, '2026-12-02', zone, now)]
      : c.id === second.id
        ? [evaluationDue(c, '2026-12-01', zone, now)]
        : [{ ...evaluationDue(c, '2026-12-01', zone, now), state: 'paused' }]

  const start = (over: Partial<Parameters<typeof startReminderLoop>[0]> = {}) => {
    loop = startReminderLoop({
      session,
      agendaOf,
      now: () => clock,
      show: (reminder, text, click) =>
        shown.push({ reminder, text, click, persisted: Object.keys(installation.shownReminders(file)) }),
      open: (to) => opened.push(to),
      ...over,
    })
    return loop
  }

  const atTeamTime = (iso: string) => new Date(Date.parse(iso))

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    dir = await mkdtemp(join(tmpdir(), 'reminder-loop-'))
    file = join(dir, 'store.json')
    await writeFile(file, JSON.stringify({ ...emptyDocument(), cases }))
    installation = installationState(dir)
    session = createStoreSession({ identities: identityBook(dir), installation, watch: false })
    await session.open(file)
    zone = timeZoneOf(session.store().settings.get().calendar.spec)
    clock = atTeamTime('2026-12-01T09:00:00+01:00')
    shown = []
    opened = []
  })

  afterEach(async () => {
    loop?.stop()
    vi.useRealTimers()
    await session.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('shows the summary at start, written to the installation before it shows; a click opens Today', async () => {
    expect(zone).toBe('Europe/Amsterdam')
    await start().check()
    expect(shown.map((s) => s.text)).toEqual([{ title: 'Deadlines today', body: '1 due today · 1 due tomorrow' }])
    expect(shown[0]!.persisted).toEqual([`${first.id}/evaluation/1|due_tomorrow|2026-12-02`, 'summary|2026-12-01'])
    shown[0]!.click()
    expect(opened).toEqual(['/today'])
  })

  it('every minute: the deadline that passed at midnight shows on its own, naming its case key; a click opens the case', async () => {
    start()
    await loop!.check()
    shown = []
    clock = atTeamTime('2026-12-01T23:59:30+01:00')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(shown).toEqual([])
    clock = atTeamTime('2026-12-02T00:00:30+01:00')
    await vi.advanceTimersByTimeAsync(60_000)
    // The minute's check writes the installation file (real I/O) before it shows.
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown.map((s) => s.text)).toEqual([{ title: `Overdue: ${second.key}`, body: 'Send evaluation, was due Tue 1 Dec' }])
    expect(shown[0]!.persisted).toContain(`${second.id}/evaluation/1|overdue|2026-12-01`)
    shown[0]!.click()
    expect(opened).toEqual([`/cases/${second.id}`])
    clock = atTeamTime('2026-12-02T00:01:30+01:00')
    await vi.advanceTimersByTimeAsync(60_000)
    await loop!.check()
    expect(shown).toHaveLength(1)
  })

  it('a restart on the same day shows nothing again; the next day’s first start has its summary', async () => {
    await start().check()
    loop!.stop()
    await session.close()
    await session.open(file)
    shown = []
    clock = atTeamTime('2026-12-01T15:00:00+01:00')
    await start().check()
    expect(shown).toEqual([])
    loop!.stop()
    clock = atTeamTime('2026-12-02T08:00:00+01:00')
    await start().check()
    expect(shown.map((s) => s.text.body)).toEqual(['1 overdue · 1 due today'])
  })

  it('shows nothing when reminders are off for this store, and only assigned cases with "mine"', async () => {
    await installation.setReminderPrefs(file, { enabled: false, scope: 'all' })
    await start().check()
    expect(shown).toEqual([])
    await installation.setReminderPrefs(file, { enabled: true, scope: 'mine' })
    clock = atTeamTime('2026-12-02T00:00:30+01:00')
    await loop!.check()
    // Nobody is chosen under "You are" on this installation: "mine" keeps no case.
    expect(shown).toEqual([])
  })

  it('a check asked during another runs once more after it, not twice at once', async () => {
    let checks = 0
    start({ agendaOf: (c, policy, now) => (checks++, agendaOf(c, policy, now)) })
    await Promise.all([loop!.check(), loop!.check(), loop!.check()])
    // The start check, then one more for the three asked while it ran: three cases each.
    expect(checks).toBe(6)
    expect(shown).toHaveLength(1)
  })

  it('a check that fails is reported and shows nothing; the next check shows what is due', async () => {
    const errors: unknown[] = []
    let fail = true
    start({
      onError: (error) => errors.push(error),
      agendaOf: (c, policy, now) => {
        if (fail) throw new Error('calendar unusable')
        return agendaOf(c, policy, now)
      },
    })
    await loop!.check()
    // The start's check and the one asked meanwhile.
    expect(errors).toEqual([new Error('calendar unusable'), new Error('calendar unusable')])
    expect(shown).toEqual([])
    fail = false
    await loop!.check()
    // Still the start of this store: the failed check never got as far as showing its summary.
    expect(shown.map((s) => s.reminder.kind)).toEqual(['summary'])
  })

  it('when the installation file cannot be written, still shows, and does not repeat while the app runs', async () => {
    installation.setShownReminders = () => Promise.reject(new Error('disk full'))
    await start().check()
    clock = atTeamTime('2026-12-01T09:01:00+01:00')
    await vi.advanceTimersByTimeAsync(60_000)
    await loop!.check()
    expect(shown.map((s) => s.reminder.kind)).toEqual(['summary'])
  })

  it("shares the main process's one count with the handlers: the calendar after a check counts no case again", async () => {
    const { deadlines, agendaOf: entriesOf } = createCaseCounts()
    const counted = vi.spyOn(deadlines, 'deadlinesOf')
    const asked = vi.fn(entriesOf)
    const counts = { deadlines, agendaOf: asked }
    await start({ agendaOf: counts.agendaOf }).check()
    // Each case counted once, however often the loop asked.
    const askedByLoop = asked.mock.calls.length
    expect(counted).toHaveBeenCalledTimes(cases.length)
    const noShell = {} as Shell
    const handlers = createHandlers(session, noShell, () => clock, undefined, counts)
    expect((await handlers['agenda:list']({})).length).toBeGreaterThan(0)
    // The calendar asked the same cache for every case, which had them all: not one count more.
    expect([asked.mock.calls.length - askedByLoop, counted.mock.calls.length]).toEqual([cases.length, cases.length])
  })
})
