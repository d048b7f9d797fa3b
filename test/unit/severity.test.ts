import { describe, expect, it } from 'vitest'
import { ratingOf, scoreCvss } from '../../src/cases/severity'
import { DeskError } from '../../src/errors'

function errorOf(vector: string): DeskError {
  try {
    scoreCvss(vector)
  } catch (error) {
    return error as DeskError
  }
  throw new Error(`${vector} was accepted`)
}

describe('scoreCvss', () => {
  it('scores CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H as 9.8 critical', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      score: 9.8,
      rating: 'critical',
    })
  })

  it('scores the IDOR vector CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N as 6.5 medium', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N')).toMatchObject({ score: 6.5, rating: 'medium' })
  })

  it('scores a changed-scope stored XSS CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N as 6.1 medium', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toMatchObject({ score: 6.1, rating: 'medium' })
  })

  it('applies temporal metrics: E:P on the 9.8 vector gives 9.3', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P').score).toBe(9.3)
  })

  it('scores a vector without impact as 0.0 none', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toMatchObject({ score: 0, rating: 'none' })
  })

  it('scores CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N as 9.3 critical, as FIRST’s calculator does', () => {
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toEqual({
      version: '4.0',
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      score: 9.3,
      rating: 'critical',
    })
  })

  it('trims surrounding whitespace from a pasted vector', () => {
    expect(scoreCvss('  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n').vector).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')
  })

  it('names the metric with an unknown value', () => {
    const error = errorOf('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')
    expect(error).toBeInstanceOf(DeskError)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe('The CVSS vector "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" has AV:Q; AV must be one of N, A, L, P.')
    expect(error.issues).toEqual([{ path: 'severity.vector', message: error.message }])
  })

  it('lists missing base metrics', () => {
    expect(errorOf('CVSS:3.1/AV:N/AC:L').message).toBe('The CVSS vector "CVSS:3.1/AV:N/AC:L" lacks the base metrics PR, UI, S, C, I, A.')
  })

  it('refuses X (not defined) for a base metric', () => {
    expect(errorOf('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H').message).toContain('has AV:X; AV must be one of N, A, L, P')
  })

  it('refuses unknown metrics, repeated metrics and broken parts', () => {
    expect(errorOf('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1').message).toContain('has an unknown metric ZZ')
    expect(errorOf('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L').message).toContain('sets the metric AV twice')
    expect(errorOf('CVSS:3.1/AV:N//AC:L').message).toContain('has "" where a metric like AV:N belongs')
    expect(errorOf('CVSS:3.1/AV=N').message).toContain('has "AV=N" where a metric like AV:N belongs')
  })

  it('refuses other CVSS versions and vectors without a prefix', () => {
    expect(errorOf('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H').message).toContain('is CVSS 3.0; only CVSS 3.1 and 4.0 are supported')
    expect(errorOf('AV:N/AC:L/Au:N/C:P/I:P/A:P').message).toContain('must start with CVSS:3.1/ or CVSS:4.0/')
    expect(errorOf('').message).toContain('must start with CVSS:3.1/ or CVSS:4.0/')
  })

  it('refuses a 3.1 metric in a 4.0 vector', () => {
    expect(errorOf('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:U').message).toContain('S:U; S must be one of')
  })
})

describe('ratingOf', () => {
  it('follows the CVSS qualitative scale at every boundary', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(ratingOf)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ])
  })
})
