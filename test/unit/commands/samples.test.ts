import { describe, expect, it } from 'vitest'
import { milestoneTimes } from '../../../src/cases/history'
import { statusMilestones } from '../../../src/cases/lifecycle'
import { ana, desk, idor } from './fixture'

describe('samples.load / samples.remove', () => {
  it('adds the demo cases once, numbered after the real ones, by the acting member', () => {
    const d = desk()
    d.run({ type: 'case.create', input: idor })
    expect(d.run({ type: 'samples.load' })).toEqual({ added: 12 })
    expect(d.run({ type: 'samples.load' })).toEqual({ added: 0 })
    const samples = d.doc.cases.filter((c) => c.sample)
    expect(samples.map((c) => c.key)).toContain('VD-2026-002')
    expect(samples.every((c) => c.timeline.every((e) => e.by.memberId === ana.id))).toBe(true)
  })

  it('keep the rules the commands keep: no credit milestone, each status move with its milestone', () => {
    const d = desk()
    d.run({ type: 'samples.load' })
    for (const c of d.doc.cases) {
      expect(c.timeline.some((e) => e.type === 'milestone' && e.milestone === 'credit_confirmed')).toBe(false)
      const reached = new Set(c.timeline.flatMap((e) => (e.type === 'status_changed' ? [e.to] : [])))
      for (const pair of statusMilestones) if (reached.has(pair.status)) expect(milestoneTimes(c).has(pair.milestone)).toBe(true)
      // A credit chosen on the case is confirmed on its timeline.
      if (c.credit.choice !== 'not_asked') expect(milestoneTimes(c).has('credit_confirmed')).toBe(true)
    }
  })

  it('removes the demo cases and nothing else', () => {
    const d = desk()
    const real = d.run({ type: 'case.create', input: idor })
    d.run({ type: 'samples.load' })
    expect(d.run({ type: 'samples.remove' })).toEqual({ removed: 12 })
    expect(d.doc.cases).toEqual([real])
    const before = d.doc
    expect(d.run({ type: 'samples.remove' })).toEqual({ removed: 0 })
    expect(d.doc).toBe(before)
  })
})
