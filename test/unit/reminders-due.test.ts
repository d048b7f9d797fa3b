import { describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { agendaOfCase } from '../../src/agenda/agendaOf'
import type { DeadlineState } from '../../src/deadlines/deadline'
import { policyLookup } from '../../src/policies/catalog'
import { dueReminders, maxSeparateReminders, type DueRemindersInput } from '../../src/reminders/dueReminders'
import type { ShownReminders } from '../../src/reminders/reminderState'
import { dateInZone, endOfDayMs } from '../../src/time'
import { realisticCases } from '../bench/fixtures/realisticCases'

const team = 'Europe/Amsterdam'

/**
 * A deadline as agendaOfCase gives it at `now`: due at the end of `date` in `zone`, overdue once that passed, due
 * today on its own day there. `fixed` keeps a state that does not follow the clock (paused, met).
 */
function deadline(caseId: string, date: string, opts: { zone?: string; fixed?: DeadlineState; rule?: string } = {}) {
  const zone = opts.zone ?? team
  const at = endOfDayMs(date, zone)
  return (now: Date): AgendaEntry => {
    const state: DeadlineState =
      opts.fixed ?? (now.getTime() > at ? 'overdue' : dateInZone(now.getTime(), zone) === date ? 'due_today' : 'upcoming')
    const rule = opts.rule ?? 'evaluation'
    return { uid: `${caseId}/${rule}/1`, caseId, kind: 'evaluation', ruleId: rule, occurrence: 1, state, date, at: new Date(at).toISOString(), zone }
  }
}

type Deadline = ReturnType<typeof deadline>

const base = {
  teamZone: team,
  shown: {},
  prefs: { enabled: true, scope: 'all' as const },
  memberId: null,
  assigneeOf: () => undefined,
  startup: false,
}

const check = (deadlines: Deadline[], now: string, over: Partial<DueRemindersInput> = {}) => {
  const at = new Date(now)
  return dueReminders({ ...base, entries: deadlines.map((d) => d(at)), now: at, ...over })
}

const kindsAndKeys = (r: ReturnType<typeof dueReminders>) => r.reminders.map((x) => `${x.kind} ${x.key}`)

describe('reminders of deadlines while the app runs', () => {
  it('reminds the day before a deadline, once: Wed 2 Dec is due tomorrow on Tue 1 Dec', () => {
    const first = check([deadline('c1', '2026-12-02')], '2026-12-01T09:00:00+01:00')
    expect(first.reminders).toEqual([
      { kind: 'due_tomorrow', key: 'c1/evaluation/1|due_tomorrow|2026-12-02', caseId: 'c1', uid: 'c1/evaluation/1', entryKind: 'evaluation', day: '2026-12-02' },
    ])
    expect(first.shown).toEqual({ 'c1/evaluation/1|due_tomorrow|2026-12-02': '2026-12-01' })
    const again = check([deadline('c1', '2026-12-02')], '2026-12-01T09:01:00+01:00', { shown: first.shown })
    expect(again.reminders).toEqual([])
  })

  it('reminds of an entry counted just before midnight, still upcoming in its row, as overdue on the team’s next day', () => {
    // The list was counted on Tue 1 Dec at 23:59; the check runs on Wed at 00:01 before the count is renewed.
    const counted = deadline('c1', '2026-12-01')(new Date('2026-12-01T23:59:00+01:00'))
    expect(counted.state).toBe('due_today')
    const r = dueReminders({ ...base, entries: [counted], now: new Date('2026-12-02T00:01:00+01:00') })
    expect(r.reminders).toEqual([
      { kind: 'overdue', key: 'c1/evaluation/1|overdue|2026-12-01', caseId: 'c1', uid: 'c1/evaluation/1', entryKind: 'evaluation', day: '2026-12-01' },
    ])
  })

  it('says nothing of a deadline two days away, or due today', () => {
    expect(check([deadline('c1', '2026-12-03'), deadline('c2', '2026-12-01')], '2026-12-01T09:00:00+01:00').reminders).toEqual([])
  })

  it('reminds when a deadline becomes overdue at midnight in the team zone, not a minute before', () => {
    const d = [deadline('c1', '2026-12-01')]
    const before = check(d, '2026-12-01T23:59:00+01:00', { shown: { 'c1/evaluation/1|due_tomorrow|2026-12-01': '2026-11-30' } })
    expect(before.reminders).toEqual([])
    const after = check(d, '2026-12-02T00:00:30+01:00', { shown: before.shown })
    expect(kindsAndKeys(after)).toEqual(['overdue c1/evaluation/1|overdue|2026-12-01'])
    expect(after.shown['c1/evaluation/1|overdue|2026-12-01']).toBe('2026-12-02')
  })

  it('across midnight the next day’s deadlines become due tomorrow: Thu 3 Dec at 00:00 on Wed 2 Dec', () => {
    const d = [deadline('c1', '2026-12-03')]
    expect(check(d, '2026-12-01T23:59:59+01:00').reminders).toEqual([])
    expect(kindsAndKeys(check(d, '2026-12-02T00:00:00+01:00'))).toEqual(['due_tomorrow c1/evaluation/1|due_tomorrow|2026-12-03'])
  })

  it('counts the day in the team’s zone, not in UTC: 23:30 in Amsterdam is already the next day', () => {
    // 2026-12-01T22:30Z is Wed 2 Dec 00:30 in Amsterdam (still Tue 1 Dec in UTC), so Thu 3 Dec is tomorrow.
    expect(kindsAndKeys(check([deadline('c1', '2026-12-03')], '2026-12-01T23:30:00Z'))).toEqual([
      'due_tomorrow c1/evaluation/1|due_tomorrow|2026-12-03',
    ])
  })

  it('places a deadline of another zone on the team’s day it falls in: Tue 1 Dec in New York ends Wed 06:00 in Amsterdam', () => {
    const ny = [deadline('c1', '2026-12-01', { zone: 'America/New_York' })]
    // Tue 1 Dec 12:00 in Amsterdam: due on the team's Wed 2 Dec, so due tomorrow although it is the 1st in New York.
    expect(kindsAndKeys(check(ny, '2026-12-01T12:00:00+01:00'))).toEqual(['due_tomorrow c1/evaluation/1|due_tomorrow|2026-12-01'])
    // Wed 2 Dec 06:00 in Amsterdam is midnight in New York: overdue then, on the team's day it was due.
    expect(check(ny, '2026-12-02T05:59:00+01:00', { shown: { 'c1/evaluation/1|due_tomorrow|2026-12-01': '2026-12-01' } }).reminders).toEqual([])
    expect(kindsAndKeys(check(ny, '2026-12-02T06:00:30+01:00'))).toContain('overdue c1/evaluation/1|overdue|2026-12-01')
  })

  it('does not repeat after a restart: what was shown is kept, and the summary comes once per team day', () => {
    const d = [deadline('c1', '2026-12-02'), deadline('c2', '2026-11-30')]
    const start = check(d, '2026-12-01T08:00:00+01:00', { startup: true })
    expect(start.reminders).toEqual([{ kind: 'summary', key: 'summary|2026-12-01', counts: { overdue: 1, dueToday: 0, dueTomorrow: 1 } }])
    // What the summary counted is marked shown, so the deadlines do not follow one by one.
    expect(Object.keys(start.shown).sort()).toEqual([
      'c1/evaluation/1|due_tomorrow|2026-12-02',
      'c2/evaluation/1|overdue|2026-11-30',
      'summary|2026-12-01',
    ])
    const minuteLater = check(d, '2026-12-01T08:01:00+01:00', { shown: start.shown })
    expect(minuteLater.reminders).toEqual([])
    const restart = check(d, '2026-12-01T14:00:00+01:00', { shown: start.shown, startup: true })
    expect(restart.reminders).toEqual([])
  })

  it('at a restart on the same day, shows what became due tomorrow or overdue while the app was closed', () => {
    const shown: ShownReminders = { 'summary|2026-12-01': '2026-12-01' }
    // Kolkata's Tue 1 Dec ended at 19:30 in Amsterdam, while the app was closed.
    const d = [deadline('c1', '2026-12-01', { zone: 'Asia/Kolkata' })]
    expect(kindsAndKeys(check(d, '2026-12-01T21:00:00+01:00', { shown, startup: true }))).toEqual([
      'overdue c1/evaluation/1|overdue|2026-12-01',
    ])
  })

  it('the next morning’s start shows a summary again, with yesterday’s deadline now overdue in it', () => {
    const d = [deadline('c1', '2026-12-01')]
    const first = check(d, '2026-11-30T09:00:00+01:00', { startup: true })
    expect(first.reminders).toEqual([{ kind: 'summary', key: 'summary|2026-11-30', counts: { overdue: 0, dueToday: 0, dueTomorrow: 1 } }])
    const next = check(d, '2026-12-02T09:00:00+01:00', { shown: first.shown, startup: true })
    expect(next.reminders).toEqual([{ kind: 'summary', key: 'summary|2026-12-02', counts: { overdue: 1, dueToday: 0, dueTomorrow: 0 } }])
  })

  it('a deadline overdue since before yesterday is not shown on its own, only counted in the next summary', () => {
    const d = [deadline('c1', '2026-11-25')]
    const running = check(d, '2026-12-01T09:00:00+01:00', { shown: { 'summary|2026-12-01': '2026-12-01' } })
    expect(running.reminders).toEqual([])
    const start = check(d, '2026-12-02T09:00:00+01:00', { startup: true })
    expect(start.reminders).toEqual([{ kind: 'summary', key: 'summary|2026-12-02', counts: { overdue: 1, dueToday: 0, dueTomorrow: 0 } }])
  })

  it('no summary when there is nothing to count', () => {
    expect(check([deadline('c1', '2026-12-10')], '2026-12-01T09:00:00+01:00', { startup: true })).toEqual({ reminders: [], shown: {} })
  })

  it('reminds again when the date moved: a new due date is a new key', () => {
    const shown = { 'c1/evaluation/1|due_tomorrow|2026-12-02': '2026-12-01' }
    expect(kindsAndKeys(check([deadline('c1', '2026-12-03')], '2026-12-02T09:00:00+01:00', { shown }))).toEqual([
      'due_tomorrow c1/evaluation/1|due_tomorrow|2026-12-03',
    ])
  })

  it('paused, met and waiting deadlines never remind, nor count', () => {
    const d = (['paused', 'met_on_time', 'met_late', 'waiting', 'not_applicable'] as const).map((fixed, i) =>
      deadline(`c${i}`, i % 2 ? '2026-11-30' : '2026-12-02', { fixed }),
    )
    expect(check(d, '2026-12-01T09:00:00+01:00', { startup: true })).toEqual({ reminders: [], shown: {} })
  })

  it('nothing at all when reminders are off', () => {
    const d = [deadline('c1', '2026-12-02'), deadline('c2', '2026-11-30')]
    const off = { enabled: false, scope: 'all' as const }
    expect(check(d, '2026-12-01T08:00:00+01:00', { startup: true, prefs: off })).toEqual({ reminders: [], shown: {} })
    expect(check(d, '2026-12-01T00:00:10+01:00', { prefs: off }).reminders).toEqual([])
  })

  it('"mine" keeps the cases assigned to this person; with nobody chosen, none', () => {
    const d = [deadline('c1', '2026-12-02'), deadline('c2', '2026-12-02'), deadline('c3', '2026-12-02')]
    const assignees: Record<string, string> = { c1: 'm-ann', c2: 'm-bob' }
    const mine = { prefs: { enabled: true, scope: 'mine' as const }, assigneeOf: (id: string) => assignees[id] }
    expect(check(d, '2026-12-01T09:00:00+01:00', { ...mine, memberId: 'm-ann' }).reminders.map((r) => r.key)).toEqual([
      'c1/evaluation/1|due_tomorrow|2026-12-02',
    ])
    expect(check(d, '2026-12-01T09:00:00+01:00', { ...mine, memberId: null })).toEqual({ reminders: [], shown: {} })
    expect(check(d, '2026-12-01T09:00:00+01:00', { memberId: 'm-ann', assigneeOf: mine.assigneeOf }).reminders).toHaveLength(3)
  })

  it(`more than ${maxSeparateReminders} at once become one summary, and all of them count as shown`, () => {
    const d = ['c1', 'c2', 'c3', 'c4'].map((id) => deadline(id, '2026-12-03'))
    const atMidnight = check(d, '2026-12-02T00:00:20+01:00', { shown: { 'summary|2026-12-02': '2026-12-02' } })
    expect(atMidnight.reminders).toEqual([
      { kind: 'summary', key: 'summary|2026-12-02|2026-12-01T23:00:20.000Z', counts: { overdue: 0, dueToday: 0, dueTomorrow: 4 } },
    ])
    expect(Object.keys(atMidnight.shown)).toHaveLength(5)
    expect(check(d, '2026-12-02T00:01:20+01:00', { shown: atMidnight.shown }).reminders).toEqual([])
  })

  it('shows overdue before due tomorrow, each by day then deadline', () => {
    const d = [deadline('c2', '2026-12-02'), deadline('c1', '2026-12-01', { zone: 'Asia/Kolkata' }), deadline('c0', '2026-12-02')]
    expect(check(d, '2026-12-01T20:00:00+01:00').reminders.map((r) => `${r.kind} ${r.kind === 'summary' ? '' : r.caseId}`)).toEqual([
      'overdue c1',
      'due_tomorrow c0',
      'due_tomorrow c2',
    ])
  })

  it(`lets go of shown keys after 60 days, and they cannot remind again by then`, () => {
    const shown = { 'c1/evaluation/1|overdue|2026-09-30': '2026-10-01', 'c2/evaluation/1|overdue|2026-10-03': '2026-10-03' }
    const later = check([deadline('c1', '2026-09-30'), deadline('c2', '2026-10-03')], '2026-12-01T09:00:00+01:00', { shown })
    expect(later).toEqual({ reminders: [], shown: { 'c2/evaluation/1|overdue|2026-10-03': '2026-10-03' } })
  })
})

describe('reminders over days of a running app, on realistic cases', () => {
  it('reminds each deadline at most once per kind and date, only while it is open or overdue, with the summary at the start only', () => {
    // Of these, a handful have deadlines around Christmas 2025 (22 and 23 Dec among them): those, and a hundred others
    // (long overdue, met, closed) around them, so the hourly counting stays quick.
    const policyOf = policyLookup([])
    const start = new Date('2025-12-21T08:00:00+01:00')
    const cases = realisticCases(1500, 5).filter(
      (c, i) => i < 100 || agendaOfCase(c, policyOf(c.policyId), start).some((e) => e.date >= '2025-12-20' && e.date <= '2025-12-27'),
    )
    let shown: ShownReminders = {}
    const seen = new Set<string>()
    let summaries = 0
    const kinds = new Set<string>()
    // Every hour for three days, with a restart each morning at 08:00 in the team's zone (07:00 UTC in December).
    for (let t = start.getTime(); t < Date.parse('2025-12-24T08:00:00+01:00'); t += 3_600_000) {
      const now = new Date(t)
      const entries = cases.flatMap((c) => agendaOfCase(c, policyOf(c.policyId), now))
      const startup = now.getUTCHours() === 7
      const result = dueReminders({ ...base, entries, now, shown, startup })
      for (const r of result.reminders) {
        if (r.kind === 'summary') {
          summaries++
          continue
        }
        kinds.add(r.kind)
        expect(seen.has(r.key), `${r.key} shown again at ${now.toISOString()}`).toBe(false)
        seen.add(r.key)
        const entry = entries.find((e) => e.uid === r.uid)!
        expect(r.kind === 'overdue' ? ['overdue'] : ['upcoming', 'due_today']).toContain(entry.state)
      }
      shown = result.shown
    }
    expect(summaries).toBe(3)
    expect([...kinds].sort()).toEqual(['due_tomorrow', 'overdue'])
  })
})
