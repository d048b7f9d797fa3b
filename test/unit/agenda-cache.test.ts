import { describe, expect, it } from 'vitest'
import { createAgendaCache } from '../../src/agenda/agendaCache'
import { agendaOfCase } from '../../src/agenda/agendaOf'
import type { Case } from '../../src/cases/case'
import { deadlinesOf, nextDeadline } from '../../src/deadlines'
import { createDeadlineCache } from '../../src/deadlines/nextDeadlineCache'
import { aimmsPolicy, ikuuPolicy } from '../../src/policies/presets'
import { realisticCases } from '../bench/fixtures/realisticCases'

// The realistic cases are pinned to the default calendar: the Netherlands, Europe/Amsterdam. Mon 23 Nov 2026 ends
// there at 22:59:59.999Z (winter time); Tue 24 Nov starts at 23:00:00.000Z.
const morning = new Date('2026-11-23T07:00:00Z')
const lastMoment = new Date('2026-11-23T22:59:59.999Z')
const nextDay = new Date('2026-11-23T23:00:00.000Z')

/** Cases received over the three weeks from `start`, with open promises that turn due and overdue day by day. */
function recentCases(n = 400, start = '2026-11-02T08:00:00Z'): Case[] {
  return realisticCases(n, 9).map((c, i) => {
    const shift = Date.parse(start) + (i % 21) * 86_400_000 + (i % 7) * 3_600_000 - Date.parse(c.received.at)
    const later = (iso: string) => new Date(Date.parse(iso) + shift).toISOString()
    return {
      ...c,
      received: { ...c.received, at: later(c.received.at) },
      timeline: c.timeline.map((e) => ({ ...e, at: later(e.at), ...('on' in e && e.on !== undefined && { on: later(e.on) }) })) as Case['timeline'],
    }
  })
}

describe('the shared deadline count', () => {
  const cases = recentCases()

  it('answers what deadlinesOf answers at every moment of the day it was counted in, and again after midnight', () => {
    const cache = createDeadlineCache()
    for (const c of cases) cache.deadlinesOf(c, aimmsPolicy, morning)
    for (const at of [lastMoment, nextDay, new Date('2026-11-25T12:00:00Z')]) {
      for (const c of cases) {
        expect(cache.deadlinesOf(c, aimmsPolicy, at)).toEqual(deadlinesOf(c, aimmsPolicy, at, { explain: false }))
        expect(cache.nextDeadlineOf(c, aimmsPolicy, at)).toEqual(nextDeadline(deadlinesOf(c, aimmsPolicy, at, { explain: false })))
      }
    }
  })

  it('answers what deadlinesOf answers every 2 hours and 17 minutes through the week Amsterdam sets its clocks back', () => {
    const octoberCases = recentCases(150, '2026-10-05T08:00:00Z')
    const cache = createDeadlineCache()
    for (let at = Date.parse('2026-10-21T00:00:00Z'); at < Date.parse('2026-10-28T00:00:00Z'); at += 137 * 60_000) {
      const now = new Date(at)
      for (const c of octoberCases) expect(cache.deadlinesOf(c, aimmsPolicy, now)).toEqual(deadlinesOf(c, aimmsPolicy, now, { explain: false }))
    }
  })

  it('sees states change at midnight: some deadline of these cases turns overdue when Tue 24 Nov starts', () => {
    const states = (at: Date) => cases.flatMap((c) => deadlinesOf(c, aimmsPolicy, at, { explain: false }).map((d) => d.state))
    expect(states(nextDay)).not.toEqual(states(lastMoment))
  })

  it('counts a case once per team day, again when the case, the policy or the day changed, or the clock went back', () => {
    const cache = createDeadlineCache()
    const c = cases[0]!
    const first = cache.deadlinesOf(c, aimmsPolicy, morning)
    expect(cache.deadlinesOf(c, aimmsPolicy, lastMoment)).toBe(first)
    expect(cache.deadlinesOf(c, aimmsPolicy, nextDay)).not.toBe(first)
    const second = cache.deadlinesOf(c, aimmsPolicy, nextDay)
    expect(cache.deadlinesOf(c, aimmsPolicy, lastMoment)).not.toBe(second)
    const third = cache.deadlinesOf(c, aimmsPolicy, lastMoment)
    expect(cache.deadlinesOf({ ...c }, aimmsPolicy, lastMoment)).not.toBe(third)
    expect(cache.deadlinesOf(c, ikuuPolicy, lastMoment)).not.toBe(third)
  })

  it('follows the day of the zone the case is counted in, not Amsterdam, for a case pinned to New York', () => {
    const cache = createDeadlineCache()
    const c: Case = { ...cases[0]!, calendar: { ...cases[0]!.calendar, spec: { ...cases[0]!.calendar.spec, country: 'US', timeZone: 'America/New_York' } } }
    // Mon 23 Nov ends in New York at 04:59:59.999Z on the 24th: Amsterdam's midnight changes nothing there.
    const first = cache.deadlinesOf(c, aimmsPolicy, morning)
    expect(cache.deadlinesOf(c, aimmsPolicy, nextDay)).toBe(first)
    expect(cache.deadlinesOf(c, aimmsPolicy, new Date('2026-11-24T05:00:00Z'))).not.toBe(first)
  })
})

