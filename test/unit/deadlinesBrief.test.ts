import { describe, expect, it } from 'vitest'
import { deadlinesOf } from '../../src/deadlines'
import { presetPolicies } from '../../src/policies/presets'
import { realisticCases } from '../bench/fixtures/realisticCases'

describe('deadlines without explanations', () => {
  it('give the same due dates, instants and states as the explained ones, for 300 realistic cases under both presets', () => {
    const now = new Date('2026-11-23T10:00:00Z')
    const cases = realisticCases(300, 7)
    const brief = (d: ReturnType<typeof deadlinesOf>[number]) => [d.ruleId, d.occurrence, d.state, d.dueDate, d.dueAt, d.kept]
    let compared = 0
    for (const policy of presetPolicies) {
      for (const c of cases) {
        const full = deadlinesOf(c, policy, now)
        const fast = deadlinesOf(c, policy, now, { explain: false })
        expect(fast.map(brief)).toEqual(full.map(brief))
        expect(fast.every((d) => d.skipped.length === 0)).toBe(true)
        compared += full.length
      }
    }
    expect(compared).toBeGreaterThan(2000)
  })
})
