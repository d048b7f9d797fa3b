import { describe, expect, it } from 'vitest'
import { Case, CasePatch, Credit, Reporter, Severity } from '../../src/cases/case'
import { userWords } from '../../src/errors'
import { realisticCases } from '../bench/fixtures/realisticCases'

const firstMessage = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0]

describe('Reporter', () => {
  it('accepts a reporter with a valid email and defaults the language to English', () => {
    expect(Reporter.parse({ name: ' Priya Raman ', email: 'priya@example.org' })).toEqual({
      name: 'Priya Raman',
      email: 'priya@example.org',
      language: 'en',
    })
  })

  it('refuses an email without a domain and a blank name', () => {
    expect(firstMessage(Reporter.safeParse({ name: 'Priya', email: 'priya@' }))).toBe('email: Enter a valid email address')
    expect(firstMessage(Reporter.safeParse({ name: '   ', email: 'priya@example.org' }))).toBe('name: Enter the reporter’s name')
  })

  it('refuses an email carrying a header injection', () => {
    expect(Reporter.safeParse({ name: 'X', email: 'a@example.org\r\nBcc: all@example.org' }).success).toBe(false)
  })
})

describe('Severity', () => {
  it('accepts unrated, a plain rating and a scored CVSS vector', () => {
    expect(Severity.parse({ kind: 'unrated' })).toEqual({ kind: 'unrated' })
    expect(Severity.parse({ kind: 'rating', rating: 'high' })).toEqual({ kind: 'rating', rating: 'high' })
    const cvss = { kind: 'cvss', version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', score: 9.3, rating: 'critical' }
    expect(Severity.parse(cvss)).toEqual(cvss)
  })

  it('refuses a score above 10, CVSS 2.0 and an unknown rating', () => {
    const base = { kind: 'cvss', version: '3.1', vector: 'CVSS:3.1/AV:N', rating: 'critical' }
    expect(Severity.safeParse({ ...base, score: 10.5 }).success).toBe(false)
    expect(Severity.safeParse({ ...base, version: '2.0', score: 9 }).success).toBe(false)
    expect(Severity.safeParse({ kind: 'rating', rating: 'severe' }).success).toBe(false)
  })
})

describe('Credit', () => {
  it('accepts http and https addresses', () => {
    expect(Credit.parse({ choice: 'named', url: 'https://jansen.example/' }).url).toBe('https://jansen.example/')
    expect(Credit.parse({ choice: 'named', url: 'http://jansen.example/about' }).url).toBe('http://jansen.example/about')
  })

  it('refuses javascript:, data: and ftp: addresses', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example/']) {
      expect(firstMessage(Credit.safeParse({ url }))).toBe('url: Use an http or https address')
    }
  })
})

describe('CasePatch', () => {
  it('holds only the fields it names, so a title change leaves the report text alone', () => {
    expect(CasePatch.parse({ title: ' New title ' })).toEqual({ title: 'New title' })
  })

  it('validates the fields it names, in the words of the form', () => {
    expect(firstMessage(CasePatch.safeParse({ tags: [''] }, { error: userWords }))).toBe('tags.0: Fill this in')
  })
})

describe('realisticCases (benchmark fixture)', () => {
  it('makes the same valid cases for the same seed, with report texts of 300–3000 characters and 2–15 events', () => {
    const cases = realisticCases(300, 11)
    expect(realisticCases(300, 11)).toEqual(cases)
    for (const c of cases) {
      expect(Case.safeParse(c).error?.issues).toBeUndefined()
      expect(c.reportText.length).toBeGreaterThanOrEqual(300)
      expect(c.reportText.length).toBeLessThanOrEqual(3000)
      expect(c.timeline.length).toBeGreaterThanOrEqual(2)
      expect(c.timeline.length).toBeLessThanOrEqual(15)
    }
    expect(new Set(cases.map((c) => c.key)).size).toBe(300)
  })
})