describe('the agenda cache over the shared count', () => {
  const cases = recentCases()
  const proposed = (c: Case, at: string, timeZone: string): Case => ({
    ...c,
    status: 'accepted',
    timeline: [...c.timeline, { id: `${c.id}-pub`, at: '2026-11-20T10:00:00Z', by: { name: 'Sam' }, type: 'publication_proposed', publication: { at, timeZone } }],
  })

  it('answers what agendaOfCase answers through a day change, reusing the deadlines the case list counted', () => {
    const deadlines = createDeadlineCache()
    for (const c of cases) deadlines.nextDeadlineOf(c, aimmsPolicy, morning)
    const agendaOf = createAgendaCache(deadlines)
    for (const at of [morning, lastMoment, nextDay]) {
      for (const c of cases) expect(agendaOf(c, aimmsPolicy, at)).toEqual(agendaOfCase(c, aimmsPolicy, at))
    }
  })

  it('gives a case whose calendar names no zone and no holiday data nothing but its publication, among good cases', () => {
    // No timeZone pinned and a country date-holidays has no data for: the zone cannot be found, nor can the count.
    const unusable = (c: Case, country: string): Case => {
      const { timeZone: _pinned, ...spec } = c.calendar.spec
      return { ...c, calendar: { ...c.calendar, spec: { ...spec, country } } }
    }
    const bad = [unusable(cases[1]!, 'ZZ'), unusable(proposed(cases[2]!, '2026-11-30T10:00:00+01:00', 'Europe/Amsterdam'), 'AQ')]
    const all = [cases[0]!, ...bad, ...cases.slice(3, 40)]
    const agendaOf = createAgendaCache()
    for (const at of [morning, nextDay]) {
      for (const c of all) expect(agendaOf(c, aimmsPolicy, at)).toEqual(agendaOfCase(c, aimmsPolicy, at))
    }
    expect(agendaOf(bad[0]!, aimmsPolicy, morning)).toEqual([])
    expect(agendaOf(bad[1]!, aimmsPolicy, morning).map((e) => e.kind)).toEqual(['publication'])
  })

  it("turns a publication overdue when its own zone's day ends, not the team's", () => {
    const agendaOf = createAgendaCache()
    // Proposed for Mon 23 Nov 20:00 in New York, which is 02:00 on Tue 24 Nov in Amsterdam.
    const c = proposed(cases[0]!, '2026-11-23T20:00:00-05:00', 'America/New_York')
    const state = (at: string) => agendaOf(c, aimmsPolicy, new Date(at)).find((e) => e.kind === 'publication')?.state
    expect(state('2026-11-23T07:00:00Z')).toBe('due_today')
    expect(state('2026-11-23T23:30:00Z')).toBe('due_today')
    expect(state('2026-11-24T04:59:59.999Z')).toBe('due_today')
    expect(state('2026-11-24T05:00:00Z')).toBe('overdue')
  })

  it('shows a publication proposed on a clock this computer does not know on its moment in UTC', () => {
    const c = proposed(cases[0]!, '2026-11-30T10:00:00+05:00', 'Atlantis/Poseidonia')
    const [publication] = agendaOfCase(c, undefined, morning)
    expect(publication).toMatchObject({ kind: 'publication', date: '2026-11-30', at: '2026-11-30T05:00:00.000Z', zone: 'UTC', state: 'upcoming' })
    const agendaOf = createAgendaCache()
    expect(agendaOf(c, undefined, morning)).toEqual([publication])
  })
})
