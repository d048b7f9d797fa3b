import { describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../../src/agenda/agendaEntry'
import { teamView } from '../../src/agenda/teamView'
import type { DeadlineState } from '../../src/deadlines/deadline'

const team = 'Europe/Amsterdam'

/** An evaluation due at `at`, the end of its due day in `zone`, with the state its own zone gives it. */
const entry = (state: DeadlineState, date: string, at: string, zone: string): AgendaEntry => ({
  uid: `case-1/evaluation/1`,
  caseId: 'case-1',
  kind: 'evaluation',
  ruleId: 'evaluation',
  occurrence: 1,
  state,
  date,
  at,
  zone,
})

describe("an entry on the team's calendar", () => {
  // Tue 1 Dec 2026 ends in New York at 04:59:59.999Z on the 2nd: Wed 05:59 in Amsterdam.
  const newYorkTuesday = (state: DeadlineState) => entry(state, '2026-12-01', '2026-12-02T04:59:59.999Z', 'America/New_York')
  // Wed 2 Dec 2026 ends in Tokyo at 14:59:59.999Z: Wed 15:59 in Amsterdam.
  const tokyoWednesday = (state: DeadlineState) => entry(state, '2026-12-02', '2026-12-02T14:59:59.999Z', 'Asia/Tokyo')

  it("is tomorrow's, this week, on Tue 1 Dec in Amsterdam for a New York deadline due that Tuesday, which New York calls due today", () => {
    expect(teamView(newYorkTuesday('due_today'), team, '2026-12-01')).toEqual({ day: '2026-12-02', otherZone: true, state: 'upcoming', tone: 'this_week' })
  })

  it('is due today on Wed 2 Dec in Amsterdam until 05:59, then overdue as New York says', () => {
    expect(teamView(newYorkTuesday('due_today'), team, '2026-12-02')).toMatchObject({ day: '2026-12-02', state: 'due_today', tone: 'due_today' })
    expect(teamView(newYorkTuesday('overdue'), team, '2026-12-02')).toMatchObject({ day: '2026-12-02', state: 'overdue', tone: 'overdue' })
  })

  it('is due today on Wed 2 Dec for a Tokyo deadline due that Wednesday, upcoming the day before, overdue after 15:59', () => {
    expect(teamView(tokyoWednesday('due_today'), team, '2026-12-02')).toEqual({ day: '2026-12-02', otherZone: true, state: 'due_today', tone: 'due_today' })
    expect(teamView(tokyoWednesday('upcoming'), team, '2026-12-01')).toMatchObject({ state: 'upcoming', tone: 'this_week' })
    expect(teamView(tokyoWednesday('overdue'), team, '2026-12-02')).toMatchObject({ state: 'overdue', tone: 'overdue' })
  })

  it("keeps the team's own deadline on its due date, and counts one counted before midnight by today", () => {
    const amsterdam = (state: DeadlineState, date: string) => entry(state, date, `${date}T22:59:59.999Z`, team)
    expect(teamView(amsterdam('upcoming', '2026-12-07'), team, '2026-12-01')).toEqual({ day: '2026-12-07', otherZone: false, state: 'upcoming', tone: 'later' })
    expect(teamView(amsterdam('upcoming', '2026-12-01'), team, '2026-12-01')).toMatchObject({ state: 'due_today', tone: 'due_today' })
    expect(teamView(amsterdam('upcoming', '2026-11-30'), team, '2026-12-01')).toMatchObject({ state: 'overdue', tone: 'overdue' })
    expect(teamView(amsterdam('due_today', '2026-11-30'), team, '2026-12-01')).toMatchObject({ state: 'overdue', tone: 'overdue' })
  })

  it('leaves paused and kept deadlines as they are, whatever day it is', () => {
    expect(teamView(newYorkTuesday('paused'), team, '2026-12-05')).toMatchObject({ state: 'paused', tone: 'paused' })
    expect(teamView(newYorkTuesday('met_late'), team, '2026-11-20')).toMatchObject({ state: 'met_late', tone: 'met' })
  })
})
