import { describe, expect, it } from 'vitest'
import { deadlinesOf, nextDeadline } from '../../src/deadlines'
import { createDeadlineCache } from '../../src/deadlines/nextDeadlineCache'
import { ikuuPolicy } from '../../src/policies/presets'
import { realisticCases } from '../bench/fixtures/realisticCases'

describe('the next-deadline cache of the case list', () => {
  const cases = realisticCases(50, 3)
  const at = new Date('2026-11-23T10:00:30Z')

  it('answers what deadlinesOf answers, for every case', () => {
    const nextOf = createDeadlineCache().nextDeadlineOf
    for (const c of cases) expect(nextOf(c, ikuuPolicy, at)).toEqual(nextDeadline(deadlinesOf(c, ikuuPolicy, at, { explain: false })))
  })

  it("counts a case again when it changed, when its policy changed, and when the team's day changed", () => {
    const nextOf = createDeadlineCache().nextDeadlineOf
    const c = cases.find((k) => k.status === 'received')!
    const first = nextOf(c, ikuuPolicy, at)
    expect(first?.due).toBe('acknowledgement')
    // Mon 23 Nov 2026 ends in Amsterdam at 22:59:59.999Z: within the day the count holds, after it the case is counted again.
    expect(nextOf(c, ikuuPolicy, new Date('2026-11-23T22:59:59.999Z'))).toBe(first)
    expect(nextOf(c, ikuuPolicy, new Date('2026-11-23T23:00:00Z'))).not.toBe(first)
    const second = nextOf(c, ikuuPolicy, at)
    expect(nextOf({ ...c }, ikuuPolicy, at)).not.toBe(second)
    expect(nextOf(c, { ...ikuuPolicy }, at)).not.toBe(second)
  })
})
