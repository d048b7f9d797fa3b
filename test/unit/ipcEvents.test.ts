import { afterEach, describe, expect, it, vi } from 'vitest'
import { startDayClock } from '../../electron/dayClock'
import { eventNames, events } from '../../src/ipc/contract'
import { nextDayChange } from '../../src/ipc/dayChange'
import { buildDeskApi } from '../../src/ipc/deskApi'
import { checkedEvent, contractEventsOf, isEventName } from '../../src/ipc/events'

describe('contractEventsOf', () => {
  it('names each change the way the renderer listens for it', () => {
    expect(
      contractEventsOf(
        [{ type: 'case.changed', caseId: 'c1' }, { type: 'settings.changed' }, { type: 'policies.changed' }, { type: 'templates.changed' }],
        'this_app',
      ),
    ).toEqual([
      { name: 'case:changed', payload: { id: 'c1' } },
      { name: 'settings:changed', payload: {} },
      { name: 'policies:changed', payload: {} },
      { name: 'templates:changed', payload: {} },
    ])
  })

  it('says once what changed twice, and leaves single cases out when many changed at once', () => {
    expect(
      contractEventsOf(
        [
          { type: 'case.changed', caseId: 'c1' },
          { type: 'case.changed', caseId: 'c1' },
        ],
        'this_app',
      ),
    ).toEqual([{ name: 'case:changed', payload: { id: 'c1' } }])
    expect(
      contractEventsOf([{ type: 'case.changed', caseId: 'c1' }, { type: 'cases.changed' }, { type: 'cases.changed' }], 'this_app'),
    ).toEqual([{ name: 'cases:changed', payload: {} }])
  })

  it("adds store:changedOnDisk when another app wrote the shared file, even when it changed nothing this app shows", () => {
    expect(contractEventsOf([{ type: 'case.changed', caseId: 'c2' }], 'other_app')).toEqual([
      { name: 'case:changed', payload: { id: 'c2' } },
      { name: 'store:changedOnDisk', payload: {} },
    ])
    expect(contractEventsOf([], 'other_app')).toEqual([{ name: 'store:changedOnDisk', payload: {} }])
  })

  it('gives only payloads the contract accepts', () => {
    const all = contractEventsOf(
      [{ type: 'case.changed', caseId: 'c1' }, { type: 'settings.changed' }, { type: 'policies.changed' }],
      'other_app',
    )
    for (const event of all) expect(events[event.name].safeParse(event.payload).success).toBe(true)
  })
})

describe('checkedEvent', () => {
  it('passes a payload that matches the contract and refuses one that does not', () => {
    expect(checkedEvent('clock:dayChanged', { today: '2026-12-22' })).toEqual({ name: 'clock:dayChanged', payload: { today: '2026-12-22' } })
    expect(() => checkedEvent('clock:dayChanged', { today: 'Tuesday' })).toThrow()
    expect(() => checkedEvent('app:navigate', { to: 'javascript:alert(1)' })).toThrow()
    expect(() => checkedEvent('cases:changed', { extra: true })).toThrow()
  })

  it('knows the names of the contract events only', () => {
    expect(eventNames.every(isEventName)).toBe(true)
    expect(isEventName('cases:list')).toBe(false)
    expect(isEventName('toString')).toBe(false)
  })
})

describe('desk.events.on', () => {
  it('registers through the listen function and returns its unsubscribe', () => {
    const listened: string[] = []
    let stopped = 0
    const desk = buildDeskApi(
      async () => ({ ok: true, value: null }),
      (name) => {
        listened.push(name)
        return () => stopped++
      },
    )
    const stop = desk.events.on('case:changed', () => {})
    expect(listened).toEqual(['case:changed'])
    stop()
    expect(stopped).toBe(1)
  })
})

describe('nextDayChange', () => {
  it("is due at the first millisecond of the next day on the team's clock, announcing that day", () => {
    // 23:30 on Mon 21 Dec in Amsterdam (UTC+1) is 22:30 UTC; the next day starts at 23:00 UTC.
    expect(nextDayChange(Date.parse('2026-12-21T22:30:00Z'), 'Europe/Amsterdam')).toEqual({
      at: Date.parse('2026-12-21T23:00:00Z'),
      today: '2026-12-22',
    })
    // At the very first millisecond of a day, the change due is the next one.
    expect(nextDayChange(Date.parse('2026-12-21T23:00:00Z'), 'Europe/Amsterdam').today).toBe('2026-12-23')
  })

  it('follows the zone: the same instant is a different evening in New York', () => {
    expect(nextDayChange(Date.parse('2026-12-21T22:30:00Z'), 'America/New_York')).toEqual({
      at: Date.parse('2026-12-22T05:00:00Z'),
      today: '2026-12-22',
    })
  })

  it('comes after 23 hours on the day the clocks go forward', () => {
    // Sun 29 Mar 2026 in Amsterdam begins at 23:00 UTC on the 28th and lasts 23 hours.
    expect(nextDayChange(Date.parse('2026-03-28T23:00:00Z'), 'Europe/Amsterdam').at).toBe(Date.parse('2026-03-29T22:00:00Z'))
  })
})

describe('the day clock of the main process', () => {
  afterEach(() => void vi.useRealTimers())

  it("announces each new day at the team's midnight, and follows a change of zone", () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-21T22:30:00Z') })
    let zone = 'Europe/Amsterdam'
    const announced: string[] = []
    const clock = startDayClock(() => zone, (today) => announced.push(today))
    vi.advanceTimersByTime(30 * 60_000 - 1)
    expect(announced).toEqual([])
    vi.advanceTimersByTime(1)
    expect(announced).toEqual(['2026-12-22'])
    vi.advanceTimersByTime(24 * 3_600_000)
    expect(announced).toEqual(['2026-12-22', '2026-12-23'])
    // 22 Dec 23:00 UTC is 18:00 on the 22nd in New York, whose 23rd begins at 05:00 UTC.
    zone = 'America/New_York'
    clock.reschedule()
    vi.advanceTimersByTime(6 * 3_600_000 - 1)
    expect(announced).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(announced).toEqual(['2026-12-22', '2026-12-23', '2026-12-23'])
    clock.stop()
    vi.advanceTimersByTime(48 * 3_600_000)
    expect(announced).toHaveLength(3)
  })
})
