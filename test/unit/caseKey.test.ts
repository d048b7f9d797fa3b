import { describe, expect, it } from 'vitest'
import { nextCaseKey } from '../../src/cases/caseKey'

describe('nextCaseKey', () => {
  it('starts each year at VD-<year>-001', () => {
    expect(nextCaseKey([], 2026)).toBe('VD-2026-001')
    expect(nextCaseKey(['VD-2025-041'], 2026)).toBe('VD-2026-001')
  })

  it('is one more than the highest key of the year, not the count', () => {
    expect(nextCaseKey(['VD-2026-001', 'VD-2026-006', 'VD-2025-099'], 2026)).toBe('VD-2026-007')
  })

  it('grows past three digits', () => {
    expect(nextCaseKey(['VD-2026-999'], 2026)).toBe('VD-2026-1000')
    expect(nextCaseKey(['VD-2026-1000', 'VD-2026-999'], 2026)).toBe('VD-2026-1001')
  })

  it('ignores keys that only look similar', () => {
    expect(nextCaseKey(['VD-2026-050x', 'XVD-2026-090', 'VD-20260-100'], 2026)).toBe('VD-2026-001')
  })
})
